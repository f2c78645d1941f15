using Dapper;
using DealLens.Core;
using DealLens.Core.Risk;

namespace DealLens.Storage;

/// <summary>One stored risk score: what it is about, when it was computed, and the score as JSON.</summary>
public sealed record RiskSnapshot(long Id, DateTimeOffset ComputedAt, string Kind, string Subject, string ScoreJson);

/// <summary>The company alias table and the risk-score history.</summary>
public sealed class RiskStore
{
    private readonly DealLensDatabase _database;

    internal RiskStore(DealLensDatabase database) => _database = database;

    /// <summary>Normalised alias -> company name.</summary>
    public async Task<IReadOnlyDictionary<string, string>> LoadAliasesAsync(CancellationToken cancellationToken)
    {
        var rows = await _database.UseAsync(connection => connection.QueryAsync<AliasRow>(new CommandDefinition(
            "SELECT Alias, CompanyName FROM CompanyAliases ORDER BY Alias", cancellationToken: cancellationToken)), cancellationToken);
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

        await _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO CompanyAliases (Alias, CompanyName) VALUES (@Alias, @CompanyName) ON CONFLICT (Alias) DO UPDATE SET CompanyName = excluded.CompanyName",
            new { Alias = key, CompanyName = companyName.Trim() }, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Removes an alias. False when it was not in the table.</summary>
    public async Task<bool> SplitAsync(string alias, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alias);
        var deleted = await _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM CompanyAliases WHERE Alias = @Alias", new { Alias = CompanyNames.Normalize(alias) }, cancellationToken: cancellationToken)), cancellationToken);
        return deleted > 0;
    }

    /// <summary>Stores one set of scores, all with the same timestamp, in one transaction.</summary>
    public Task SaveSnapshotsAsync(IEnumerable<(string Kind, string Subject, string ScoreJson)> scores, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var computedAt = _database.Now();
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO RiskSnapshots (ComputedAt, Kind, Subject, ScoreJson) VALUES (@ComputedAt, @Kind, @Subject, @ScoreJson)",
                scores.Select(s => new { ComputedAt = computedAt, s.Kind, s.Subject, s.ScoreJson }).ToList(),
                transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The history of scores, oldest first, optionally of one kind.</summary>
    public Task<IReadOnlyList<RiskSnapshot>> LoadSnapshotsAsync(string? kind, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<RiskSnapshot>>(async connection =>
        {
            var rows = await connection.QueryAsync<SnapshotRow>(new CommandDefinition(
                "SELECT Id, ComputedAt, Kind, Subject, ScoreJson FROM RiskSnapshots WHERE @Kind IS NULL OR Kind = @Kind ORDER BY Id",
                new { Kind = kind }, cancellationToken: cancellationToken));
            return rows.Select(r => new RiskSnapshot(r.Id, StorageFormat.ParseTimestamp(r.ComputedAt), r.Kind, r.Subject, r.ScoreJson)).ToList();
        }, cancellationToken);

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
