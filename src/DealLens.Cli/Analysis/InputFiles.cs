using DealLens.Core.IO;

namespace DealLens.Cli.Analysis;

/// <summary>One input the user named or a folder walk found, as the user would recognise it.</summary>
public sealed record InputFile(string DisplayPath, string FullPath);

/// <summary>What the user's paths expand to: files to analyse, plus what was skipped and why.</summary>
public sealed record InputSet(IReadOnlyList<InputFile> Files, IReadOnlyList<string> Problems, int SkippedUnsupported);

/// <summary>How folder walks treat symbolic links.</summary>
public sealed record InputFileOptions
{
    public static InputFileOptions Default { get; } = new();

    /// <summary>
    /// Follow symbolic links found in a folder even when they lead outside it. Off by default: a link in an inbox to
    /// a file elsewhere (a secrets file) would otherwise be read and stored as a document.
    /// </summary>
    public bool FollowSymlinks { get; init; }
}

/// <summary>
/// Expands the paths given on the command line: files as given, folders walked recursively. Only regular files are
/// taken: FIFOs, devices and sockets are reported and never opened (opening a FIFO blocks; /dev/zero never ends), and
/// a symbolic link found in a folder is followed only when it stays inside that folder.
/// </summary>
public static class InputFiles
{
    public static InputSet Expand(IEnumerable<string> paths, IReadOnlySet<string> extensions, InputFileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(extensions);
        options ??= InputFileOptions.Default;
        var files = new List<InputFile>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                // A file named explicitly is always attempted: an unsupported type or a special file is reported
                // (as a failed document) when it is read, not skipped here.
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Walk(path, problems))
                {
                    if (!extensions.Contains(Path.GetExtension(file)))
                    {
                        skipped++;
                    }
                    else if (Refusal(path, file, options) is { } refusal)
                    {
                        problems.Add($"{file}: {refusal}; skipped");
                    }
                    else
                    {
                        Add(file);
                    }
                }
            }
            else
            {
                files.Add(new InputFile(path, Path.GetFullPath(path)));
            }
        }

        return new InputSet(files, problems, skipped);

        void Add(string path)
        {
            var full = Path.GetFullPath(path);
            if (seen.Add(full))
            {
                files.Add(new InputFile(path, full));
            }
        }
    }

    /// <summary>
    /// Why <paramref name="file"/>, found in <paramref name="folder"/>, is not a document to read: a special file, or
    /// a link out of the folder (unless allowed); null when it is one.
    /// </summary>
    public static string? Refusal(string folder, string file, InputFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kind = FileKinds.Of(file);
        if (kind != FileKind.Regular)
        {
            return kind == FileKind.Missing ? "broken link or vanished file" : $"not a regular file ({FileKinds.Describe(kind)})";
        }

        if (!options.FollowSymlinks && Target(file) is { } target && !IsInside(folder, target))
        {
            return $"symbolic link to a file outside {folder} ({target}); not followed (--follow-symlinks to allow)";
        }

        return null;
    }

    /// <summary>The final target of a symbolic link (or of a path through linked folders), or null for a plain file.</summary>
    private static string? Target(string file)
    {
        try
        {
            var info = new FileInfo(file);
            var final = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            return final is null ? null : Path.GetFullPath(final);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return file;
        }
    }

    private static bool IsInside(string folder, string path)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar;
        var realRoot = RealPath(Path.GetFullPath(folder));
        return path.StartsWith(root, StringComparison.Ordinal)
            || (realRoot is not null && path.StartsWith(Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    // The folder given may itself be reached through a link (/tmp -> /private/tmp): compare with where it really is.
    private static string? RealPath(string folder)
    {
        try
        {
            return new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static List<string> Walk(string folder, List<string> problems)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                found.AddRange(Directory.EnumerateFiles(current));
                foreach (var sub in Directory.EnumerateDirectories(current).Order(StringComparer.Ordinal).Reverse())
                {
                    // Symlinked folders are not followed: a link back up the tree would loop forever.
                    if (!new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
                    {
                        pending.Push(sub);
                    }
                }
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                problems.Add($"{current}: cannot list folder: {ex.Message}");
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
