using System.Data.Common;
using Dapper;
using DealLens.Core;
using DealLens.Core.Deals;
using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Storage;

/// <summary>One stored risk snapshot with its row id and when it was computed.</summary>
public sealed record StoredRiskSnapshot(long Id, DateTimeOffset ComputedAt, RiskSnapshot Snapshot);

/// <summary>The company alias table and the risk-score history.</summary>
public sealed class RiskStore
{
    /// <summary>The source named by the user's rows of the company-kinds table.</summary>
    public const string UserKindSource = "user";

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

    /// <summary>The user's company kinds (<c>deallens companies kind</c>), by name; their source is "user".</summary>
    public async Task<IReadOnlyList<CompanyKind>> LoadCompanyKindsAsync(CancellationToken cancellationToken)
    {
        var rows = await _database.UseAsync(connection => connection.QueryAsync<KindRow>(new CommandDefinition(
            "SELECT Name, Kind FROM CompanyKinds ORDER BY Company", cancellationToken: cancellationToken)), cancellationToken);
        return [.. rows.Select(r => new CompanyKind(r.Name, r.Kind, UserKindSource))];
    }

    /// <summary>Records that <paramref name="company"/> (any spelling) is of <paramref name="kind"/>, replacing an earlier row for it.</summary>
    public Task SetCompanyKindAsync(string company, string kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(company);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        if (!CompanyKinds.IsKnown(kind))
        {
            throw new DealLensException($"\"{kind}\" is not a company kind; use one of {string.Join(", ", CompanyKinds.Known)}");
        }

        var key = CompanyNames.Normalize(company);
        if (key.Length == 0)
        {
            throw new DealLensException($"\"{company}\" names no company (nothing is left once legal suffixes, case and punctuation are set aside)");
        }

        return _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO CompanyKinds (Company, Name, Kind, AddedAt) VALUES (@Company, @Name, @Kind, @AddedAt) "
            + "ON CONFLICT (Company) DO UPDATE SET Name = excluded.Name, Kind = excluded.Kind, AddedAt = excluded.AddedAt",
            new { Company = key, Name = company.Trim(), Kind = kind, AddedAt = _database.Now() }, cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>Removes the user's row for <paramref name="company"/>. False when there was none (bundled rows cannot be removed).</summary>
    public async Task<bool> RemoveCompanyKindAsync(string company, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(company);
        var deleted = await _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM CompanyKinds WHERE Company = @Company", new { Company = CompanyNames.Normalize(company) }, cancellationToken: cancellationToken)), cancellationToken);
        return deleted > 0;
    }

    /// <summary>Stores one set of snapshots (a whole report), all with the same timestamp, in one transaction.</summary>
    public Task SaveSnapshotsAsync(IReadOnlyList<RiskSnapshot> snapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var computedAt = _database.Now();
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            foreach (var s in snapshots)
            {
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO RiskSnapshots (ComputedAt, Kind, Subject, Severity, Score, Amount, Currency, Label)
                    VALUES (@ComputedAt, @Kind, @Subject, @Severity, @Score, @Amount, @Currency, @Label)
                    RETURNING Id
                    """,
                    new
                    {
                        ComputedAt = computedAt,
                        s.Kind,
                        s.Subject,
                        Severity = s.Severity is { } severity ? Vocabulary.Name(severity) : null,
                        Score = StorageFormat.Number(s.Score),
                        Amount = StorageFormat.Number(s.Amount),
                        s.Currency,
                        s.Label,
                    },
                    transaction, cancellationToken: cancellationToken));
                if (s.Companies.Count > 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO RiskSnapshotCompanies (SnapshotId, Position, CompanyKey, CompanyName) VALUES (@SnapshotId, @Position, @CompanyKey, @CompanyName)",
                        s.Companies.Select((c, i) => new { SnapshotId = id, Position = i, CompanyKey = c.Key, CompanyName = c.Name }).ToList(),
                        transaction, cancellationToken: cancellationToken));
                }

                if (s.Documents.Count > 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO RiskSnapshotDocuments (SnapshotId, Position, Document) VALUES (@SnapshotId, @Position, @Document)",
                        s.Documents.Select((d, i) => new { SnapshotId = id, Position = i, Document = d }).ToList(),
                        transaction, cancellationToken: cancellationToken));
                }
            }

            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);
    }

    /// <summary>The history of snapshots, oldest first, optionally of one kind.</summary>
    public Task<IReadOnlyList<StoredRiskSnapshot>> LoadSnapshotsAsync(string? kind, CancellationToken cancellationToken)
        => _database.UseAsync(connection => ReadSnapshotsAsync(
            _database.Dialect, connection, null, "@Kind IS NULL OR Kind = @Kind", new { Kind = kind }, cancellationToken), cancellationToken);

    /// <summary>The snapshots of one kind from the latest stored report.</summary>
    public Task<IReadOnlyList<StoredRiskSnapshot>> LoadLatestSnapshotsAsync(string kind, CancellationToken cancellationToken)
        => _database.UseAsync(connection => ReadLatestAsync(_database.Dialect, connection, null, kind, cancellationToken), cancellationToken);

    internal static Task<IReadOnlyList<StoredRiskSnapshot>> ReadLatestAsync(
        SqlDialect dialect, DbConnection connection, DbTransaction? transaction, string kind, CancellationToken cancellationToken)
        => ReadSnapshotsAsync(
            dialect, connection, transaction,
            "Kind = @Kind AND ComputedAt = (SELECT ComputedAt FROM RiskSnapshots ORDER BY Id DESC LIMIT 1)", new { Kind = kind }, cancellationToken);

    private static async Task<IReadOnlyList<StoredRiskSnapshot>> ReadSnapshotsAsync(
        SqlDialect dialect,
        DbConnection connection, DbTransaction? transaction, string where, object parameters, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<SnapshotRow>(new CommandDefinition(
            $"SELECT Id, ComputedAt, Kind, Subject, Severity, Score, Amount, Currency, Label FROM RiskSnapshots WHERE {where} ORDER BY Id",
            parameters, transaction, cancellationToken: cancellationToken))).ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = new { Ids = rows.Select(r => r.Id).ToList() };
        var companies = (await connection.QueryAsync<(long SnapshotId, string CompanyKey, string CompanyName)>(new CommandDefinition(
                "SELECT SnapshotId, CompanyKey, CompanyName FROM RiskSnapshotCompanies WHERE " + dialect.InList("SnapshotId", "@Ids") + " ORDER BY SnapshotId, Position",
                ids, transaction, cancellationToken: cancellationToken)))
            .ToLookup(c => c.SnapshotId, c => new SnapshotCompany(c.CompanyKey, c.CompanyName));
        var documents = (await connection.QueryAsync<(long SnapshotId, string Document)>(new CommandDefinition(
                "SELECT SnapshotId, Document FROM RiskSnapshotDocuments WHERE " + dialect.InList("SnapshotId", "@Ids") + " ORDER BY SnapshotId, Position",
                ids, transaction, cancellationToken: cancellationToken)))
            .ToLookup(d => d.SnapshotId, d => d.Document);
        return rows.Select(r => new StoredRiskSnapshot(
            r.Id,
            StorageFormat.ParseTimestamp(r.ComputedAt),
            new RiskSnapshot(
                r.Kind, r.Subject, r.Severity is null ? null : Vocabulary.Parse<Severity>(r.Severity), StorageFormat.ParseNumber(r.Score), StorageFormat.ParseNumber(r.Amount), r.Currency, r.Label,
                companies[r.Id].ToList(), documents[r.Id].ToList()))).ToList();
    }

    private sealed class KindRow
    {
        public string Name { get; init; } = "";

        public string Kind { get; init; } = "";
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

        public string? Severity { get; init; }

        public double? Score { get; init; }

        public double? Amount { get; init; }

        public string? Currency { get; init; }

        public string? Label { get; init; }
    }
}
