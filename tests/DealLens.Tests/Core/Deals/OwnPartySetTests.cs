using System.Globalization;
using System.Text.Json;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;
using Xunit.Abstractions;

namespace DealLens.Tests.Core.Deals;

/// <summary>
/// Issue 18: parties and roles on our own set of documents in real shapes (tests/DealLens.Tests/Data/parties, written
/// from public facts before the readers ran on them). The issue's bars are 0.80 of named parties found and
/// provider/customer right in 0.70 of the documents that state them; the set's later batches (round3, round3b, round4, round5)
/// were written to find shapes the readers miss, and on the whole set the readers keep floors just under what they score
/// (0.91 and 0.75 with round5, 99 documents: round5 was written to find what the readers miss), so a change that loses ground fails here. Party entries
/// labelled "unnamed" ("unnamed Customer A") are not expected, as in <see cref="FilingScorer"/>. Specific roles
/// (lender, issuer, guarantor, ...) are reported. Errors are listed for the development part only; the locked part
/// (<see cref="FilingSplit"/>) is counted, never shown.
/// </summary>
public sealed class OwnPartySetTests(ITestOutputHelper output)
{
    private sealed record Item(string Doc, List<string> Parties, string? Provider, string? Customer, List<(string Name, string Role, string? Parent)> Roles);

    [Fact]
    public void Issue18_ReadDocument_OwnSet_KeepsPartyAndRoleFloors()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "DealLens.Tests", "Data", "parties");
        var items = Load(Path.Combine(folder, "labels.jsonl"));
        Assert.True(items.Count >= 20, $"the set holds {items.Count} documents");

        int partiesFound = 0, partiesTotal = 0, rolesRight = 0, rolesTotal = 0, specificRight = 0, specificTotal = 0;
        foreach (var item in items)
        {
            var isLocked = FilingSplit.IsLocked(item.Doc);
            var text = File.ReadAllText(Path.Combine(folder, "docs", item.Doc));
            var document = DocumentText.FromPages([text], DocumentFormat.Text);
            var terms = DealTermsExtractor.Default.Extract(document).Terms;
            var names = CuadPartyScorer.NamesRead(terms, DocumentOriginReader.Read(document));
            var named = item.Parties.Where(p => !p.Contains("unnamed", StringComparison.OrdinalIgnoreCase)).ToList();
            var missing = named.Where(p => !names.Any(n => FilingScorer.NamesMatch(p, n))).ToList();
            partiesFound += named.Count - missing.Count;
            partiesTotal += named.Count;
            var errors = missing.Select(m => $"missing party {m}").ToList();
            if (item.Provider is not null || item.Customer is not null)
            {
                rolesTotal++;
                var right = Same(item.Provider, terms.Provider) && Same(item.Customer, terms.Customer);
                rolesRight += right ? 1 : 0;
                if (!right)
                {
                    errors.Add($"sides: expected {item.Provider} / {item.Customer}, read {terms.Provider} / {terms.Customer}");
                }
            }

            foreach (var (name, role, parent) in item.Roles)
            {
                specificTotal++;
                var held = terms.Roles.Any(r => r.Role == role && FilingScorer.NamesMatch(name, r.Name)
                    && (parent is null || r.Parent is { } p && FilingScorer.NamesMatch(parent, p)))
                    || PartyRoles.SideOf(role) == role && (role == PartyRoles.Provider ? Same(name, terms.Provider) : Same(name, terms.Customer));
                specificRight += held ? 1 : 0;
                if (!held)
                {
                    errors.Add($"role: {name} as {role}{(parent is null ? "" : $" of {parent}")} not read");
                }
            }

            if (!isLocked && errors.Count > 0)
            {
                output.WriteLine($"{item.Doc}: {string.Join("; ", errors)}");
            }
        }

        var partyRecall = (double)partiesFound / partiesTotal;
        var roleShare = (double)rolesRight / rolesTotal;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"named parties {partiesFound}/{partiesTotal} ({partyRecall:0.00}); documents with sides right {rolesRight}/{rolesTotal} ({roleShare:0.00}); specific roles {specificRight}/{specificTotal}"));
        Assert.True(partyRecall >= 0.90, $"named parties found {partiesFound} of {partiesTotal}");
        Assert.True(roleShare >= 0.74, $"documents with provider/customer right {rolesRight} of {rolesTotal}");
    }

    private static bool Same(string? expected, string? read)
        => expected is null || read is not null && FilingScorer.NamesMatch(expected, read);

    private static List<Item> Load(string path)
    {
        var items = new List<Item>();
        foreach (var line in File.ReadLines(path).Where(l => l.Trim().Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var deal = root.GetProperty("deal_terms");
            string? Value(string field) => deal.TryGetProperty(field, out var f) ? f.GetProperty("value").GetString() : null;
            items.Add(new Item(
                root.GetProperty("doc").GetString()!,
                [.. deal.GetProperty("parties").GetProperty("value").EnumerateArray().Select(p => p.GetString()!)],
                Value("provider"),
                Value("customer"),
                [.. root.GetProperty("roles").EnumerateArray().Select(r => (
                    r.GetProperty("name").GetString()!,
                    r.GetProperty("role").GetString()!,
                    r.TryGetProperty("parent", out var p) ? p.GetString() : null))]));
        }

        return items;
    }
}
