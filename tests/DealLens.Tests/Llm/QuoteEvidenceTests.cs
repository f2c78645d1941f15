using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DealLens.Core.Clauses;
using DealLens.Core.Evaluation;
using DealLens.Llm;
using DealLens.Tests.TestSupport;
using Xunit.Abstractions;

namespace DealLens.Tests.Llm;

public sealed class QuoteEvidenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ClauseTypes.TakeOrPay, "a", DropReasons.QuoteTooShort)]
    [InlineData(ClauseTypes.TakeOrPay, "Customer shall pay the fee.", DropReasons.QuoteTooShort)]
    [InlineData(ClauseTypes.TakeOrPay, LlmTestKit.GoverningLawQuote, DropReasons.NoTypeEvidence)]
    [InlineData(ClauseTypes.TakeOrPay, "The Reserved Capacity is described in Exhibit A whether or not amended.", DropReasons.NoTypeEvidence)]
    [InlineData(ClauseTypes.TakeOrPay, LlmTestKit.TakeOrPayQuote, null)]
    [InlineData(ClauseTypes.GoverningLaw, LlmTestKit.GoverningLawQuote, null)]
    [InlineData(ClauseTypes.AntiAssignment, "This Agreement and your rights under it shall remain personal to you.", null)]
    [InlineData(ClauseTypes.AntiAssignment, "Exhibit B lists the sites and the racks at each site.", DropReasons.NoTypeEvidence)]
    [InlineData(ClauseTypes.MinimumCommitment, "The minimum logo size is one inch across.", DropReasons.NoTypeEvidence)]
    public void Issue22_Problem_QuoteMustCarryItsType(string type, string quote, string? expected)
        => Assert.Equal(expected, QuoteEvidence.Default.Problem(type, quote));

    /// <summary>
    /// How many true clauses the check would throw away: CUAD's gold snippets of the mapped categories, each checked
    /// against the types of its category. One in five contracts (by a hash of the file name) is locked: reported, never
    /// looked at to choose anything.
    /// </summary>
    [CuadDevFact]
    public void Issue22_Problem_CuadGoldSnippets_KeepsNearlyAllTrueClauses()
    {
        var cuadDev = RepoPaths.RequireCuadDev();

        var counts = new Dictionary<bool, (int Kept, int Total)> { [false] = (0, 0), [true] = (0, 0) };
        var droppedByCategory = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(cuadDev, "labels.jsonl")).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var file = json.RootElement.GetProperty("file").GetString()!;
            var locked = SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFileName(file)))[0] % 5 == 0;
            foreach (var label in json.RootElement.GetProperty("labels").EnumerateObject().Where(l => CuadCategories.Mapped.Contains(l.Name)))
            {
                var types = CuadCategories.ClauseTypesFor(label.Name);
                foreach (var snippet in label.Value.GetProperty("snippets").EnumerateArray().Select(s => s.GetString()!))
                {
                    var kept = types.Any(t => QuoteEvidence.Default.Problem(t, snippet) is null);
                    var (k, n) = counts[locked];
                    counts[locked] = (k + (kept ? 1 : 0), n + 1);
                    if (!kept && !locked)
                    {
                        droppedByCategory[label.Name] = droppedByCategory.GetValueOrDefault(label.Name) + 1;
                    }
                }
            }
        }

        string Share((int Kept, int Total) c) => string.Create(CultureInfo.InvariantCulture, $"{c.Kept}/{c.Total} = {(double)c.Kept / c.Total:P1}");
        output.WriteLine($"gold snippets kept, development part: {Share(counts[false])}; locked part: {Share(counts[true])}");
        output.WriteLine("dropped in the development part by category: " + string.Join(", ", droppedByCategory.Select(d => $"{d.Key} {d.Value}")));
        Assert.True(counts[false].Total > 500 && counts[true].Total > 100, "too few snippets: is labels.jsonl complete?");
        Assert.True((double)counts[false].Kept / counts[false].Total >= 0.85, Share(counts[false]));
    }
}
