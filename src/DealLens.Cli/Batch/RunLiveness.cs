using DealLens.Storage;

namespace DealLens.Cli.Batch;

/// <summary>
/// Tells a run that is still going from one that was killed. Each <c>analyze</c> run holds an OS lock on its own file,
/// <c>&lt;db&gt;.runs/&lt;run id&gt;.lock</c>, for its lifetime; the kernel drops the lock when the process dies, however it
/// dies. The next run finds the runs still marked running whose lock nobody holds, and marks them killed.
/// (<c>batch</c> needs none of this: it runs under the batch lock, so every earlier batch left running is dead.)
/// </summary>
public sealed class RunLiveness : IDisposable
{
    public const string KilledStatus = "killed";

    private readonly IDisposable _stream;

    private RunLiveness(IDisposable stream) => _stream = stream;

    public static string PathFor(string databasePath, long runId) => Path.Combine(databasePath + ".runs", $"{runId}.lock");

    /// <summary>Holds the lock of <paramref name="runId"/> until disposed; null when the folder cannot be written (then the run is simply not tracked).</summary>
    public static RunLiveness? Hold(string databasePath, long runId)
    {
        if (DatabaseLocation.IsConnectionString(databasePath))
        {
            // A shared PostgreSQL database: a session advisory lock per run, which the server drops when the run's
            // connection ends, on whichever machine it ran.
            return PostgresDialect.TryHoldLock(databasePath, PostgresDialect.RunLockSpace, checked((int)runId)) is { } held ? new RunLiveness(held) : null;
        }

        try
        {
            var path = PathFor(databasePath, runId);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return new RunLiveness(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Marks every other <paramref name="command"/> run left running by a dead process as killed; returns how many.</summary>
    public static async Task<int> MarkKilledAsync(BatchStore store, string databasePath, string command, long currentRunId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var killed = 0;
        foreach (var runId in await store.LoadRunningRunIdsAsync(command, cancellationToken))
        {
            if (DatabaseLocation.IsConnectionString(databasePath))
            {
                if (runId != currentRunId && PostgresDialect.TryHoldLock(databasePath, PostgresDialect.RunLockSpace, checked((int)runId)) is { } free)
                {
                    // Got the lock: its process is gone.
                    free.Dispose();
                    killed += await store.MarkRunAsync(runId, KilledStatus, cancellationToken);
                }

                continue;
            }

            var path = PathFor(databasePath, runId);
            if (runId == currentRunId || !File.Exists(path))
            {
                // Without a lock file (a run of an older DealLens, or killed before it made one) nothing can be told.
                continue;
            }

            try
            {
                using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                    // Got the lock: its process is gone.
                }

                killed += await store.MarkRunAsync(runId, KilledStatus, cancellationToken);
            }
            catch (IOException)
            {
                // Locked: that run is alive.
            }
        }

        return killed;
    }

    public void Dispose() => _stream.Dispose();
}
