using DealLens.Core;
using DealLens.Storage;

namespace DealLens.Cli.Batch;

/// <summary>
/// One batch per database: an exclusive OS lock on <c>&lt;database&gt;.batch.lock</c>. On Linux and macOS .NET takes
/// <c>flock(LOCK_EX | LOCK_NB)</c> for <see cref="FileShare.None"/> (Windows: a share-mode lock). The kernel drops the
/// lock when the holding process ends, however it ends (kill -9, power loss), so a lock file left behind by a killed
/// run is simply locked again by the next one: there is no stale-lock guesswork (no PID files, no timeouts).
/// </summary>
public sealed class BatchLock : IDisposable
{
    private readonly IDisposable _stream;

    private BatchLock(IDisposable stream, string path)
    {
        _stream = stream;
        Path = path;
    }

    public string Path { get; }

    public static string PathFor(string databasePath) => databasePath + ".batch.lock";

    /// <summary>Takes the lock, or returns null at once when another process (or another holder here) has it.</summary>
    public static BatchLock? TryAcquire(string databasePath)
    {
        if (DatabaseLocation.IsConnectionString(databasePath))
        {
            // A shared PostgreSQL database: the server holds the lock (a session advisory lock), for every machine.
            return PostgresDialect.TryHoldLock(databasePath, PostgresDialect.BatchLockKey) is { } held
                ? new BatchLock(held, DealLensSettings.DisplayName(databasePath))
                : null;
        }

        var path = PathFor(databasePath);
        try
        {
            var folder = System.IO.Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 1, FileOptions.None);
            return new BatchLock(stream, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            // The sharing violation: someone holds it.
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DealLensException($"{path}: cannot create the batch lock file: {ex.Message}", ex);
        }
    }

    /// <summary>Waits for the lock, polling every <paramref name="poll"/>; <paramref name="onWait"/> runs once if it has to wait.</summary>
    public static async Task<BatchLock> AcquireAsync(string databasePath, TimeSpan poll, Action onWait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onWait);
        var waited = false;
        while (true)
        {
            if (TryAcquire(databasePath) is { } acquired)
            {
                return acquired;
            }

            if (!waited)
            {
                waited = true;
                onWait();
            }

            await Task.Delay(poll, cancellationToken);
        }
    }

    public void Dispose() => _stream.Dispose();
}
