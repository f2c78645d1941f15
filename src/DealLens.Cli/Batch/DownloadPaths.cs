using System.Text;
using DealLens.Core;

namespace DealLens.Cli.Batch;

/// <summary>
/// Where a downloaded filing document goes: <c>&lt;downloads&gt;/&lt;CIK&gt;/&lt;accession&gt;/&lt;file name&gt;</c>, every part
/// reduced to letters, digits, '.', '-' and '_' (no separators, no leading dots), so a link such as
/// <c>../../etc/passwd</c> or <c>%2e%2e%2fx</c> can only ever name a file inside the downloads folder.
/// </summary>
public static class DownloadPaths
{
    private const int MaxNameLength = 120;

    public static string For(string downloadsRoot, string? cik, string accessionNumber, Uri document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var root = Path.GetFullPath(downloadsRoot);
        var lastSegment = document.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        var path = Path.GetFullPath(Path.Combine(
            root, SafeName(cik ?? "unknown-cik"), SafeName(accessionNumber), SafeName(Uri.UnescapeDataString(lastSegment))));

        // Belt and braces: the names above cannot climb out, and this proves it for every path we return.
        if (!IsInside(root, path))
        {
            throw new DealLensException($"{document}: refusing to write outside the downloads folder ({path})");
        }

        return path;
    }

    /// <summary>
    /// <paramref name="path"/>, or, when another document of the same filing already took that name (two exhibits
    /// both called contract.htm, in different folders), the name with "-2", "-3", ... before its extension.
    /// </summary>
    public static string Unique(string path, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(taken);
        var candidate = path;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = Path.Combine(Path.GetDirectoryName(path)!, $"{Path.GetFileNameWithoutExtension(path)}-{n}{Path.GetExtension(path)}");
        }

        return candidate;
    }

    public static bool IsInside(string root, string path)
    {
        var prefix = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>One safe path segment: never empty, never "." or "..", no separators or control characters.</summary>
    public static string SafeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var safe = builder.ToString().TrimStart('.');
        if (safe.Length > MaxNameLength)
        {
            var extension = Path.GetExtension(safe);
            safe = extension.Length < 16 ? safe[..(MaxNameLength - extension.Length)] + extension : safe[..MaxNameLength];
        }

        return safe.Length == 0 ? "_" : safe;
    }
}
