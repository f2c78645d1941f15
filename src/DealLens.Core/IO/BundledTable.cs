namespace DealLens.Core.IO;

/// <summary>
/// The bundled tab-separated fact tables (company aliases, company kinds): blank and '#' lines are skipped, and every
/// other line must hold exactly the named cells, none empty.
/// </summary>
internal static class BundledTable
{
    /// <summary>The rows' trimmed cells; a bad line fails with the file name, the line number and the expected cells.</summary>
    public static IEnumerable<string[]> Rows(string tsv, string fileName, string[] columns, Func<string[], bool>? isValid = null, string? requirement = null)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var lineNumber = 0;
        foreach (var raw in tsv.Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split('\t').Select(c => c.Trim()).ToArray();
            if (cells.Length != columns.Length || cells.Any(c => c.Length == 0) || isValid is not null && !isValid(cells))
            {
                throw new DealLensException(
                    $"{fileName} line {lineNumber}: expected {columns.Length} tab-separated cells ({string.Join(", ", columns)}){requirement}");
            }

            yield return cells;
        }
    }
}
