using System.Diagnostics;
using DealLens.Core;

namespace DealLens.Cli.Batch;

/// <summary>
/// Runs the user's --notify-cmd with the JSON summary on its standard input. The command string is the user's own
/// configuration and is handed whole to <c>/bin/sh -c</c> (<c>cmd.exe /c</c> on Windows) as a single argument;
/// nothing from a document or a feed is ever put on a command line or in the environment, only into stdin, so
/// document content cannot inject shell syntax.
/// </summary>
public static class Notifier
{
    public static async Task<int> RunAsync(string command, string json, string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        ArgumentNullException.ThrowIfNull(json);
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo("cmd.exe") : new ProcessStartInfo("/bin/sh");
        start.ArgumentList.Add(OperatingSystem.IsWindows() ? "/c" : "-c");
        start.ArgumentList.Add(command);
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        start.WorkingDirectory = workingDirectory;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new DealLensException($"--notify-cmd: cannot start the shell: {ex.Message}", ex);
        }

        try
        {
            await process.StandardInput.WriteAsync(json);
            await process.StandardInput.WriteLineAsync();
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The command did not read its input; its exit code still says how it went.
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new DealLensException($"--notify-cmd: still running after {timeout.TotalSeconds:0} s; stopped");
        }

        return process.ExitCode;
    }
}
