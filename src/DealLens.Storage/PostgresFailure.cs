using System.Net.Sockets;
using DealLens.Core;
using Npgsql;

namespace DealLens.Storage;

/// <summary>
/// Turns PostgreSQL failures the user can fix (server unreachable, wrong password, no such database, no rights, disk
/// full, connection lost) into one <see cref="DealLensException"/> line that names the database by its
/// <see cref="DatabaseLocation.DisplayName"/> (never the password) and says what to do, so the command exits 1.
/// </summary>
public static class PostgresFailure
{
    /// <summary>The user-facing failure for <paramref name="exception"/>, or null when it is not one the user can fix.</summary>
    public static DealLensException? Describe(Exception exception, string database)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception switch
        {
            PostgresException pg => Describe(pg, database),
            NpgsqlException { InnerException: SocketException or TimeoutException } or NpgsqlException { IsTransient: true }
                => $"{database}: cannot reach the PostgreSQL server ({Reason(exception)}); check that it is running and that "
                    + "Host and Port in --db / DEALLENS_DB are right (and that the network or firewall lets this machine in)",
            NpgsqlException when exception.Message.Contains("password", StringComparison.OrdinalIgnoreCase)
                => $"{database}: the server asks for a password and none was given; set PGPASSWORD, or add the user to ~/.pgpass "
                    + "(keep it out of command lines and files others read)",
            NpgsqlException when exception.InnerException is System.Security.Authentication.AuthenticationException or IOException
                => $"{database}: the connection to the PostgreSQL server failed ({Reason(exception)}); check SSL Mode and the server's "
                    + "certificate, or that the server is still up",
            _ => null,
        };
        return message is null ? null : new DealLensException(message, exception);
    }

    private static string? Describe(PostgresException exception, string database) => exception.SqlState switch
    {
        // invalid_password, invalid_authorization_specification
        "28P01" or "28000" => $"{database}: the server refused the user name or password; check Username in --db / DEALLENS_DB "
            + "and the password (PGPASSWORD or ~/.pgpass), or ask the database's administrator for access",
        // invalid_catalog_name
        "3D000" => $"{database}: no such database on the server; create it (createdb or CREATE DATABASE, see docs/team-store.md) "
            + "or fix Database in --db / DEALLENS_DB",
        // insufficient_privilege
        "42501" => $"{database}: the user may not do this ({exception.MessageText.TrimEnd('.')}); the first connection creates "
            + "DealLens's tables, so the user needs CREATE on the database's public schema (GRANT CREATE ON SCHEMA public TO ...)",
        // disk_full, out_of_memory, too_many_connections, configuration_limit_exceeded
        "53100" => $"{database}: the server's disk is full; everything committed before this point is kept. Free space on the "
            + "server and run again",
        "53200" or "53300" or "53400" => $"{database}: the server is out of resources ({exception.MessageText.TrimEnd('.')}); "
            + "wait for other sessions to finish, or ask its administrator to raise the limit",
        // admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), database_dropped
        "57P01" or "57P02" or "57P03" or "57P04" => $"{database}: the server is shutting down or starting up "
            + $"({exception.MessageText.TrimEnd('.')}); run again when it is back",
        // read_only_sql_transaction (a hot standby)
        "25006" => $"{database}: the server is read-only (a standby replica?); point --db at the primary server",
        _ when exception.SqlState.StartsWith("08", StringComparison.Ordinal)
            => $"{database}: the connection to the server was lost ({exception.MessageText.TrimEnd('.')}); run again",
        _ => null,
    };

    private static string Reason(Exception exception)
    {
        var inner = exception.InnerException ?? exception;
        return inner.Message.Split('\n')[0].TrimEnd('.');
    }
}
