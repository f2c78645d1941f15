using System.Data.Common;
using DealLens.Core;
using DealLens.Core.IO;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>
/// Turns SQLite failures the user can fix (a full disk, a read-only file, a lock held too long, a damaged file, a file
/// that is not a database) into a <see cref="DealLensException"/> that names the database and says what to do, so they
/// exit 1 instead of 2 ("a bug"). Such a failure stops the run: every later document would fail the same way.
/// </summary>
public static class DatabaseFailure
{
    // SQLite primary result codes (the low byte of extended codes).
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoError = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int NotADatabase = 26;

    /// <summary>Whether <paramref name="exception"/> is a classified database failure (it stops the run).</summary>
    public static bool Is(Exception exception) => exception is DealLensException { InnerException: DbException };

    /// <summary>The user-facing failure for <paramref name="exception"/>, or null when it is not one the user can fix.</summary>
    public static DealLensException? Describe(SqliteException exception, string database, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var code = exception.SqliteErrorCode & 0xFF;
        // A WAL database on a read-only disk fails to open (its -shm cannot be made), not with SQLITE_READONLY.
        if (code == CantOpen && path is not null && !Writable(path))
        {
            code = ReadOnly;
        }

        var message = code switch
        {
            Full => $"{database}: disk full: the database cannot grow. Everything stored before this point is kept and the database is "
                + "usable; free space on its disk (or give --db a path on another disk) and run again",
            ReadOnly => (path is null ? null : ReadOnlyCause(path)) is { } cause
                ? $"{database}: {cause}"
                : $"{database}: the database is read-only (file or folder permissions, or a read-only disk); make it writable, "
                    + "or give --db a writable path",
            Busy or Locked => $"{database}: the database is locked by another process and stayed locked past the {SqliteDialect.BusyTimeout.TotalSeconds:0}-second "
                + "time-out; wait for that process to finish (or stop it) and run again",
            Corrupt => $"{database}: the database is damaged ({exception.Message.TrimEnd('.')}); restore it from a backup, or recover what is "
                + $"left with: sqlite3 {database} .recover | sqlite3 recovered.db, then use --db recovered.db",
            NotADatabase => $"{database}: not a SQLite database (or an encrypted one); give --db the path of a DealLens database, or a new path",
            CantOpen => $"{database}: cannot open the database ({exception.Message.TrimEnd('.')}); check the folder exists and is writable, "
                + "or give --db another path",
            IoError => $"{database}: disk I/O error on the database ({exception.Message.TrimEnd('.')}); check the disk is not full or failing "
                + "and that --db names a regular file",
            _ => null,
        };
        return message is null ? null : new DealLensException(message, exception);
    }

    /// <summary>
    /// Which file keeps the database from being written, when it is a file and not the disk: the database file itself
    /// (unreadable, or read-only), or one of the two files SQLite keeps beside it in WAL mode. Those are created with the
    /// database file's permissions at that moment, so after a read-only database is made writable again its old
    /// <c>-shm</c> file still refuses every writer, while the database file looks fine.
    /// </summary>
    private static string? ReadOnlyCause(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        if (!CanOpen(path, FileAccess.Read))
        {
            return "cannot read the database file (permission denied); ask its owner for read and write access, or give --db another path";
        }

        if (!CanOpen(path, FileAccess.ReadWrite))
        {
            return "the database file is read-only (its permissions, or a read-only disk); make it writable, or give --db a writable path";
        }

        foreach (var companion in new[] { path + "-shm", path + "-wal" })
        {
            if (File.Exists(companion) && !CanOpen(companion, FileAccess.ReadWrite))
            {
                return $"the database file is writable but {companion}, which SQLite keeps beside it, is not (made while the database "
                    + $"was read-only, or by another user); make {Path.GetFileName(companion)} writable too, or delete it while no "
                    + "DealLens process uses the database";
            }
        }

        return null;
    }

    /// <summary>Whether this process may open the existing file <paramref name="path"/> for writing (it is not changed).</summary>
    public static bool CanWrite(string path) => CanOpen(path, FileAccess.ReadWrite);

    /// <summary>
    /// Whether this process may create a file in <paramref name="folder"/>: a hidden probe file is created and deleted
    /// at once (the only portable test of a folder's effective permissions, read-only mounts included).
    /// </summary>
    public static bool CanCreateIn(string folder)
    {
        try
        {
            using var probe = new FileStream(
                Path.Combine(folder, ".deallens-write-check-" + Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.Write,
                FileShare.None, 1, FileOptions.DeleteOnClose);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool CanOpen(string path, FileAccess access)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, access, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool Writable(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
                return true;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            return folder is null || !Directory.Exists(folder) || !new DirectoryInfo(folder).Attributes.HasFlag(FileAttributes.ReadOnly);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Refuses, before SQLite opens it, a database path that names a device, FIFO, socket or folder.</summary>
    public static void CheckPath(string database, string fullPath)
    {
        var kind = FileKinds.Of(fullPath);
        if (kind is not (FileKind.Missing or FileKind.Regular))
        {
            throw new DealLensException(
                $"{database}: not a regular file ({FileKinds.Describe(kind)}), so it cannot hold a database; give --db the path of a file");
        }
    }
}
