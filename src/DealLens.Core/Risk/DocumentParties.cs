using System.Text.RegularExpressions;
using DealLens.Core.Deals;

namespace DealLens.Core.Risk;

/// <summary>A company named in a sentence, at <c>sentence[Start..End]</c>.</summary>
internal sealed record CompanyMention(int Start, int End, string Key);

/// <summary>
/// The ways one document names its parties: full names, names without suffix ("Helios AI Labs"), a unique first word
/// ("Helios"), defined terms ("the Company", "Provider") and role words the deal terms resolved.
/// </summary>
internal sealed class DocumentParties
{
    private static readonly TimeSpan s_timeout = DealLens.Core.Text.RegexTimeouts.Limit;
    private static readonly string[] s_providerWords = ["Provider", "Supplier", "Vendor", "Seller", "Lessor"];
    private static readonly string[] s_customerWords = ["Customer", "Buyer", "Purchaser", "Lessee"];

    private readonly List<(string Surface, string Key, bool IgnoreCase)> _forms = [];

    public DocumentParties(string text, DealTerms deal, CompanyResolver resolver)
    {
        // A name that folds to nothing (a redaction mark such as "XXXXXXXX") is no party.
        // A heading, a rating code or a cover form's joined lines handed over as a party name is no party either
        // (a cover's last line with a legal form stands for the whole).
        string? Usable(string? name) => name is null ? null : PartyNameCheck.Usable(name, text, resolver.Knows);
        RawNames = deal.Parties.Concat(new[] { deal.Provider, deal.Customer }.OfType<string>())
            .Select(Usable)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(n => (Name: n, Key: resolver.Resolve(n)))
            .Where(p => p.Key.Length > 0)
            .ToDictionary(p => p.Name, p => p.Key, StringComparer.Ordinal);
        var names = RawNames.Keys.ToList();
        Keys = RawNames.Values.Distinct(StringComparer.Ordinal).ToList();
        ProviderKey = Usable(deal.Provider) is { } provider ? RawNames.GetValueOrDefault(provider) : null;
        CustomerKey = Usable(deal.Customer) is { } customer ? RawNames.GetValueOrDefault(customer) : null;

        foreach (var name in names)
        {
            var key = RawNames[name];
            Add(name, key, ignoreCase: true);
            var stripped = CompanyNames.StripSuffixes(name);
            Add(stripped, key, ignoreCase: true);
            foreach (Match match in Regex.Matches(
                text, Regex.Escape(name) + @"\s*,?\s*\((?:the\s+)?[""“](?<term>[^""”]{2,40})[""”]\)", RegexOptions.CultureInvariant, s_timeout))
            {
                Add(match.Groups["term"].Value, key, ignoreCase: false);
            }
        }

        // A unique, distinctive first word ("Vertex" for "Vertex Semiconductor Corp.") is how 8-Ks refer back to a party.
        var firstWords = names.Select(n => (Word: CompanyNames.StripSuffixes(n).Split(' ')[0], Key: RawNames[n]))
            .Where(w => w.Word.Length >= 4 && char.IsUpper(w.Word[0]))
            .GroupBy(w => w.Word, StringComparer.Ordinal)
            .Where(g => g.Select(w => w.Key).Distinct(StringComparer.Ordinal).Count() == 1);
        foreach (var group in firstWords)
        {
            Add(group.Key, group.First().Key, ignoreCase: false);
        }

        if (ProviderKey is not null)
        {
            foreach (var word in s_providerWords)
            {
                Add(word, ProviderKey, ignoreCase: false);
            }
        }

        if (CustomerKey is not null)
        {
            foreach (var word in s_customerWords)
            {
                Add(word, CustomerKey, ignoreCase: false);
            }
        }

        // Longest first, so "Backstop Party" wins over "Backstop" and a full name over its first word.
        _forms.Sort((a, b) => b.Surface.Length.CompareTo(a.Surface.Length));
    }

    /// <summary>The distinct company keys of the document's parties.</summary>
    public IReadOnlyList<string> Keys { get; }

    public string? ProviderKey { get; }

    public string? CustomerKey { get; }

    /// <summary>Each raw party name with its key.</summary>
    public IReadOnlyDictionary<string, string> RawNames { get; }

    /// <summary>Companies named in <paramref name="sentence"/>, in order, longest surface form winning overlaps.</summary>
    public IReadOnlyList<CompanyMention> Find(string sentence)
    {
        var taken = new bool[sentence.Length];
        var mentions = new List<CompanyMention>();
        foreach (var (surface, key, ignoreCase) in _forms)
        {
            var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            for (var at = sentence.IndexOf(surface, comparison); at >= 0; at = sentence.IndexOf(surface, at + 1, comparison))
            {
                var end = at + surface.Length;
                if (!IsWordBoundary(sentence, at - 1) || !IsWordBoundary(sentence, end) || taken.AsSpan(at, surface.Length).Contains(true))
                {
                    continue;
                }

                taken.AsSpan(at, surface.Length).Fill(true);
                mentions.Add(new CompanyMention(at, end, key));
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>The document's other party when it has exactly two.</summary>
    public string? OtherParty(string key)
        => Keys.Count == 2 && Keys.Contains(key, StringComparer.Ordinal) ? Keys.Single(k => k != key) : null;

    private static bool IsWordBoundary(string text, int index)
        => index < 0 || index >= text.Length || !char.IsLetterOrDigit(text[index]);

    private void Add(string surface, string key, bool ignoreCase)
    {
        surface = surface.Trim();
        if (surface.Length < 2 || _forms.Any(f => f.Surface == surface))
        {
            return;
        }

        _forms.Add((surface, key, ignoreCase));
    }
}
