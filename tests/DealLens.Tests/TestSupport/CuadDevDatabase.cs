namespace DealLens.Tests.TestSupport;

/// <summary>
/// Runs where ../shared/cuad-dev (the CUAD dev PDFs) is beside the repository; skips with the reason elsewhere, except
/// in CI (CI=true), where a missing folder fails the test instead. With <c>chromium: true</c> it also needs Debian's chromium.
/// </summary>
public sealed class CuadDevFactAttribute : FactAttribute
{
    public CuadDevFactAttribute(bool chromium = false)
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            return;
        }

        if (RepoPaths.CuadDev is null)
        {
            Skip = "../shared/cuad-dev is not beside this checkout (CI has it)";
        }
        else if (chromium && HeadlessChromium.FindExecutable() is null)
        {
            Skip = "chromium is not installed (apt-get install chromium); CI installs it and runs this test";
        }
    }
}

/// <summary>../shared/cuad-dev/pdf (255 real contracts) analysed once into a database, for the tests of the queue and the report at scale.</summary>
public sealed class CuadDevDatabase : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.File("cuad-dev.db");

    public string Analysis { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (RepoPaths.CuadDev is not { } cuadDev)
        {
            return;
        }

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", System.IO.Path.Combine(cuadDev, "pdf"), "--db", Path);
        Analysis = result.Error;
        Assert.True(result.ExitCode == 0, result.Error);
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
