namespace DealLens.Tests.TestSupport;

/// <summary>What the machine running the tests has: CI (CI=true), programs on PATH, a live model endpoint.</summary>
public static class TestEnvironment
{
    /// <summary>Under CI=true a test whose tool or data is missing fails instead of skipping: .ci/run provides them.</summary>
    public static bool IsCi => Environment.GetEnvironmentVariable("CI") == "true";

    /// <summary>The full path of <paramref name="program"/> on this process's PATH, or null.</summary>
    public static string? FindOnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The path of Graphviz's <c>dot</c>; fails the test (with how to install it) when it is missing.</summary>
    public static string RequireDot()
    {
        var dot = FindOnPath("dot");
        Assert.True(dot is not null, "Graphviz (dot) is not on PATH: apt-get install graphviz (.ci/run installs it)");
        return dot!;
    }
}

/// <summary>A fact that needs Graphviz's <c>dot</c>: skipped with the reason where it is missing, failed under CI=true.</summary>
public sealed class GraphvizFactAttribute : FactAttribute
{
    public GraphvizFactAttribute()
    {
        if (!TestEnvironment.IsCi && TestEnvironment.FindOnPath("dot") is null)
        {
            Skip = "Graphviz (dot) is not installed (apt-get install graphviz); CI installs it and runs this test";
        }
    }
}

/// <summary>
/// A fact against a live model endpoint: skipped with the reason unless DEALLENS_LLM_ENDPOINT is set. The one kind of
/// skip CI keeps: a live model is opt-in (a key, a server) and is never installed by .ci/run; the same code paths run
/// against the loopback fake in the LLM tests.
/// </summary>
public sealed class LiveLlmFactAttribute : FactAttribute
{
    public LiveLlmFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("DEALLENS_LLM_ENDPOINT")))
        {
            Skip = "DEALLENS_LLM_ENDPOINT is not set: this test calls a live model (opt-in; the loopback fake covers the same paths)";
        }
    }
}
