using System.Text.RegularExpressions;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Risk;
using DealLens.Core.Text;

namespace DealLens.Core.Evaluation;

/// <summary>One party CUAD's annotators name: its name as written and the short names they give it.</summary>
public sealed record CuadParty(string Name, IReadOnlyList<string> ShortNames);

/// <summary>How many of one contract's labelled parties the party readers found, and which were missed.</summary>
public sealed record CuadPartyScore(string File, int Found, int Expected, IReadOnlyList<string> Missing, IReadOnlyList<string> Read);

/// <summary>
/// Party recall on CUAD contracts (issue 18): CUAD's "Parties" answer lists each signing party with its short name
/// ('I-ESCROW, INC. ("i-Escrow"); 2THEMART.COM, INC. ("2TheMart")'); a party is found when a party, provider,
/// customer, role holder, role parent or filer the readers return has the same <see cref="CompanyNames.Normalize"/>
/// key as its name or one of its short names. People and companies count alike: CUAD's parties include both.
/// </summary>
public static class CuadPartyScorer
{
    private static readonly Regex s_quoted = new(@"[""“”](?<alias>[^""“”]{1,60}?)[ ]*[""“”]", NumberWords.Options, NumberWords.MatchTimeout);
    private static readonly Regex s_parenthesis = new(@"\([^()]*\)", NumberWords.Options, NumberWords.MatchTimeout);

    /// <summary>The parties of a CUAD "Parties" answer; parenthesised remarks ("(each a "Party")") are not parties.</summary>
    public static IReadOnlyList<CuadParty> Expected(CuadLabel label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var parties = new List<CuadParty>();
        foreach (var part in label.Answer.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith('(') || part.StartsWith('[') || part.StartsWith('"') || part.StartsWith('“'))
            {
                continue;
            }

            var name = s_parenthesis.Replace(part, " ").Trim().Trim(',', ' ');
            if (CompanyNames.Normalize(name).Length == 0)
            {
                continue;
            }

            var aliases = s_quoted.Matches(part).Select(m => m.Groups["alias"].Value.Trim())
                .Where(a => a.Length > 1 && PartyRoleWords.RoleOf(a) is null && !a.Equals("Party", StringComparison.OrdinalIgnoreCase)).ToList();
            parties.Add(new CuadParty(name, aliases));
        }

        return parties;
    }

    /// <summary>The names the readers give one document: parties, sides, role holders and their parents, the filer.</summary>
    public static IReadOnlyList<string> NamesRead(DealTerms terms, DocumentOrigin? origin)
    {
        ArgumentNullException.ThrowIfNull(terms);
        return [.. terms.Parties
            .Concat(new[] { terms.Provider, terms.Customer, origin?.Filer }.OfType<string>())
            .Concat(terms.Roles.Select(r => r.Name))
            .Concat(terms.Roles.Select(r => r.Parent).OfType<string>())
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Scores one contract's labelled parties against the names read from it.</summary>
    public static CuadPartyScore Score(string file, IReadOnlyList<CuadParty> expected, IReadOnlyList<string> read)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(read);
        var keys = read.Select(CompanyNames.Normalize).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(p => !new[] { p.Name }.Concat(p.ShortNames).Any(n => keys.Contains(CompanyNames.Normalize(n)))).Select(p => p.Name).ToList();
        return new CuadPartyScore(file, expected.Count - missing.Count, expected.Count, missing, read);
    }
}
