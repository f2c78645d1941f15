namespace DealLens.Tests.TestSupport;

/// <summary>Finds the repository (the folder holding DealLens.sln) and the shared data beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Prompts => Path.Combine(Root, "prompts");

    /// <summary>../shared/cuad-dev beside the repo root; null where it is not there.</summary>
    public static string? CuadDev
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "cuad-dev"));
            return Directory.Exists(path) ? path : null;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DealLens.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DealLens.sln not found above " + AppContext.BaseDirectory);
    }
}
