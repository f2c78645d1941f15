using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DealLens.Core;
using DealLens.Core.Documents;

namespace DealLens.Extraction;

/// <summary>
/// Reads an HTML file (SEC exhibits are mostly .htm) with AngleSharp: block elements become lines, the cells of a
/// table row are joined by " | " on one line, and CSS page breaks split pages.
/// </summary>
public sealed class HtmlTextExtractor : ITextExtractor
{
    /// <summary>What stands between the cells of one table row.</summary>
    public const string CellSeparator = " | ";

    private const int CharsetSniffLength = 4096;

    // Past these, the DOM parser would take minutes (see HtmlTagStripper) and the tree walk below would recurse too
    // deep: the text is read by the tag stripper instead. Real filings nest a few dozen levels; 1,000,000 start tags
    // at an average depth of 100 take AngleSharp about ten seconds.
    private const int MaxParsedDepth = 1_000;
    private const long MaxParsedDepthSum = 100_000_000;

    // A DOM node costs a few hundred bytes: 2,000,000 elements are ~1 GB of tree. A 10-K runs to ~200,000.
    private const long MaxParsedElements = 2_000_000;

    // <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
    private static readonly Regex s_metaCharset = new(
        @"<meta[^>]*?charset\s*=\s*[""']?\s*([A-Za-z0-9_:.\-]+)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, DealLens.Core.Text.RegexTimeouts.Limit);

    // HTML lines are not wrapped by a layout engine, so a line-end hyphen is not a split word.
    private static readonly PageTextCleaner s_defaultCleaner = new(new PageTextCleanerOptions { JoinHyphenatedLines = false });

    private readonly PageTextCleaner _cleaner;

    public HtmlTextExtractor()
        : this(s_defaultCleaner)
    {
    }

    public HtmlTextExtractor(PageTextCleaner cleaner)
    {
        ArgumentNullException.ThrowIfNull(cleaner);
        _cleaner = cleaner;
    }

    public DocumentText Extract(Stream content, string sourceName)
    {
        var bytes = StreamBytes.ReadNonEmpty(content, sourceName);

        var html = Decode(bytes);
        var warnings = new List<string>();
        IReadOnlyList<string> rawPages;
        var (maxDepth, depthSum, startTags) = HtmlTagStripper.Measure(html);
        if (maxDepth > MaxParsedDepth || depthSum > MaxParsedDepthSum || startTags > MaxParsedElements)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"HTML too large or deep to parse ({startTags:N0} tags, nested up to {maxDepth:N0} levels): read by stripping tags; tables and page breaks not kept"));
            rawPages = [HtmlTagStripper.Strip(html)];
        }
        else
        {
            var document = new HtmlParser().ParseDocument(html);
            var writer = new HtmlTextWriter();
            writer.Write(document.Body ?? (INode?)document.DocumentElement ?? document);
            rawPages = writer.Pages;
        }

        var pages = _cleaner.Clean(rawPages);
        if (pages.All(string.IsNullOrEmpty))
        {
            throw new DealLensException($"{sourceName}: no text in the HTML");
        }

        return DocumentText.FromPages(pages, DocumentFormat.Html, warnings);
    }

    /// <summary>Byte-order mark, else a meta charset, else strict UTF-8, else windows-1252.</summary>
    private static string Decode(byte[] bytes)
    {
        if (TextDecoding.DetectBom(bytes) is var (bomEncoding, bomLength))
        {
            return bomEncoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }

        var sample = bytes.AsSpan(0, Math.Min(bytes.Length, CharsetSniffLength));
        if (sample.Contains((byte)0) && TextDecoding.DetectBomlessUtf16(sample) is { } utf16)
        {
            return utf16.GetString(bytes);
        }

        var match = s_metaCharset.Match(Encoding.Latin1.GetString(sample));
        if (match.Success && TextDecoding.FromLabel(match.Groups[1].Value) is { } declared && declared.IsSingleByte)
        {
            return declared.GetString(bytes);
        }

        // UTF-8, declared or not; bytes that are not valid UTF-8 are windows-1252 whatever the meta says.
        return TextDecoding.DecodeUtf8OrWindows1252(bytes);
    }

    /// <summary>Walks the DOM and writes lines into pages.</summary>
    private sealed class HtmlTextWriter
    {
        private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase)
        {
            "script", "style", "noscript", "iframe", "head", "title", "template", "object", "svg", "math",
        };

        private static readonly HashSet<string> s_blocks = new(StringComparer.OrdinalIgnoreCase)
        {
            "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div", "dl",
            "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hr", "html", "legend", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
            "tfoot", "thead", "tr", "ul",
        };

        private readonly List<string> _pages = [];
        private StringBuilder _current = new();
        private int _preDepth;

        public IReadOnlyList<string> Pages
        {
            get
            {
                var pages = new List<string>(_pages);
                if (_current.Length > 0 || pages.Count == 0)
                {
                    pages.Add(_current.ToString());
                }

                return pages;
            }
        }

        public void Write(INode node)
        {
            switch (node)
            {
                case IText text:
                    WriteText(text.Data);
                    break;
                case IElement element:
                    WriteElement(element);
                    break;
                default:
                    if (node.NodeType is NodeType.Document or NodeType.DocumentFragment)
                    {
                        WriteChildren(node);
                    }

                    break;
            }
        }

        private void WriteElement(IElement element)
        {
            var name = element.LocalName;
            if (s_skipped.Contains(name))
            {
                return;
            }

            var style = NormalizeStyle(element.GetAttribute("style"));
            if (style.Contains("display:none", StringComparison.Ordinal))
            {
                // Inline XBRL keeps its hidden facts (ix:header) in a display:none block.
                return;
            }

            if (style.Contains("page-break-before:always", StringComparison.Ordinal) || style.Contains("break-before:page", StringComparison.Ordinal))
            {
                PageBreak();
            }

            if (name == "br")
            {
                _current.Append('\n');
            }
            else if (name == "tr")
            {
                WriteRow(element);
            }
            else
            {
                var isBlock = s_blocks.Contains(name);
                if (isBlock)
                {
                    EnsureNewLine();
                }

                _preDepth += name is "pre" or "plaintext" or "xmp" or "listing" ? 1 : 0;
                WriteChildren(element);
                _preDepth -= name is "pre" or "plaintext" or "xmp" or "listing" ? 1 : 0;
                if (isBlock)
                {
                    EnsureNewLine();
                }
            }

            if (style.Contains("page-break-after:always", StringComparison.Ordinal) || style.Contains("break-after:page", StringComparison.Ordinal))
            {
                PageBreak();
            }
        }

        private void WriteChildren(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                Write(child);
            }
        }

        // One row, one line: each non-empty cell rendered on its own, flattened, and joined by the separator.
        private void WriteRow(IElement row)
        {
            var cells = new List<string>();
            foreach (var cell in row.Children)
            {
                if (cell.LocalName is not ("td" or "th"))
                {
                    continue;
                }

                var cellWriter = new HtmlTextWriter();
                cellWriter.WriteChildren(cell);
                var text = PageTextCleaner.NormalizeLine(string.Join(' ', cellWriter.Pages).Replace('\n', ' '));
                if (text.Length > 0)
                {
                    cells.Add(text);
                }
            }

            EnsureNewLine();
            _current.Append(string.Join(CellSeparator, cells));
            EnsureNewLine();
        }

        private void WriteText(string data)
        {
            if (_preDepth > 0)
            {
                _current.Append(data.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'));
                return;
            }

            // HTML white space (space, tab, LF, CR, FF) renders as spaces; the cleaner collapses runs of them.
            foreach (var c in data)
            {
                _current.Append(c is '\n' or '\r' or '\t' or '\f' ? ' ' : c);
            }
        }

        private void EnsureNewLine()
        {
            var end = _current.Length;
            while (end > 0 && _current[end - 1] == ' ')
            {
                end--;
            }

            if (end > 0 && _current[end - 1] != '\n')
            {
                _current.Append('\n');
            }
        }

        // A break on an empty page is dropped, so "break after" followed by "break before" makes one break.
        private void PageBreak()
        {
            if (_current.ToString().AsSpan().Trim().Length == 0)
            {
                return;
            }

            _pages.Add(_current.ToString());
            _current = new StringBuilder();
        }

        private static string NormalizeStyle(string? style)
        {
            if (string.IsNullOrEmpty(style))
            {
                return string.Empty;
            }

            var builder = new StringBuilder(style.Length);
            foreach (var c in style)
            {
                if (!char.IsWhiteSpace(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }
    }
}
