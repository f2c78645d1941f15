using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace DealLens.Tools.Bench;

/// <summary>What a child <c>deallens</c> process did: exit code, wall time, peak resident memory (when it reported it), output.</summary>
public sealed record ChildResult(int ExitCode, double Seconds, long? PeakKilobytes, string Out, string Error, bool TimedOut);

/// <summary>
/// Runs <c>deallens</c> (or <c>deallens-tools</c>) in a fresh process. Peak memory is measured by wrapping a deallens
/// command in <c>deallens-tools measure</c>, which runs the product's command tree in-process and, just before exiting,
/// prints the kernel's high-water mark of its resident set (VmHWM in /proc/self/status): exact, and nothing else has
/// to watch the process.
/// </summary>
public static partial class ChildProcess
{
    /// <summary>The line <c>measure</c> prints on stderr.</summary>
    public const string MeasureLinePrefix = "deallens-measure:";

    /// <summary>The shipped <c>deallens</c> beside this assembly (the apphost, else its dll): what a user runs.</summary>
    public static string ProductExecutable() => Beside("deallens");

    /// <summary><c>deallens-tools</c> beside this assembly: the <c>measure</c> wrapper for peak-memory figures.</summary>
    public static string ToolsExecutable() => Beside("deallens-tools");

    private static string Beside(string name)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? name + ".exe" : name);
        return File.Exists(apphost) ? apphost : Path.Combine(AppContext.BaseDirectory, name + ".dll");
    }

    public static async Task<ChildResult> RunAsync(
        string executable, IReadOnlyList<string> args, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(executable);
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo
        {
            FileName = executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : executable,
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (executable.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(executable);
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var timedOut = false;
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                timedOut = !cancellationToken.IsCancellationRequested;
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var error = await stderr;
        var match = MeasureLine().Match(error);
        long? peak = match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        return new ChildResult(process.ExitCode, seconds, peak, await stdout, error, timedOut);
    }

    /// <summary>This process's peak resident set in KB: VmHWM from /proc/self/status, else the runtime's peak working set.</summary>
    public static long PeakResidentKilobytes()
    {
        const string status = "/proc/self/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                }
            }
        }

        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1024;
    }

    [GeneratedRegex(@"deallens-measure: exit=-?\d+ peak_rss_kb=(\d+)", RegexOptions.None, DealLens.Core.Text.RegexTimeouts.LimitMilliseconds)]
    private static partial Regex MeasureLine();
}
