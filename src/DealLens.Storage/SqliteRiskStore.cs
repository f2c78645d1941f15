using System.Data;
using System.Globalization;
using Dapper;
using DealLens.Core;
using DealLens.Core.Risk;
using Microsoft.Data.Sqlite;

namespace DealLens.Storage;

/// <summary>One stored risk score: what it is about, when it was computed, and the score as JSON.</summary>
public sealed record RiskSnapshot(long Id, DateTimeOffset ComputedAt, string Kind, string Subject, string ScoreJson);

/// <summary>The company alias table and the risk-score history, in the same SQLite file as the analyses.</summary>
public sealed class SqliteRiskStore : IDisposable, IAsyncDisposable
{
    private const string TimestampFormat = "O";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _timeProvider;
    private readonly bool _ownsConnection;

    private SqliteRiskStore(SqliteConnection connection, TimeProvider timeProvider, bool ownsConnection)
    {
        _connection = connection;
        _timeProvider = timeProvider;
        _ownsConnection = ownsConnection;
    }

    /// <summary>Opens the database at <paramref name="databasePath"/> with the same checks and migrations as every store.</summary>
    public static SqliteRiskStore Open(string databasePath, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new SqliteRiskStore(SqliteDatabase.OpenFile(databasePath), timeProvider, ownsConnection: true);
    }

    /// <summary>Uses a connection the caller owns (an in-memory database in tests); migrates it. Disposing leaves it open.</summary>
    public static SqliteRiskStore Open(SqliteConnection connection, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        SqliteDatabase.Prepare(connection, databaseName: null);
        return new SqliteRiskStore(connection, timeProvider, ownsConnection: false);
    }

    /// <summary>Normalised alias -> company name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadAliasesAsync(CancellationToken cancellationToken)
    {
        var rows = await _connection.QueryAsync<AliasRow>(new CommandDefinition(
            "SELECT Alias, CompanyName FROM CompanyAliases ORDER BY Alias", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Alias, r => r.CompanyName, StringComparer.Ordinal);
    }

    public async Task<CompanyResolver> LoadResolverAsync(CancellationToken cancellationToken)
        => new(await LoadAliasesAsync(cancellationToken));

    /// <summary>Makes <paramref name="alias"/> (any spelling) stand for <paramref name="companyName"/>.</summary>
    public async Task MergeAsync(string alias, string companyName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        ArgumentException.ThrowIfNullOrWhiteSpace(companyName);
        var key = CompanyNames.Normalize(alias);
        if (key.Length == 0 || key == CompanyNames.Normalize(companyName))
        {
            throw new DealLensException($"\"{alias}\" and \"{companyName}\" are already the same company");
        }

        var resolver = await LoadResolverAsync(cancellationToken);
        if (resolver.Resolve(companyName) == key)
        {
            throw new DealLensException($"merging \"{alias}\" into \"{companyName}\" would make a loop: \"{companyName}\" is an alias of \"{alias}\"");
        }

        await _connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO CompanyAliases (Alias, CompanyName) VALUES (@Alias, @CompanyName) ON CONFLICT (Alias) DO UPDATE SET CompanyName = excluded.CompanyName",
            new { Alias = key, CompanyName = companyName.Trim() }, cancellationToken: cancellationToken));
    }

    /// <summary>Removes an alias. False when it was not in the table.</summary>
    public async Task<bool> SplitAsync(string alias, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        var deleted = await _connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM CompanyAliases WHERE Alias = @Alias", new { Alias = CompanyNames.Normalize(alias) }, cancellationToken: cancellationToken));
        return deleted > 0;
    }

    /// <summary>Stores one set of scores, all with the same timestamp, in one transaction.</summary>
    public async Task SaveSnapshotsAsync(IEnumerable<(string Kind, string Subject, string ScoreJson)> scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var computedAt = _timeProvider.GetUtcNow().ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture);
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        await _connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO RiskSnapshots (ComputedAt, Kind, Subject, ScoreJson) VALUES (@ComputedAt, @Kind, @Subject, @ScoreJson)",
            scores.Select(s => new { ComputedAt = computedAt, s.Kind, s.Subject, s.ScoreJson }).ToList(),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The history of scores, oldest first, optionally of one kind.</summary>
    public async Task<IReadOnlyList<RiskSnapshot>> LoadSnapshotsAsync(string? kind, CancellationToken cancellationToken)
    {
        var rows = await _connection.QueryAsync<SnapshotRow>(new CommandDefinition(
            "SELECT Id, ComputedAt, Kind, Subject, ScoreJson FROM RiskSnapshots WHERE @Kind IS NULL OR Kind = @Kind ORDER BY Id",
            new { Kind = kind }, cancellationToken: cancellationToken));
        return rows.Select(r => new RiskSnapshot(
            r.Id, DateTimeOffset.ParseExact(r.ComputedAt, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None), r.Kind, r.Subject, r.ScoreJson))
            .ToList();
    }

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsConnection)
        {
            await _connection.DisposeAsync();
        }
    }

    private sealed class AliasRow
    {
        public string Alias { get; init; } = "";

        public string CompanyName { get; init; } = "";
    }

    private sealed class SnapshotRow
    {
        public long Id { get; init; }

        public string ComputedAt { get; init; } = "";

        public string Kind { get; init; } = "";

        public string Subject { get; init; } = "";

        public string ScoreJson { get; init; } = "";
    }
}
