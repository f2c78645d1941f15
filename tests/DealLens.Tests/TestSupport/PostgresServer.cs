using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Dapper;
using Npgsql;

namespace DealLens.Tests.TestSupport;

/// <summary>
/// A real PostgreSQL server for the store tests, shared by the whole test run; each test gets its own database on it.
/// When <c>DEALLENS_TEST_POSTGRES</c> holds a connection string (a superuser's, to any database: .ci/run starts a server
/// and sets it), that server is used. Otherwise a throwaway cluster is made with the machine's own PostgreSQL
/// binaries (initdb into a temp folder, started on a free loopback port with password authentication) and stopped
/// and deleted when the test run ends. initdb refuses to run as root, so under root it runs as the 'postgres' user
/// that Debian's package creates.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "DEALLENS_TEST_POSTGRES";

    private static readonly Lazy<PostgresServer> s_shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _adminConnectionString;

    private PostgresServer(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    /// <summary>The run's server, started on first use.</summary>
    public static PostgresServer Shared => s_shared.Value;

    /// <summary>Null when PostgreSQL can be used here, else why not (the reason a test skips with).</summary>
    public static string? UnavailableReason { get; } = FindUnavailableReason();

    /// <summary>Why a PostgreSQL test is skipped here, or null when it runs (always in CI, CI=true, where a missing server fails it).</summary>
    public static string? SkipReason => Environment.GetEnvironmentVariable("CI") == "true" ? null : UnavailableReason;

    /// <summary>The superuser's connection string (for the tests that need another user's or a wrong password).</summary>
    public NpgsqlConnectionStringBuilder Admin => new(_adminConnectionString);

    /// <summary>Creates an empty database (C collation, so text sorts byte-wise as in SQLite) and returns its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "deallens_test_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        // A database name cannot be a parameter; this one is made of hex digits above.
        connection.Execute($"CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, ending any session still on it.</summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        connection.Execute($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static string? FindUnavailableReason()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable)))
        {
            return null;
        }

        if (FindBinaries() is null)
        {
            return $"no PostgreSQL server: set {EnvironmentVariable} to a superuser connection string, or install PostgreSQL "
                + "(apt-get install postgresql) so the tests can start their own; CI does";
        }

        if (Environment.UserName == "root" && !File.Exists("/usr/sbin/runuser"))
        {
            return "PostgreSQL's initdb will not run as root and runuser is missing to run it as 'postgres'";
        }

        return null;
    }

    /// <summary>The folder holding initdb, pg_ctl and postgres: on PATH, /usr/local/bin, or Debian's /usr/lib/postgresql/N/bin.</summary>
    internal static string? FindBinaries()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/local/bin")
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
                : []);
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int VersionOf(string folder) => int.TryParse(Path.GetFileName(folder), out var version) ? version : 0;

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
        {
            return new PostgresServer(given);
        }

        if (UnavailableReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        return StartCluster(FindBinaries()!);
    }

    private static PostgresServer StartCluster(string binaries)
    {
        RemoveStoppedClusters();
        var folder = Directory.CreateTempSubdirectory("deallens-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var passwordFile = Path.Combine(folder, "pw");
        File.WriteAllText(passwordFile, password + "\n");
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            Run("chown", ["-R", "postgres", folder], asPostgres: false);
        }

        const string user = "deallens_admin";
        Run(Path.Combine(binaries, "initdb"),
            ["-D", data, "-U", user, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"],
            asPostgres);
        File.Delete(passwordFile);
        var port = FreePort();
        // fsync off: a test cluster need not survive a power cut, and it saves the disk of a shared machine.
        Run(Path.Combine(binaries, "pg_ctl"),
            ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start",
             "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"],
            asPostgres);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres);
            }
            finally
            {
                TryDelete(folder);
            }
        };
        return new PostgresServer(new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = user,
            Password = password,
            Database = "postgres",
            Pooling = false,
        }.ConnectionString);
    }

    // A test host killed before its exit handler ran leaves a stopped cluster's folder behind: the next run removes it.
    // A folder whose server still runs (its postmaster.pid is there: another test run's) is left alone.
    private static void RemoveStoppedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), "deallens-pg-*"))
        {
            if (!File.Exists(Path.Combine(folder, "data", "postmaster.pid")))
            {
                TryDelete(folder);
            }
        }
    }

    private static void TryDelete(string folder)
    {
        // The server's last processes may still be removing their files just after pg_ctl returns.
        for (var attempt = 0; attempt < 5 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Tried again, else left for the next run's RemoveStoppedClusters.
                Thread.Sleep(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish in 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}

/// <summary>Which database a store test runs on.</summary>
public enum StoreBackend
{
    Sqlite,
    PostgreSql,
}

/// <summary>Feeds a store theory the SQLite backend (always available: it is embedded).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqliteBackendAttribute : Xunit.Sdk.DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[StoreBackend.Sqlite]];
}

/// <summary>
/// Feeds a store theory the PostgreSQL backend. Where no PostgreSQL can be had the case is skipped with the reason,
/// except in CI (CI=true), where it runs and fails instead: .ci/run installs and starts PostgreSQL.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgreSqlBackendAttribute : Xunit.Sdk.DataAttribute
{
    public PostgreSqlBackendAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[StoreBackend.PostgreSql]];
}

/// <summary>A PostgreSQL-only test: skipped with the reason where no PostgreSQL can be had, failed in CI.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// A fresh, empty database of one backend for one test: a SQLite file in a temp folder, or a new database on
/// <see cref="PostgresServer.Shared"/>. Disposing deletes it.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TempFolder? _folder;

    private TestDatabase(StoreBackend backend, string value, TempFolder? folder)
    {
        Backend = backend;
        Value = value;
        _folder = folder;
    }

    public StoreBackend Backend { get; }

    /// <summary>What --db takes: the file path, or the connection string.</summary>
    public string Value { get; }

    public DealLens.Storage.DatabaseLocation Location => DealLens.Storage.DatabaseLocation.Parse(Value);

    public static TestDatabase Create(StoreBackend backend)
    {
        if (backend == StoreBackend.Sqlite)
        {
            var folder = new TempFolder();
            return new TestDatabase(backend, folder.File("deallens.db"), folder);
        }

        return new TestDatabase(backend, PostgresServer.Shared.CreateDatabase(), null);
    }

    /// <summary>Runs a <c>SELECT count(*) ...</c> (or any single-number query) on this database, outside the CLI.</summary>
    public long Count(string sql)
    {
        if (Backend == StoreBackend.Sqlite)
        {
            using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = Value, Pooling = false }.ToString());
            sqlite.Open();
            return sqlite.ExecuteScalar<long>(sql);
        }

        using var connection = new NpgsqlConnection(Value);
        connection.Open();
        return connection.ExecuteScalar<long>(sql);
    }

    public void Dispose()
    {
        if (_folder is not null)
        {
            _folder.Dispose();
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            PostgresServer.Shared.DropDatabase(Value);
        }
    }
}
