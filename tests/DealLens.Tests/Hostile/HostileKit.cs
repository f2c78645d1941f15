using System.Diagnostics;
using DealLens.Tools.Bench;

namespace DealLens.Tests.Hostile;

/// <summary>
/// What the issue-22 hostile suites share: special files (FIFOs, devices, symlinks), old modification times (so the
/// inbox settle rule takes a file at once), a child <c>deallens</c> process with a wall-clock bound and its peak
/// memory, and small tmpfs mounts for full and read-only disks.
/// </summary>
internal static class HostileKit
{
    public const string Suite = "Suite";
    public const string Hostile = "Hostile";

    /// <summary>A child that has not finished by then is hanging: the defects of issue 22 took 300 s or forever.</summary>
    public static readonly TimeSpan ChildBound = TimeSpan.FromSeconds(90);

    public static void MakeFifo(string path)
    {
        var (exit, error) = Run("mkfifo", path);
        Assert.True(exit == 0, $"mkfifo {path}: {error}");
    }

    /// <summary>Sets the file's (not the link target's) modification time an hour back: settled, for the inbox.</summary>
    public static string Settled(string path)
    {
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddHours(-1));
        return path;
    }

    /// <summary><c>deallens ARGS</c> in a child process under <c>deallens-tools measure</c>: exit code, seconds, peak MB, output.</summary>
    public static async Task<ChildResult> RunChildAsync(string workingDirectory, params string[] args)
    {
        var child = await ChildProcess.RunAsync(
            ChildProcess.ToolsExecutable(), ["measure", "--", .. args], workingDirectory, ChildBound, CancellationToken.None);
        Assert.False(child.TimedOut, $"deallens {string.Join(' ', args)}: no result within {ChildBound.TotalSeconds} s (hung)");
        return child;
    }

    /// <summary>Mounts a tmpfs of <paramref name="kilobytes"/> KiB at <paramref name="folder"/> (see <see cref="TmpfsFactAttribute"/>).</summary>
    public static void MountTmpfs(string folder, int kilobytes)
    {
        Directory.CreateDirectory(folder);
        var (exit, error) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", folder);
        Assert.True(exit == 0, $"mount tmpfs at {folder}: {error}");
    }

    /// <summary>Whether this process may mount a tmpfs (root, or a container that allows it): tried once.</summary>
    public static Lazy<string?> CannotMount { get; } = new(() =>
    {
        if (!OperatingSystem.IsLinux())
        {
            return "tmpfs mounts need Linux";
        }

        var probe = Path.Combine(Path.GetTempPath(), "deallens-mount-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(probe);
        try
        {
            var (exit, error) = Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe);
            if (exit != 0)
            {
                return $"cannot mount a tmpfs here (mount exit {exit}: {error.Trim()}); CI runs as root and runs this test";
            }

            Run("umount", probe);
            return null;
        }
        finally
        {
            Directory.Delete(probe);
        }
    });

    public static void Remount(string folder, string options)
    {
        var (exit, error) = Run("mount", "-o", "remount," + options, folder);
        Assert.True(exit == 0, $"remount {options}: {error}");
    }

    public static void Unmount(string folder) => Run("umount", "-l", folder);

    public static (int Exit, string Error) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, error);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }

    public static string Contract(int n) => Cli.Batch.BatchTestKit.Contract(n);
}

/// <summary>A fact that needs Unix special files (mkfifo, /dev/zero, symlinks): skipped elsewhere, except under CI=true.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "needs Linux special files (FIFOs, /dev/zero); CI runs it";
        }
    }
}

/// <summary>A fact that mounts small tmpfs disks (a full disk, a read-only disk): skipped where mounting is not allowed, except under CI=true.</summary>
public sealed class TmpfsFactAttribute : FactAttribute
{
    public TmpfsFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && HostileKit.CannotMount.Value is { } reason)
        {
            Skip = reason;
        }
    }
}
