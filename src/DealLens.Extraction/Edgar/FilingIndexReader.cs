using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DealLens.Core;
using DealLens.Core.Text;

namespace DealLens.Extraction.Edgar;

/// <summary>One row of a filing index's document table: its type (8-K, EX-10.1, ...) and its link as written.</summary>
public sealed record FilingDocument(int? Sequence, string Description, string FileName, string Href, string Type);

/// <summary>
/// Reads an EDGAR filing index page (<c>...-index.htm</c>): the "Document Format Files" table with the columns Seq,
/// Description, Document (a link), Type and Size. Columns are found by their header, not by position.
/// </summary>
public static partial class FilingIndexReader
{
    // A real index page nests about a dozen levels and holds a few hundred to a few thousand tags (300 exhibits: about
    // 2,000). The HTML parser's work grows with the depth of its open-element stack (300,000 nested <div> took 462 s),
    // so the page is measured in one pass first and refused past these limits.
    private const int MaxDepth = 200;
    private const long MaxStartTags = 20_000;

    public static IReadOnlyList<FilingDocument> Read(string html, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(html);
        var (depth, _, startTags) = HtmlTagStripper.Measure(html);
        if (depth > MaxDepth || startTags > MaxStartTags)
        {
            throw new DealLensException(
                $"{sourceName}: not a filing index: {startTags:N0} tags nested up to {depth:N0} levels deep (an index is a short table; limits {MaxStartTags:N0} tags, {MaxDepth} levels)");
        }

        var document = new HtmlParser().ParseDocument(html);
        var documents = new List<FilingDocument>();
        var foundTable = false;
        foreach (var table in document.QuerySelectorAll("table"))
        {
            var rows = table.QuerySelectorAll("tr").ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var header = rows[0].Children.Select(c => c.TextContent.Trim()).ToList();
            var documentColumn = header.FindIndex(h => h.Equals("Document", StringComparison.OrdinalIgnoreCase));
            var typeColumn = header.FindIndex(h => h.Equals("Type", StringComparison.OrdinalIgnoreCase));
            if (documentColumn < 0 || typeColumn < 0)
            {
                continue;
            }

            foundTable = true;
            var sequenceColumn = header.FindIndex(h => h.Equals("Seq", StringComparison.OrdinalIgnoreCase));
            var descriptionColumn = header.FindIndex(h => h.Equals("Description", StringComparison.OrdinalIgnoreCase));
            foreach (var row in rows.Skip(1))
            {
                var cells = row.Children.ToList();
                if (cells.Count <= Math.Max(documentColumn, typeColumn))
                {
                    continue;
                }

                var link = cells[documentColumn].QuerySelector("a[href]");
                var href = link?.GetAttribute("href")?.Trim();
                if (string.IsNullOrEmpty(href))
                {
                    continue;
                }

                documents.Add(new FilingDocument(
                    sequenceColumn >= 0 && int.TryParse(Cell(cells, sequenceColumn), out var sequence) ? sequence : null,
                    Cell(cells, descriptionColumn),
                    link!.TextContent.Trim(),
                    href,
                    Cell(cells, typeColumn)));
            }
        }

        if (!foundTable)
        {
            throw new DealLensException($"{sourceName}: not a filing index (no table with Document and Type columns)");
        }

        return documents;
    }

    /// <summary>
    /// The documents to analyse: the primary document (the one whose type is the form type, else sequence 1) and the
    /// material-contract and press-release exhibits (EX-10.x, EX-99.x), in index order. XBRL, graphics and the complete
    /// submission file are left out.
    /// </summary>
    public static IReadOnlyList<FilingDocument> SelectForAnalysis(IReadOnlyList<FilingDocument> documents, string formType)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var primary = documents.FirstOrDefault(d => d.Type.Equals(formType, StringComparison.OrdinalIgnoreCase))
            ?? documents.FirstOrDefault(d => d.Sequence == 1);
        return documents.Where(d => d == primary || ExhibitPattern().IsMatch(d.Type)).ToList();
    }

    private static string Cell(List<IElement> cells, int column)
        => column >= 0 && column < cells.Count ? cells[column].TextContent.Trim() : "";

    [GeneratedRegex(@"^EX-(10|99)(\.\d+[A-Z]?)*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeouts.LimitMilliseconds)]
    private static partial Regex ExhibitPattern();
}
