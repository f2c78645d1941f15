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

    /// <summary>../shared/cuad-dev, or a failed test saying it is missing (use with <see cref="CuadDevFactAttribute"/>, which skips locally).</summary>
    public static string RequireCuadDev()
    {
        var path = CuadDev;
        Assert.True(path is not null, "../shared/cuad-dev is missing beside the repository (CI has it)");
        return path!;
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
