using System.Diagnostics;

namespace DealLens.Tests.TestSupport;

/// <summary>
/// Runs the built CLI (deallens.dll, copied beside the tests) as a real child process through the dotnet host, for tests
/// that need separate processes (two reviewers on one database).
/// </summary>
public static class DealLensProcess
{
    public static string AssemblyPath { get; } = Path.Combine(AppContext.BaseDirectory, "deallens.dll");

    /// <summary>The dotnet host running the tests (DOTNET_HOST_PATH under `dotnet test`), else dotnet on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";

    /// <summary>Starts <c>deallens ARGS</c>; the task ends with its exit code and output, or throws after <paramref name="timeout"/>.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The child must not pick up a reviewer, database or LLM from the machine running the tests.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("DEALLENS_", StringComparison.OrdinalIgnoreCase)))
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + DotnetHost);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"deallens {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts <c>deallens ARGS</c> and kills it with SIGKILL (no clean-up, no finally blocks) as soon as
    /// <paramref name="killWhen"/> holds (polled every 10 ms). True when it was killed; false when it ended first.
    /// </summary>
    public static async Task<bool> RunAndKillAsync(string workingDirectory, Func<bool> killWhen, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => n.StartsWith("DEALLENS_", StringComparison.OrdinalIgnoreCase)))
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + DotnetHost);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        try
        {
            while (!process.HasExited)
            {
                if (killWhen())
                {
                    // Process.Kill sends SIGKILL on Unix.
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return true;
                }

                if (clock.Elapsed > timeout)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"deallens {string.Join(' ', args)}: the kill condition did not come within {timeout}");
                }

                await Task.Delay(10);
            }

            return false;
        }
        finally
        {
            await Task.WhenAll(output, error);
        }
    }
}
