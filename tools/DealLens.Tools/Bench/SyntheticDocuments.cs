using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace DealLens.Tools.Bench;

/// <summary>
/// Generated filings for the benchmarks: the same contract-like paragraphs repeated, so that every page costs about
/// the same and time against pages shows how the pipeline grows, not how the pages differ.
/// </summary>
public static class SyntheticDocuments
{
    private const int LinesPerPage = 46;

    private static readonly string[] s_paragraphs =
    [
        "1. Purchase Commitment. Customer shall purchase from Provider cloud compute capacity of not less than 250 megawatts",
        "over the Term, for total fees of $11,900,000,000 payable monthly in arrears. This commitment is binding and non-",
        "cancellable, and Customer shall pay for the committed capacity whether or not it is used (take or pay).",
        "2. Term. This Agreement commences on January 1, 2026 and continues for sixty (60) months unless terminated earlier",
        "under Section 9. Either party may renew for successive twelve (12) month terms by written notice.",
        "3. Chips. Provider shall make available no fewer than 100,000 NVIDIA GB200 GPUs in the Customer's dedicated clusters.",
        "4. Prepayment. Customer shall prepay twenty percent (20%) of the first year's fees within thirty days of signature.",
        "5. Limitation of Liability. Except for breach of confidentiality, neither party's aggregate liability shall exceed",
        "the fees paid in the twelve months preceding the claim. Neither party is liable for indirect or consequential loss.",
        "6. Assignment. Neither party may assign this Agreement without the prior written consent of the other party, except",
        "to a successor in a merger or sale of substantially all of its assets (change of control), on written notice.",
        "7. Governing Law. This Agreement is governed by the laws of the State of New York, without regard to conflict rules.",
    ];

    /// <summary>Lines of one generated page (page numbers differ so that no page is a copy of another).</summary>
    public static IReadOnlyList<string> PageLines(int pageNumber)
    {
        var lines = new List<string>(LinesPerPage);
        for (var i = 0; i < LinesPerPage - 1; i++)
        {
            lines.Add(s_paragraphs[(pageNumber + i) % s_paragraphs.Length]);
        }

        lines.Add(string.Create(CultureInfo.InvariantCulture, $"Page {pageNumber} of the Master Compute Agreement"));
        return lines;
    }

    /// <summary>A PDF of <paramref name="pages"/> US Letter pages of contract text in Helvetica, written with PdfPig.</summary>
    public static byte[] Pdf(int pages)
    {
        using var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (var number = 1; number <= pages; number++)
        {
            var page = builder.AddPage(PageSize.Letter);
            var y = page.PageSize.Height - 54;
            foreach (var line in PageLines(number))
            {
                page.AddText(line, 9, new PdfPoint(40, y), font);
                y -= 15;
            }
        }

        return builder.Build();
    }

    /// <summary>EDGAR-style HTML of <paramref name="pages"/> pages: a table of paragraphs per page, CSS page breaks between.</summary>
    public static string Html(int pages)
    {
        var html = new StringBuilder("<html><head><title>EX-10.1</title><style>p{margin:0}</style></head><body>\n");
        for (var number = 1; number <= pages; number++)
        {
            html.Append("<div style=\"page-break-before: always\">\n");
            var lines = PageLines(number);
            html.Append("<table><tr><td><font size=\"2\">Section</font></td><td><font size=\"2\">Text</font></td></tr>\n");
            foreach (var line in lines.Take(4))
            {
                html.Append("<tr><td>&#160;</td><td><p style=\"font-family: Times New Roman\">").Append(Escape(line)).Append("</p></td></tr>\n");
            }

            html.Append("</table>\n");
            foreach (var line in lines.Skip(4))
            {
                html.Append("<p style=\"margin-top:6pt;text-align:justify\"><font style=\"font-size:10pt\">").Append(Escape(line)).Append("</font></p>\n");
            }

            html.Append("</div>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

    /// <summary>A one-paragraph contract: the small document of the cold-start figure.</summary>
    public static string SmallContract()
        => string.Join('\n', PageLines(1).Take(6)) + "\n";

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);
}
