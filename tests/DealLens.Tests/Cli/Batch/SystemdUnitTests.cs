using System.Diagnostics;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli.Batch;

/// <summary>
/// A fact that is skipped, with the reason, where systemd-analyze is not installed (Debian: package systemd); under
/// CI=true it runs and fails instead (.ci/run installs it).
/// </summary>
public sealed class SystemdAnalyzeFactAttribute : FactAttribute
{
    public SystemdAnalyzeFactAttribute()
    {
        if (SystemdUnitTests.SystemdAnalyze is null && !TestEnvironment.IsCi)
        {
            Skip = "systemd-analyze is not installed (Debian/Ubuntu: apt-get install systemd); the unit files are not verified";
        }
    }
}

public sealed class SystemdUnitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public static string? SystemdAnalyze { get; } = new[] { "/usr/bin/systemd-analyze", "/bin/systemd-analyze" }.FirstOrDefault(File.Exists);

    public void Dispose() => _folder.Dispose();

    [SystemdAnalyzeFact]
    public async Task DeployUnits_PassSystemdAnalyzeVerify_WithNoWarnings()
    {
        // verify also checks that ExecStart's program exists: the installed path is swapped for one that does.
        var units = Path.Combine(RepoPaths.Root, "deploy", "systemd");
        var service = File.ReadAllText(Path.Combine(units, "deallens-batch.service"));
        Assert.Contains("ExecStart=/usr/local/bin/deallens batch ", service, StringComparison.Ordinal);
        _folder.Write("deallens-batch.service", service.Replace("/usr/local/bin/deallens", "/bin/true", StringComparison.Ordinal));
        _folder.Write("deallens-batch.timer", File.ReadAllText(Path.Combine(units, "deallens-batch.timer")));

        Assert.True(SystemdAnalyze is not null, "systemd-analyze is not installed: apt-get install systemd (.ci/run installs it)");
        var start = new ProcessStartInfo(SystemdAnalyze) { WorkingDirectory = _folder.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "verify", "--man=no", _folder.File("deallens-batch.timer"), _folder.File("deallens-batch.service") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // Unknown keys are only warnings (exit code 0), so any output counts as a failure.
        Assert.True(process.ExitCode == 0 && error.Length == 0, $"systemd-analyze verify: exit {process.ExitCode}: {error}{await output}");
    }
}
