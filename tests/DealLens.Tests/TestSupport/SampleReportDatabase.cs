namespace DealLens.Tests.TestSupport;

/// <summary>
/// samples/contracts and samples/deals analysed once into a database that report tests copy before changing anything.
/// Documents are stored under their full paths (<see cref="Stored"/>).
/// </summary>
public sealed class SampleReportDatabase : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string Path => _folder.File("samples.db");

    /// <summary>The stored path of a repository-relative sample path.</summary>
    public static string Stored(string relative) => System.IO.Path.Combine(RepoPaths.Root, relative);

    public async Task InitializeAsync()
    {
        var result = await CliRunner.RunAsync(RepoPaths.Root, "analyze", Stored("samples/contracts"), Stored("samples/deals"), "--db", Path, "--parallel", "1");
        Assert.True(result.ExitCode == 0, result.Error);
    }

    /// <summary>A private copy of the database for a test that writes to it.</summary>
    public string CopyTo(TempFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var copy = folder.File("copy.db");
        File.Copy(Path, copy);
        return copy;
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
