namespace DealLens.Core.Documents;

/// <summary>
/// The whole text of one document, with page boundaries. Every character offset into <see cref="Text"/> is
/// stable: clauses and deal terms point into it, and it is stored as is.
/// </summary>
public sealed record DocumentText(
    string Text,
    IReadOnlyList<DocumentPage> Pages,
    DocumentFormat Format,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The 1-based page holding <paramref name="offset"/>; the last page for an offset at the very end.</summary>
    public int PageAt(int offset)
    {
        if (Pages.Count == 0)
        {
            return 1;
        }

        var low = 0;
        var high = Pages.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Pages[mid].Start <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return Pages[low].Number;
    }

    /// <summary>Builds a document from page texts joined by a blank line, recording each page's start offset.</summary>
    public static DocumentText FromPages(IEnumerable<string> pageTexts, DocumentFormat format, IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(pageTexts);
        var builder = new System.Text.StringBuilder();
        var pages = new List<DocumentPage>();
        foreach (var pageText in pageTexts)
        {
            if (pages.Count > 0)
            {
                builder.Append(PageSeparator);
            }

            pages.Add(new DocumentPage(pages.Count + 1, builder.Length, pageText.Length));
            builder.Append(pageText);
        }

        return new DocumentText(builder.ToString(), pages, format, warnings ?? []);
    }

    /// <summary>What stands between two pages in <see cref="Text"/>.</summary>
    public const string PageSeparator = "\n\n";
}
