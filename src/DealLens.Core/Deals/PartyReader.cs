using System.Text.RegularExpressions;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>One party as written, at <c>text[Start..End]</c>, with the role its defined short name gives it.</summary>
internal sealed record PartyMention(string Name, int Start, int End, string? Role);

/// <summary>The parties found and the span of the phrase that names them.</summary>
internal sealed record PartiesFound(IReadOnlyList<PartyMention> Parties, int Start, int End);

/// <summary>
/// Reads the contracting parties from a preamble ("by and between X (“Provider”) and Y (“Customer”)"), a plain
/// "between X and Y", or an 8-K sentence ("X and Y announced ...", "X entered into ... with Y").
/// </summary>
internal static class PartyReader
{
    public const string ProviderRole = "provider";
    public const string CustomerRole = "customer";

    // A name is capitalised words ("OpenAI OpCo") with an optional corporate suffix after a comma ("CoreWeave, Inc.").
    // Tokens are separated by mandatory white space, so the repetition cannot backtrack badly.
    private const string Word = @"(?:[A-Z]|[a-z]{1,3}[A-Z])[\w.&'’-]*";
    private const string Gap = @"(?:[ \t\u00A0]+|[ \t]*\n[ \t]*)";
    private const string Suffix =
        @"(?:Inc\.?|Incorporated|L\.L\.C\.|LLC|Ltd\.?|Limited|Corp\.?|Corporation|Co\.|L\.P\.|LP|LLP|plc|PLC|N\.V\.|S\.A\.|SE|AG|GmbH|B\.V\.)";
    // At most eight words: bounding the repetition keeps a long run of capitalised words (a cover page, a table of
    // contents) linear instead of quadratic.
    private const string Name = Word + "(?:" + Gap + "(?:" + Word + "|&|of)){0,7}(?:," + Gap + Suffix + ")?";

    private static readonly Regex s_between = new(
        @"\b(?i:between|among)\b", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_nameAt = new(
        @"\G(?:[\s,;:]|(?i:and)\b|the\b)*(?<name>" + Name + ")", NumberWords.Options, NumberWords.MatchTimeout);

    // ("Provider"), (the “Company”), (together with its Affiliates, "Customer"), (hereinafter "Lessee").
    private static readonly Regex s_definedTerm = new(
        @"\((?<lead>[^()""“”]{0,80})[""“](?<term>[^""“”()]{1,40})[""”][^()""“”]{0,20}\)", NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_plainBetween = new(
        @"\b(?i:between)" + Gap + "(?:the" + Gap + ")?(?<a>" + Name + ")" + Gap + "and" + Gap + "(?:the" + Gap + ")?(?<b>" + Name + ")",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_jointAnnouncement = new(
        "(?<a>" + Name + ")" + Paren("pa") + Gap + "and" + Gap +
        "(?<b>" + Name + ")" + Paren("pb") +
        @",?" + Gap + @"(?:today[ ]|have[ ]|jointly[ ]|recently[ ])?(?:announced|entered[ ]into|signed|executed|agreed|unveiled)\b",
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly Regex s_enteredWith = new(
        "(?<a>" + Name + ")" + Paren("pa") +
        @",?" + Gap + @"(?:has[ ]|have[ ]|today[ ]|recently[ ])?(?:entered[ ]into|signed|executed|announced)\b" + NumberWords.SentenceChar + @"{0,200}?\bwith" +
        Gap + "(?:the" + Gap + ")?(?<b>" + Name + ")" + Paren("pb"),
        NumberWords.Options,
        NumberWords.MatchTimeout);

    private static readonly HashSet<string> s_generic = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "company", "registrant", "party", "parties", "agreement", "provider", "customer", "supplier", "vendor", "lessor",
        "lessee", "seller", "buyer", "purchaser", "client", "licensor", "licensee", "affiliates", "affiliate", "each", "both",
        "such", "this", "that", "these", "section", "article", "exhibit", "schedule", "item", "on", "in", "under", "if",
        "we", "our", "us", "it", "its", "they", "he", "she", "all", "any", "other", "form",
    };

    private static readonly HashSet<string> s_leadingFiller = new(StringComparer.Ordinal)
    {
        "Today", "Yesterday", "Additionally", "Also", "Separately", "Further", "Furthermore", "Recently", "Previously",
        "Meanwhile", "Moreover", "Accordingly",
    };

    private static readonly HashSet<string> s_providerTerms = new(StringComparer.OrdinalIgnoreCase)
    {
        "provider", "service provider", "supplier", "vendor", "lessor", "landlord", "seller", "licensor", "contractor",
    };

    private static readonly HashSet<string> s_customerTerms = new(StringComparer.OrdinalIgnoreCase)
    {
        "customer", "buyer", "purchaser", "lessee", "tenant", "client", "licensee",
    };

    // An optional parenthetical after a name, such as (the “Company”), captured as group <paramref name="group"/>.
    private static string Paren(string group) => "(?:" + Gap + @"?\((?<" + group + @">[^()]{0,100})\))?";

    public static PartiesFound? Read(string text, int window)
    {
        var limit = Math.Min(text.Length, window);
        var region = text[..limit];
        return FromDefinedTerms(region)
            ?? FromPair(s_plainBetween.Matches(region))
            ?? FromPair(s_jointAnnouncement.Matches(region))
            ?? FromPair(s_enteredWith.Matches(region));
    }

    public static string? RoleOf(string definedTerm)
    {
        var term = definedTerm.Trim();
        if (term.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            term = term[4..];
        }

        return s_providerTerms.Contains(term) ? ProviderRole : s_customerTerms.Contains(term) ? CustomerRole : null;
    }

    private static PartiesFound? FromDefinedTerms(string text)
    {
        foreach (Match between in s_between.Matches(text))
        {
            var parties = new List<PartyMention>();
            var cursor = between.Index + between.Length;
            var end = cursor;
            while (parties.Count < 4)
            {
                var name = s_nameAt.Match(text, cursor);
                if (!name.Success)
                {
                    break;
                }

                var nameGroup = name.Groups["name"];
                var term = s_definedTerm.Match(text, nameGroup.Index + nameGroup.Length);
                // The short name must follow the name closely (after "a Delaware corporation", an address, ...),
                // without crossing a paragraph.
                if (!term.Success || term.Index - (nameGroup.Index + nameGroup.Length) > 250
                    || text.AsSpan(nameGroup.Index, term.Index - nameGroup.Index).Contains("\n\n", StringComparison.Ordinal))
                {
                    break;
                }

                var party = Clean(text, nameGroup.Index, nameGroup.Index + nameGroup.Length, RoleOf(term.Groups["term"].Value));
                if (party is null)
                {
                    break;
                }

                parties.Add(party);
                cursor = term.Index + term.Length;
                end = cursor;
            }

            if (parties.Count >= 2)
            {
                return new PartiesFound(parties, parties[0].Start, end);
            }
        }

        return null;
    }

    private static PartiesFound? FromPair(MatchCollection matches)
    {
        foreach (Match match in matches)
        {
            var a = match.Groups["a"];
            var b = match.Groups["b"];
            var first = Clean(match.Value, a.Index - match.Index, a.Index - match.Index + a.Length, RoleFromParen(match.Groups["pa"]));
            var second = Clean(match.Value, b.Index - match.Index, b.Index - match.Index + b.Length, RoleFromParen(match.Groups["pb"]));
            if (first is null || second is null || first.Name == second.Name)
            {
                continue;
            }

            first = first with { Start = first.Start + match.Index, End = first.End + match.Index };
            second = second with { Start = second.Start + match.Index, End = second.End + match.Index };
            var end = match.Groups["pb"].Success ? match.Index + match.Length : second.End;
            return new PartiesFound([first, second], first.Start, Math.Max(end, second.End));
        }

        return null;
    }

    private static string? RoleFromParen(Group paren)
    {
        if (!paren.Success)
        {
            return null;
        }

        var quoted = s_definedTerm.Match("(" + paren.Value + ")");
        return quoted.Success ? RoleOf(quoted.Groups["term"].Value) : null;
    }

    /// <summary>Drops filler words before the name and a sentence-ending period after it; rejects generic words.</summary>
    private static PartyMention? Clean(string text, int start, int end, string? role)
    {
        while (true)
        {
            var space = text.IndexOfAny([' ', '\t', '\n', '\u00A0'], start, end - start);
            if (space < 0 || !s_leadingFiller.Contains(text[start..space].TrimEnd(',')))
            {
                break;
            }

            start = space;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }
        }

        // Trailing "of" / "&" belong to the next words, and a final period ends the sentence unless it closes "Inc." etc.
        var name = text[start..end];
        while (name.EndsWith(" of", StringComparison.Ordinal) || name.EndsWith(" &", StringComparison.Ordinal))
        {
            name = name[..name.LastIndexOf(' ')];
        }

        if (name.EndsWith('.') && !EndsWithAbbreviation(name))
        {
            name = name[..^1];
        }

        name = name.TrimEnd(',', ' ');
        var words = name.Split([' ', '\t', '\n', ','], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.All(w => s_generic.Contains(w.TrimEnd('.', '’', '\'', 's'))) || s_generic.Contains(words[0]) && words.Length == 1)
        {
            return null;
        }

        if (words[0] is "Section" or "Article" or "Exhibit" or "Schedule" or "Item" or "This" or "On" or "In" or "Under")
        {
            return null;
        }

        return new PartyMention(name, start, start + name.Length, role);
    }

    private static bool EndsWithAbbreviation(string name)
    {
        var last = name[(name.LastIndexOfAny([' ', ',']) + 1)..];
        return last is "Inc." or "Corp." or "Co." or "Ltd." or "L.L.C." or "L.P." or "N.V." or "S.A." or "B.V." or "N.A.";
    }
}
