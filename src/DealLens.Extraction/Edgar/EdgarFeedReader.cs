using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using DealLens.Core;
using DealLens.Core.Text;

namespace DealLens.Extraction.Edgar;

/// <summary>One filing announced by an EDGAR "latest filings" Atom feed.</summary>
public sealed record FeedFiling(string FormType, string? Company, string? Cik, string AccessionNumber, string IndexLink);

/// <summary>What a feed holds: its filings, and the entries that could not be read (with why).</summary>
public sealed record FeedContent(IReadOnlyList<FeedFiling> Filings, IReadOnlyList<string> Problems);

/// <summary>
/// Reads EDGAR's "latest filings" Atom feed (<c>browse-edgar?action=getcurrent&amp;output=atom</c>): per entry the
/// form type (category term, else the title's prefix), company and CIK (title "8-K - Name (0000320193) (Filer)"),
/// accession number (id "urn:tag:sec.gov,2008:accession-number=...", else "AccNo:" in the summary) and the filing
/// index link.
/// </summary>
public static partial class EdgarFeedReader
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";

    public static FeedContent Read(Stream content, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(content);
        XDocument document;
        try
        {
            // No DTDs: a feed is data from the network and must not expand entities.
            using var reader = XmlReader.Create(content, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new DealLensException($"{sourceName}: not an Atom feed: {ex.Message}", ex);
        }

        if (document.Root is not { } root || root.Name != s_atom + "feed")
        {
            throw new DealLensException($"{sourceName}: not an Atom feed (root element is <{document.Root?.Name.LocalName}>, expected <feed>)");
        }

        var filings = new List<FeedFiling>();
        var problems = new List<string>();
        var number = 0;
        foreach (var entry in root.Elements(s_atom + "entry"))
        {
            number++;
            var title = entry.Element(s_atom + "title")?.Value.Trim() ?? "";
            var titleMatch = TitlePattern().Match(title);
            var form = entry.Elements(s_atom + "category").Select(c => (string?)c.Attribute("term")).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim()
                ?? (titleMatch.Success ? titleMatch.Groups["form"].Value.Trim() : null);
            var link = entry.Elements(s_atom + "link").Select(l => (string?)l.Attribute("href")).FirstOrDefault(h => !string.IsNullOrWhiteSpace(h))?.Trim();
            var accession = AccessionIn(entry.Element(s_atom + "id")?.Value) ?? AccessionIn(entry.Element(s_atom + "summary")?.Value);
            if (form is null || link is null || accession is null)
            {
                var missing = string.Join(", ", new[] { form is null ? "form type" : null, accession is null ? "accession number" : null, link is null ? "filing index link" : null }.OfType<string>());
                problems.Add($"{sourceName}: entry {number} (\"{title}\"): no {missing}; skipped");
                continue;
            }

            filings.Add(new FeedFiling(
                form,
                titleMatch.Success ? titleMatch.Groups["company"].Value.Trim() : null,
                titleMatch.Success ? titleMatch.Groups["cik"].Value : null,
                accession,
                link));
        }

        return new FeedContent(filings, problems);
    }

    /// <summary>An accession number (0000320193-25-000071) in <paramref name="text"/>, or null.</summary>
    public static string? AccessionIn(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var match = AccessionPattern().Match(text);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"^(?<form>.+?) - (?<company>.+) \((?<cik>\d{1,10})\)(?: \([^)]*\))?$", RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"\b\d{10}-\d{2}-\d{6}\b", RegexOptions.CultureInvariant, RegexTimeouts.LimitMilliseconds)]
    public static partial Regex AccessionPattern();
}
