using System.Net;
using System.Text;

namespace DealLens.Extraction;

/// <summary>
/// A linear-time fallback for HTML that a DOM parser cannot take: AngleSharp's tree construction slows down with the
/// depth of the open-element stack (10,000 nested &lt;div&gt; take seconds, 100,000 take minutes), so a hostile file
/// of nested tags would hang the run. <see cref="Measure"/> estimates the nesting in one pass over the bytes;
/// <see cref="Strip"/> reads text by dropping tags, one line per block element, without building a tree.
/// </summary>
public static class HtmlTagStripper
{
    // Elements that never take an end tag, and elements whose end tag is optional and usually left out (the parser
    // closes them when a sibling starts): neither kind makes the open-element stack grow.
    private static readonly HashSet<string> s_notNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "td", "th", "tr", "dt", "dd", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
    };

    // Elements whose content is not text a reader sees.
    private static readonly HashSet<string> s_skippedContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "iframe", "head", "title", "template", "object", "svg", "math", "textarea",
    };

    private static readonly HashSet<string> s_lineBreaking = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "html", "legend",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
    };

    /// <summary>
    /// The deepest nesting of start tags, the sum over start tags of the depth they open at (the parser's work), and
    /// the number of start tags (the tree's size).
    /// </summary>
    public static (int MaxDepth, long DepthSum, long StartTags) Measure(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        int depth = 0, maxDepth = 0;
        long startTags = 0;
        long depthSum = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (StartsWith(html, i, "<!--"))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var (name, closing, selfClosing, next) = ReadTag(html, i);
            i = next;
            startTags += name.Length > 0 && !closing ? 1 : 0;
            if (name.Length == 0 || s_notNesting.Contains(name))
            {
                continue;
            }

            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!selfClosing)
            {
                depthSum += depth;
                depth++;
                maxDepth = Math.Max(maxDepth, depth);
            }
        }

        return (maxDepth, depthSum, startTags);
    }

    /// <summary>The text of <paramref name="html"/>: tags dropped, block elements end lines, entities decoded.</summary>
    public static string Strip(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var text = new StringBuilder(html.Length / 4);
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            var runEnd = lt < 0 ? html.Length : lt;
            if (runEnd > i)
            {
                AppendText(text, html.AsSpan(i, runEnd - i));
            }

            if (lt < 0)
            {
                break;
            }

            if (StartsWith(html, lt, "<!--"))
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var (name, closing, selfClosing, next) = ReadTag(html, lt);
            i = next;
            if (name.Length == 0)
            {
                continue;
            }

            if (!closing && !selfClosing && s_skippedContent.Contains(name))
            {
                var end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }

            if (s_lineBreaking.Contains(name))
            {
                text.Append('\n');
            }
            else if (name.Equals("td", StringComparison.OrdinalIgnoreCase) || name.Equals("th", StringComparison.OrdinalIgnoreCase))
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    private static void AppendText(StringBuilder text, ReadOnlySpan<char> run)
    {
        var decoded = run.Contains('&') ? WebUtility.HtmlDecode(run.ToString()) : run.ToString();
        foreach (var c in decoded)
        {
            text.Append(c is '\n' or '\r' or '\t' or '\f' ? ' ' : c);
        }
    }

    // "<name ...>", "</name>", "<name/>"; a "<" not followed by a letter (or "/" and a letter) is text and yields no name.
    private static (string Name, bool Closing, bool SelfClosing, int Next) ReadTag(string html, int lt)
    {
        var p = lt + 1;
        var closing = p < html.Length && html[p] == '/';
        if (closing)
        {
            p++;
        }

        var nameStart = p;
        while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] is ':' or '-'))
        {
            p++;
        }

        if (p == nameStart || !char.IsAsciiLetter(html[nameStart]))
        {
            // Not a tag ("<!DOCTYPE", "<?xml", "a < b"): skip past its ">" when it is a declaration, else just the "<".
            if (nameStart < html.Length && html[nameStart] is '!' or '?')
            {
                var gt = html.IndexOf('>', nameStart);
                return (string.Empty, false, false, gt < 0 ? html.Length : gt + 1);
            }

            return (string.Empty, false, false, lt + 1);
        }

        var name = html[nameStart..p];
        var close = html.IndexOf('>', p);
        if (close < 0)
        {
            return (name, closing, false, html.Length);
        }

        return (name, closing, html[close - 1] == '/', close + 1);
    }

    private static bool StartsWith(string html, int index, string value)
        => string.CompareOrdinal(html, index, value, 0, value.Length) == 0;
}
