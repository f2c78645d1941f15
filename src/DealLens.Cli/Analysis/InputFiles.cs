namespace DealLens.Cli.Analysis;

/// <summary>One input the user named or a folder walk found, as the user would recognise it.</summary>
public sealed record InputFile(string DisplayPath, string FullPath);

/// <summary>What the user's paths expand to: files to analyse, plus what was skipped and why.</summary>
public sealed record InputSet(IReadOnlyList<InputFile> Files, IReadOnlyList<string> Problems, int SkippedUnsupported);

/// <summary>Expands the paths given on the command line: files as given, folders walked recursively.</summary>
public static class InputFiles
{
    public static InputSet Expand(IEnumerable<string> paths, IReadOnlySet<string> extensions)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(extensions);
        var files = new List<InputFile>();
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skipped = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                // A file named explicitly is always attempted: an unsupported type is reported, not skipped.
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Walk(path, problems))
                {
                    if (extensions.Contains(Path.GetExtension(file)))
                    {
                        Add(file);
                    }
                    else
                    {
                        skipped++;
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
