namespace DealLens.Tests.TestSupport;

/// <summary>
/// Lays a plain-text contract out as a PDF the way filings look: wrapped lines, a running header and
/// "Page N of M" footers (which the extractor must remove). A line holding only \f starts a new page.
/// </summary>
public static class SamplePdfWriter
{
    private const int Width = 82;
    private const int LinesPerPage = 30;

    public static byte[] Write(string source, string title)
    {
        ArgumentNullException.ThrowIfNull(source);
        var bodies = new List<List<string>> { new() };
        foreach (var rawLine in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (rawLine.Trim() == "\\f")
            {
                bodies.Add([]);
                continue;
            }

            foreach (var line in Wrap(rawLine))
            {
                if (bodies[^1].Count == LinesPerPage)
                {
                    bodies.Add([]);
                }

                bodies[^1].Add(line);
            }
        }

        var pages = bodies
            .Select((body, i) => (string[])[$"{title} - CONFIDENTIAL", "", .. body, "", $"Page {i + 1} of {bodies.Count}"])
            .ToArray();
        return TestPdf.FromPages(pages);
    }

    private static IEnumerable<string> Wrap(string line)
    {
        if (line.Length <= Width)
        {
            yield return line;
            yield break;
        }

        var rest = line;
        while (rest.Length > Width)
        {
            var cut = rest.LastIndexOf(' ', Width);
            if (cut <= 0)
            {
                cut = Width;
            }

            yield return rest[..cut];
            rest = rest[cut..].TrimStart();
        }

        yield return rest;
    }
}
