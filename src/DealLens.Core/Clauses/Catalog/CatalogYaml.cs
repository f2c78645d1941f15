using System.Globalization;
using System.Text;

namespace DealLens.Core.Clauses.Catalog;

/// <summary>
/// Reads the small block-style subset of YAML the clause catalog is written in: nested mappings and sequences by
/// indentation, plain, 'single-quoted' and "double-quoted" one-line scalars, and whole-line comments. Anything else
/// (flow collections, block scalars, anchors, tags, trailing comments) is refused with its line number, so a file
/// this reader accepts means the same to any YAML parser. Core has no package references; a full YAML library is
/// not worth one for files we write ourselves.
/// </summary>
public static class CatalogYaml
{
    /// <summary>The document as nested values: a string, a <c>List&lt;object&gt;</c> or a key-ordered mapping.</summary>
    public static object Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<Line>();
        var number = 0;
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            number++;
            if (raw.Contains('\t', StringComparison.Ordinal))
            {
                throw Error(source, number, "tabs are not allowed; indent with spaces");
            }

            var trimmed = raw.TrimStart(' ');
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }

            lines.Add(new Line(number, raw.Length - trimmed.Length, trimmed.TrimEnd()));
        }

        if (lines.Count == 0)
        {
            throw Error(source, 1, "the file is empty");
        }

        var position = 0;
        var value = ParseBlock(lines, ref position, lines[0].Indent, source);
        if (position < lines.Count)
        {
            throw Error(source, lines[position].Number, "unexpected indentation");
        }

        return value;
    }

    private static object ParseBlock(List<Line> lines, ref int position, int indent, string source)
        => lines[position].Text.StartsWith("- ", StringComparison.Ordinal) || lines[position].Text == "-"
            ? ParseSequence(lines, ref position, indent, source)
            : ParseMapping(lines, ref position, indent, source, null);

    private static List<object> ParseSequence(List<Line> lines, ref int position, int indent, string source)
    {
        var items = new List<object>();
        while (position < lines.Count && lines[position].Indent == indent && lines[position].Text.StartsWith('-'))
        {
            var line = lines[position];
            if (line.Text == "-" || !line.Text.StartsWith("- ", StringComparison.Ordinal))
            {
                throw Error(source, line.Number, "a sequence item needs a value after '- '");
            }

            var rest = line.Text[2..].TrimStart(' ');
            var itemIndent = indent + (line.Text.Length - rest.Length);
            if (KeyOf(rest) is not null)
            {
                // "- key: value" starts a mapping whose further keys sit under the first one.
                lines[position] = line with { Indent = itemIndent, Text = rest };
                items.Add(ParseMapping(lines, ref position, itemIndent, source, null));
            }
            else
            {
                items.Add(Scalar(rest, source, line.Number));
                position++;
            }
        }

        return items;
    }

    private static Dictionary<string, object> ParseMapping(List<Line> lines, ref int position, int indent, string source, Dictionary<string, object>? into)
    {
        var map = into ?? new Dictionary<string, object>(StringComparer.Ordinal);
        while (position < lines.Count && lines[position].Indent == indent)
        {
            var line = lines[position];
            var key = KeyOf(line.Text) ?? throw Error(source, line.Number, "expected 'key: value'");
            if (map.ContainsKey(key))
            {
                throw Error(source, line.Number, $"key '{key}' appears twice");
            }

            var rest = line.Text[(key.Length + 1)..].TrimStart(' ');
            position++;
            if (rest.Length > 0)
            {
                map[key] = Scalar(rest, source, line.Number);
                continue;
            }

            if (position < lines.Count && lines[position].Indent > indent)
            {
                map[key] = ParseBlock(lines, ref position, lines[position].Indent, source);
            }
            else if (position < lines.Count && lines[position].Indent == indent && lines[position].Text.StartsWith("- ", StringComparison.Ordinal))
            {
                // A sequence may sit at its key's own indentation.
                map[key] = ParseSequence(lines, ref position, indent, source);
            }
            else
            {
                throw Error(source, line.Number, $"key '{key}' has no value");
            }
        }

        if (position < lines.Count && lines[position].Indent > indent)
        {
            throw Error(source, lines[position].Number, "unexpected indentation");
        }

        return map;
    }

    // "name: ..." or "name:" with a plain key of letters, digits, '_' and '-'.
    private static string? KeyOf(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || (colon + 1 < text.Length && text[colon + 1] != ' '))
        {
            return null;
        }

        var key = text[..colon];
        return key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? key : null;
    }

    private static string Scalar(string text, string source, int number)
    {
        if (text[0] == '\'')
        {
            var value = new StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                if (text[i] != '\'')
                {
                    value.Append(text[i]);
                }
                else if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    value.Append('\'');
                    i++;
                }
                else if (i == text.Length - 1)
                {
                    return value.ToString();
                }
                else
                {
                    throw Error(source, number, "text after a closing quote");
                }
            }

            throw Error(source, number, "unterminated 'quoted' text");
        }

        if (text[0] == '"')
        {
            var value = new StringBuilder();
            for (var i = 1; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    return i == text.Length - 1 ? value.ToString() : throw Error(source, number, "text after a closing quote");
                }

                if (c == '\\' && i + 1 < text.Length)
                {
                    value.Append(text[++i] switch
                    {
                        '"' => '"',
                        '\\' => '\\',
                        'n' => '\n',
                        't' => '\t',
                        var other => throw Error(source, number, $"escape '\\{other}' is not supported; use 'single quotes' for patterns"),
                    });
                    continue;
                }

                value.Append(c);
            }

            throw Error(source, number, "unterminated \"quoted\" text");
        }

        if ("[{|>&*!%@`".Contains(text[0], StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.Contains(": ", StringComparison.Ordinal))
        {
            throw Error(source, number, "write this value in 'single quotes' (the catalog reads block-style YAML with one-line scalars only)");
        }

        return text;
    }

    private static DealLensException Error(string source, int line, string message)
        => new(string.Create(CultureInfo.InvariantCulture, $"{source}:{line}: {message}"));

    private readonly record struct Line(int Number, int Indent, string Text);
}
