using DealLens.Storage;

namespace DealLens.Cli.Batch;

/// <summary>
/// Tells a run that is still going from one that was killed. Each <c>analyze</c> run holds an OS lock on its own file,
/// <c>&lt;db&gt;.runs/&lt;run id&gt;.lock</c>, for its lifetime; the kernel drops the lock when the process dies, however it
/// dies. The next run finds the runs still marked running whose lock nobody holds, and marks them killed (a batch:
/// interrupted). Batch runs work one queue at the same time, so this is also how a batch tells a dead run's claims
/// from a live one's without waiting for their lease to run out.
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
    public static Task<int> MarkKilledAsync(BatchStore store, string databasePath, string command, long currentRunId, CancellationToken cancellationToken)
        => MarkKilledAsync(store, databasePath, command, currentRunId, KilledStatus, cancellationToken);

    /// <summary>Marks every other <paramref name="command"/> run left running by a dead process as <paramref name="status"/>; returns how many.</summary>
    public static async Task<int> MarkKilledAsync(
        BatchStore store, string databasePath, string command, long currentRunId, string status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var killed = 0;
        if (DatabaseLocation.IsConnectionString(databasePath))
        {
            // One query on the command's own connection: the server lists the advisory locks its sessions hold. A batch
            // run waiting for other runs' claims asks every second, so trying each run's lock on a new connection (as
            // before) opened one connection per other run per second.
            foreach (var runId in await store.LoadRunsWithoutLivenessLockAsync(command, PostgresDialect.RunLockSpace, currentRunId, cancellationToken))
            {
                killed += await store.MarkRunAsync(runId, status, cancellationToken);
            }

            return killed;
        }

        foreach (var runId in await store.LoadRunningRunIdsAsync(command, cancellationToken))
        {
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

                killed += await store.MarkRunAsync(runId, status, cancellationToken);
            }
            catch (IOException)
            {
                // Locked: that run is alive.
            }
        }

        return killed;
    }

    /// <summary>
    /// Without changing anything: for each of <paramref name="runIds"/> (runs marked running), true when its process
    /// still holds its lock, false when the lock is free (the process is gone), null when nothing can tell (SQLite: no
    /// lock file, as for a run of an older DealLens).
    /// </summary>
    public static async Task<IReadOnlyDictionary<long, bool?>> ProbeAsync(
        BatchStore store, string databasePath, string command, IReadOnlyList<long> runIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runIds);
        var alive = new Dictionary<long, bool?>();
        if (DatabaseLocation.IsConnectionString(databasePath))
        {
            var gone = (await store.LoadRunsWithoutLivenessLockAsync(command, PostgresDialect.RunLockSpace, 0, cancellationToken)).ToHashSet();
            foreach (var runId in runIds)
            {
                alive[runId] = !gone.Contains(runId);
            }

            return alive;
        }

        foreach (var runId in runIds)
        {
            var path = PathFor(databasePath, runId);
            if (!File.Exists(path))
            {
                alive[runId] = null;
                continue;
            }

            try
            {
                // Not DeleteOnClose: the next run's MarkKilledAsync still finds the file and marks the run.
                using (new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1))
                {
                }

                alive[runId] = false;
            }
            catch (IOException)
            {
                alive[runId] = true;
            }
            catch (UnauthorizedAccessException)
            {
                alive[runId] = null;
            }
        }

        return alive;
    }

    public void Dispose() => _stream.Dispose();
}
