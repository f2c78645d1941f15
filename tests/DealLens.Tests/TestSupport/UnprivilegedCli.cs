using System.Diagnostics;

namespace DealLens.Tests.TestSupport;

/// <summary>
/// The CLI in a real child process that file permissions bind: as root (which they do not bind) it runs as 'nobody'
/// through runuser, otherwise as the current user.
/// </summary>
public static class UnprivilegedCli
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    /// <summary>Why the CLI cannot be run unprivileged here, or null.</summary>
    public static string? Unavailable()
        => Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser")
            ? "running as root, and runuser is missing to run the CLI as an unprivileged user"
            : null;

    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : DealLensProcess.DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (root)
        {
            foreach (var argument in (string[])["-u", "nobody", "--", DealLensProcess.DotnetHost])
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add(DealLensProcess.AssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("DEALLENS_", StringComparison.OrdinalIgnoreCase)))
        {
            start.Environment.Remove(name);
        }

        // 'nobody' has no home of its own to write to; the system temp folder is writable by everyone.
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the CLI");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(s_timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Sets a file's or folder's mode (octal, e.g. "444").</summary>
    public static void Chmod(string path, string mode)
    {
        Assert.True(OperatingSystem.IsLinux(), "file modes need Linux");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32(mode, 8));
        }
    }
}
