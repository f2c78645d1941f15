using Npgsql;

namespace DealLens.Storage;

/// <summary>The two kinds of DealLens database.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (the default): one analyst, one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database a team shares from several machines.</summary>
    PostgreSql,
}

/// <summary>
/// Where the database lives, as the user wrote it in <c>--db</c> or <c>DEALLENS_DB</c>: a SQLite file path, or a
/// PostgreSQL connection string (<c>Host=db.example;Database=deallens;Username=analyst</c>, or a
/// <c>postgresql://</c> URI). The connection string may hold a password, so the value is never what is shown:
/// <see cref="DisplayName"/> (and <see cref="ToString"/>) give host, port, database and user only.
/// </summary>
public sealed class DatabaseLocation
{
    private static readonly string[] s_hostKeys = ["host", "server"];

    private DatabaseLocation(DatabaseProvider provider, string value, string displayName)
    {
        Provider = provider;
        Value = value;
        DisplayName = displayName;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite path, or the full PostgreSQL connection string (secret: never print or store it).</summary>
    public string Value { get; }

    /// <summary>The path, or <c>postgresql://user@host:port/database</c> without any password.</summary>
    public string DisplayName { get; }

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    /// <summary>A SQLite database file.</summary>
    public static DatabaseLocation File(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new(DatabaseProvider.Sqlite, path, path);
    }

    /// <summary>
    /// Reads what the user wrote: a <c>postgres://</c> or <c>postgresql://</c> URI, or a key=value list with a Host (or
    /// Server) key, is PostgreSQL; anything else is a SQLite path. Throws <see cref="DealLens.Core.DealLensException"/>
    /// for a PostgreSQL connection string Npgsql cannot read (the message never repeats the string).
    /// </summary>
    public static DatabaseLocation Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var trimmed = value.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return PostgreSql(FromUri(trimmed));
        }

        return LooksLikeKeyValues(trimmed) ? PostgreSql(trimmed) : File(value);
    }

    /// <summary>Whether <paramref name="value"/> names a PostgreSQL database rather than a file.</summary>
    public static bool IsConnectionString(string? value)
        => !string.IsNullOrWhiteSpace(value)
            && (value.TrimStart().StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                || value.TrimStart().StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                || LooksLikeKeyValues(value.Trim()));

    public override string ToString() => DisplayName;

    private static DatabaseLocation PostgreSql(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            // Npgsql's message names the bad key, never the whole string; the string itself is not repeated.
            throw new DealLens.Core.DealLensException(
                $"the PostgreSQL connection string in --db / DEALLENS_DB cannot be read ({ex.Message.Split('\n')[0].TrimEnd('.')}); "
                + "write it as Host=...;Database=...;Username=... (see docs/team-store.md)", ex);
        }

        if (string.IsNullOrWhiteSpace(builder.Database))
        {
            throw new DealLens.Core.DealLensException(
                $"postgresql://{builder.Host}: the connection string names no database; add Database=deallens (or the name of the team's database)");
        }

        return new(DatabaseProvider.PostgreSql, builder.ConnectionString, Describe(builder));
    }

    /// <summary><c>postgresql://user@host:port/database</c>: enough to find the database, never the password.</summary>
    internal static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var user = string.IsNullOrEmpty(builder.Username) ? "" : builder.Username + "@";
        var port = builder.Port == NpgsqlConnection.DefaultPort ? "" : ":" + builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"postgresql://{user}{builder.Host}{port}/{builder.Database}";
    }

    private static bool LooksLikeKeyValues(string value)
    {
        if (!value.Contains('=', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && s_hostKeys.Contains(part[..equals].Trim().ToLowerInvariant(), StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // postgresql://user:password@host:port/database?sslmode=require, the form libpq, psql and hosted services print.
    private static string FromUri(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new DealLens.Core.DealLensException(
                "the PostgreSQL URI in --db / DEALLENS_DB cannot be read; write it as postgresql://user@host:port/database "
                + "(or Host=...;Database=...;Username=...)");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        builder.Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var setting = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            try
            {
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = setting;
            }
            catch (ArgumentException ex)
            {
                throw new DealLens.Core.DealLensException(
                    $"postgresql://{builder.Host}/{builder.Database}: the URI option '{key}' is not one Npgsql knows ({ex.Message.Split('\n')[0].TrimEnd('.')})", ex);
            }
        }

        return builder.ConnectionString;
    }
}
