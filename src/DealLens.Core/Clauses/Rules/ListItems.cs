using System.Text.RegularExpressions;

namespace DealLens.Core.Clauses.Rules;

/// <summary>
/// Reads a span that lists alternatives ("This Agreement may be terminated by WYZZ by written notice (i) at any time
/// upon six (6) months prior written notice, (ii) ..., and/or (iii) if Nexstar is in material breach ...") as one
/// text per item, each with the lead-in before the first item in front of it. A rule can then match one item
/// without the words of another item ("breach", "if") excluding it.
/// </summary>
public static class ListItems
{
    // "(a)", "(iv)" after white space; "(1)" only after punctuation or at the start, since "thirty (30) days" is not
    // an item.
    private static readonly Regex s_marker = new(
        @"(?:(?<![\w(])\((?:[a-z]|[ivx]{1,5})\)|(?<=^|[:;,.]\s{0,3})\([0-9]{1,2}\))(?=\s)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, DealLens.Core.Text.RegexTimeouts.Limit);

    // An item closed by the next marker must end like a list item ("..., (b)", "...; or (c)"). Otherwise the next
    // marker opens a sub-list and this "item" is only its lead-in ("(a) The Agent may terminate ... (i) if ...").
    private static readonly Regex s_itemEnd = new(@"(?:[,;:.]|\b(?:and|or|and/or))\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, DealLens.Core.Text.RegexTimeouts.Limit);

    /// <summary>
    /// Lead-in plus item, once per item of the list in <paramref name="text"/>; empty when the text lists nothing.
    /// The lead-in is the text before the first item, from its last semicolon on; an item ends at the next item or
    /// at a semicolon.
    /// </summary>
    public static IReadOnlyList<string> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('(', StringComparison.Ordinal))
        {
            return [];
        }

        var markers = s_marker.Matches(text);
        if (markers.Count == 0)
        {
            return [];
        }

        var lead = text[..markers[0].Index];
        lead = lead[(lead.LastIndexOf(';') + 1)..].Trim();
        var items = new List<string>(markers.Count);
        for (var i = 0; i < markers.Count; i++)
        {
            var start = markers[i].Index;
            var end = i + 1 < markers.Count ? markers[i + 1].Index : text.Length;
            if (i + 1 < markers.Count && !s_itemEnd.IsMatch(text[start..end]))
            {
                continue;
            }

            var semicolon = text.IndexOf(';', start, end - start);
            var item = text[start..(semicolon >= 0 ? semicolon : end)].TrimEnd();
            items.Add(lead.Length == 0 ? item : string.Concat(lead, " ", item));
        }

        return items;
    }
}
