using System.Data.Common;
using Dapper;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;

namespace DealLens.Storage;

/// <summary>
/// Documents and their analyses (text, pages, clauses, deal terms, parties, origin), their versions, and the run
/// history: the rows of one document are written in one transaction.
/// </summary>
public sealed class DocumentStore : IAnalysisStore
{
    /// <summary>Runs.Status between <see cref="StartRunAsync(string, CancellationToken)"/> and <see cref="FinishRunAsync"/>.</summary>
    public const string RunningStatus = "running";

    public const string ProviderRole = "provider";
    public const string CustomerRole = "customer";

    private readonly DealLensDatabase _database;

    internal DocumentStore(DealLensDatabase database) => _database = database;

    public Task<StoredDocument?> FindDocumentAsync(string sha256, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return _database.UseAsync(async connection =>
        {
            var row = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
                "SELECT Id, Sha256, SourcePath, PageCount, AnalyzedAt, SupersededBy, SupersededAt FROM Documents WHERE Sha256 = @sha256",
                new { sha256 }, cancellationToken: cancellationToken));
            return row is null ? null : ToStoredDocument(row);
        }, cancellationToken);
    }

    /// <summary>The current stored documents (no superseded versions), by source path.</summary>
    public Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(CancellationToken cancellationToken)
        => ListDocumentsAsync(includeSuperseded: false, cancellationToken);

    /// <summary>Stored documents by source path, newest version first; with <paramref name="includeSuperseded"/> the history too.</summary>
    public Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(bool includeSuperseded, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<StoredDocument>>(async connection =>
        {
            var rows = await connection.QueryAsync<DocumentRow>(new CommandDefinition(
                $"""
                SELECT Id, Sha256, SourcePath, PageCount, AnalyzedAt, SupersededBy, SupersededAt FROM Documents
                {(includeSuperseded ? "" : "WHERE SupersededBy IS NULL")}
                ORDER BY SourcePath, SupersededBy IS NOT NULL, AnalyzedAt DESC, Sha256
                """,
                cancellationToken: cancellationToken));
            return rows.Select(ToStoredDocument).ToList();
        }, cancellationToken);

    /// <summary>How many current documents are stored (superseded versions not counted).</summary>
    public Task<int> CountDocumentsAsync(CancellationToken cancellationToken)
        => _database.UseAsync(connection => connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM Documents WHERE SupersededBy IS NULL", cancellationToken: cancellationToken)), cancellationToken);

    /// <summary>Stored clauses per type, most frequent first (ties by type name).</summary>
    public Task<IReadOnlyList<ClauseTypeCount>> CountClausesByTypeAsync(CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<ClauseTypeCount>>(async connection =>
        {
            var rows = await connection.QueryAsync<ClauseTypeCountRow>(new CommandDefinition(
                """
                SELECT c.Type, count(*) AS Count FROM Clauses c JOIN Documents d ON d.Id = c.DocumentId
                WHERE d.SupersededBy IS NULL GROUP BY c.Type ORDER BY Count DESC, c.Type
                """,
                cancellationToken: cancellationToken));
            return rows.Select(r => new ClauseTypeCount(r.Type, checked((int)r.Count))).ToList();
        }, cancellationToken);

    public Task SaveAnalysisAsync(DocumentAnalysis analysis, long runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentException.ThrowIfNullOrEmpty(analysis.Sha256, nameof(analysis));
        ArgumentNullException.ThrowIfNull(analysis.Document, nameof(analysis));
        ArgumentNullException.ThrowIfNull(analysis.Deal, nameof(analysis));

        return _database.UseAsync(async connection =>
        {
            // One write transaction (BEGIN IMMEDIATE) per document: an error anywhere, or cancellation, rolls back
            // the delete too, so the previous analysis of this document survives a failed save.
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);

            await InsertAnalysisAsync(connection, transaction, analysis, runId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Replaces the stored analysis of one document inside the caller's write transaction.</summary>
    internal async Task InsertAnalysisAsync(
        DbConnection connection, DbTransaction transaction, DocumentAnalysis analysis, long runId, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM Documents WHERE Sha256 = @Sha256", new { analysis.Sha256 }, transaction,
            cancellationToken: cancellationToken));

        var document = analysis.Document;
        var documentId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO Documents (Sha256, SourcePath, Format, PageCount, Text, Extractor, AnalyzedAt, RunId, WarningsJson, TextWarningsJson)
            VALUES (@Sha256, @SourcePath, @Format, @PageCount, @Text, @Extractor, @AnalyzedAt, @RunId, @WarningsJson, @TextWarningsJson)
            RETURNING Id
            """,
            new DocumentRow
            {
                Sha256 = analysis.Sha256,
                SourcePath = analysis.SourcePath,
                Format = StorageFormat.FormatName(document.Format),
                PageCount = document.Pages.Count,
                Text = document.Text,
                Extractor = analysis.Extractor,
                AnalyzedAt = _database.Now(),
                RunId = runId,
                WarningsJson = StorageJson.Serialize(analysis.Warnings),
                TextWarningsJson = StorageJson.Serialize(document.Warnings),
            },
            transaction, cancellationToken: cancellationToken));

        if (document.Pages.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO Pages (DocumentId, Number, Start, Length) VALUES (@DocumentId, @Number, @Start, @Length)",
                document.Pages.Select(p => new PageRow { DocumentId = documentId, Number = p.Number, Start = p.Start, Length = p.Length }),
                transaction, cancellationToken: cancellationToken));
        }

        if (analysis.Clauses.Count > 0)
        {
            // The review queue's rank of each clause (Core decides it; a second reading of a flagged span ranks 0).
            var ranks = ReviewFlagger.Default.FlagRanks(analysis.Clauses);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO Clauses (Id, DocumentId, Type, Text, Page, Start, "End", Confidence, Extractor, FieldsJson, FlagRank)
                VALUES (@Id, @DocumentId, @Type, @Text, @Page, @Start, @End, @Confidence, @Extractor, @FieldsJson, @FlagRank)
                """,
                analysis.Clauses.Select(c => ToRow(documentId, c, ranks[c.Id])),
                transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO DealTerms (DocumentId, Provider, Customer, Amount, Currency, Binding, Redacted, TermMonths,
                                   EffectiveDate, EndDate, CapacityMw, GpuCount, ChipsJson, PrepaymentPct, EvidenceJson)
            VALUES (@DocumentId, @Provider, @Customer, @Amount, @Currency, @Binding, @Redacted, @TermMonths,
                    @EffectiveDate, @EndDate, @CapacityMw, @GpuCount, @ChipsJson, @PrepaymentPct, @EvidenceJson)
            """,
            ToRow(documentId, analysis.Deal), transaction, cancellationToken: cancellationToken));

        if (analysis.Deal.Parties.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO Parties (DocumentId, Position, Name, Role) VALUES (@DocumentId, @Position, @Name, @Role)",
                analysis.Deal.Parties.Select((name, i) => new PartyRow
                {
                    DocumentId = documentId,
                    Position = i,
                    Name = name,
                    Role = RoleOf(name, analysis.Deal),
                }),
                transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO DocumentOrigins (DocumentId, Kind, Filer, SelfReferencesJson, EvidenceJson)
            VALUES (@DocumentId, @Kind, @Filer, @SelfReferencesJson, @EvidenceJson)
            """,
            new DocumentOriginRow
            {
                DocumentId = documentId,
                Kind = analysis.Origin.Kind,
                Filer = analysis.Origin.Filer,
                SelfReferencesJson = StorageJson.Serialize(analysis.Origin.SelfReferences),
                EvidenceJson = StorageJson.Serialize(analysis.Origin.Evidence),
            },
            transaction, cancellationToken: cancellationToken));

        if (analysis.Deal.Roles.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO PartyRoles (DocumentId, Position, Name, Role, Parent, Page, Start, "End", Quote)
                VALUES (@DocumentId, @Position, @Name, @Role, @Parent, @Page, @Start, @End, @Quote)
                """,
                analysis.Deal.Roles.Select((r, i) => new PartyRoleRow
                {
                    DocumentId = documentId,
                    Position = i,
                    Name = r.Name,
                    Role = r.Role,
                    Parent = r.Parent,
                    Page = r.Page,
                    Start = r.Start,
                    End = r.End,
                    Quote = r.Quote,
                }),
                transaction, cancellationToken: cancellationToken));
        }

        // A new version of a source supersedes the current one; its reviewers' decisions are carried over to this
        // version and then re-bound like any re-analysis.
        await SupersedeOlderVersionsAsync(connection, transaction, analysis, cancellationToken);

        // Reviewers' decisions follow the new clauses in the same transaction: kept, re-bound or no longer found.
        await _database.Review.RebindAsync(connection, transaction, analysis, cancellationToken);
    }

    public Task<DocumentAnalysis?> LoadAnalysisAsync(string sha256, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return _database.UseAsync(async connection =>
        {
            // A read transaction gives the five queries one snapshot, even while another process writes.
            // Microsoft.Data.Sqlite has no async overload taking "deferred"; its async methods are synchronous anyway.
            await using var transaction = _database.Dialect.BeginRead(connection);

            var document = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
                """
                SELECT Id, Sha256, SourcePath, Format, PageCount, Text, Extractor, AnalyzedAt, RunId, WarningsJson, TextWarningsJson
                FROM Documents WHERE Sha256 = @sha256
                """,
                new { sha256 }, transaction, cancellationToken: cancellationToken));
            if (document is null)
            {
                return null;
            }

            var parameters = new { DocumentId = document.Id };
            var pages = await connection.QueryAsync<PageRow>(new CommandDefinition(
                "SELECT DocumentId, Number, Start, Length FROM Pages WHERE DocumentId = @DocumentId ORDER BY Number",
                parameters, transaction, cancellationToken: cancellationToken));

            // The pipeline saves clauses ordered by Start, End, Type (ordinal); BINARY collation orders ASCII types the
            // same way, and (Start, End, Type) is unique per clause id, so this gives the saved order back.
            var clauses = await connection.QueryAsync<ClauseRow>(new CommandDefinition(
                """
                SELECT Id, DocumentId, Type, Text, Page, Start, "End", Confidence, Extractor, FieldsJson
                FROM Clauses WHERE DocumentId = @DocumentId ORDER BY Start, "End", Type, Id
                """,
                parameters, transaction, cancellationToken: cancellationToken));

            var deal = await connection.QuerySingleOrDefaultAsync<DealTermsRow>(new CommandDefinition(
                """
                SELECT DocumentId, Provider, Customer, Amount, Currency, Binding, Redacted, TermMonths,
                       EffectiveDate, EndDate, CapacityMw, GpuCount, ChipsJson, PrepaymentPct, EvidenceJson
                FROM DealTerms WHERE DocumentId = @DocumentId
                """,
                parameters, transaction, cancellationToken: cancellationToken));

            var parties = await connection.QueryAsync<PartyRow>(new CommandDefinition(
                "SELECT DocumentId, Position, Name, Role FROM Parties WHERE DocumentId = @DocumentId ORDER BY Position",
                parameters, transaction, cancellationToken: cancellationToken));

            var origin = await connection.QuerySingleOrDefaultAsync<DocumentOriginRow>(new CommandDefinition(
                "SELECT DocumentId, Kind, Filer, SelfReferencesJson, EvidenceJson FROM DocumentOrigins WHERE DocumentId = @DocumentId",
                parameters, transaction, cancellationToken: cancellationToken));

            var roles = await connection.QueryAsync<PartyRoleRow>(new CommandDefinition(
                """
                SELECT DocumentId, Position, Name, Role, Parent, Page, Start, "End", Quote
                FROM PartyRoles WHERE DocumentId = @DocumentId ORDER BY Position
                """,
                parameters, transaction, cancellationToken: cancellationToken));

            await transaction.CommitAsync(cancellationToken);

            var text = new DocumentText(
                document.Text,
                pages.Select(p => new DocumentPage(checked((int)p.Number), checked((int)p.Start), checked((int)p.Length))).ToList(),
                StorageFormat.ParseFormat(document.Format),
                StorageJson.Deserialize<List<string>>(document.TextWarningsJson));

            return new DocumentAnalysis(
                document.SourcePath,
                document.Sha256,
                text,
                clauses.Select(ToClause).ToList(),
                (deal is null ? DealTerms.Empty : ToDealTerms(deal, parties.Select(p => p.Name).ToList())) with
                {
                    Roles = roles.Select(r => new PartyRole(
                        r.Name, r.Role, r.Parent, checked((int)r.Page), checked((int)r.Start), checked((int)r.End), r.Quote)).ToList(),
                },
                StorageJson.Deserialize<List<string>>(document.WarningsJson),
                document.Extractor)
            {
                Origin = origin is null
                    ? DocumentOrigin.Unknown
                    : new DocumentOrigin(
                        origin.Kind,
                        origin.Filer,
                        StorageJson.Deserialize<List<string>>(origin.SelfReferencesJson),
                        StorageJson.Deserialize<List<FieldEvidence>>(origin.EvidenceJson)),
            };
        }, cancellationToken);
    }

    /// <summary>Every stored analysis, by source path (the risk scores need them all).</summary>
    public async IAsyncEnumerable<DocumentAnalysis> LoadAllAnalysesAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var document in await ListDocumentsAsync(cancellationToken))
        {
            if (await LoadAnalysisAsync(document.Sha256, cancellationToken) is { } analysis)
            {
                yield return analysis;
            }
        }
    }

    public Task<long> StartRunAsync(string command, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        return _database.UseAsync(connection => connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO Runs (Command, StartedAt, FinishedAt, Status, Analyzed, Unchanged, Failed)
            VALUES (@Command, @StartedAt, NULL, @Status, 0, 0, 0)
            RETURNING Id
            """,
            new { Command = command, StartedAt = _database.Now(), Status = RunningStatus },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    /// <summary>
    /// Starts a run and calls <paramref name="beforeVisible"/> with its id before the run's row is committed, so what
    /// it sets up (the run's liveness lock) exists before any other process can see the run: a liveness check never
    /// finds the new run "running" without its lock and takes it for dead.
    /// </summary>
    public Task<long> StartRunAsync(string command, Action<long> beforeVisible, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        ArgumentNullException.ThrowIfNull(beforeVisible);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            var runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO Runs (Command, StartedAt, FinishedAt, Status, Analyzed, Unchanged, Failed)
                VALUES (@Command, @StartedAt, NULL, @Status, 0, 0, 0)
                RETURNING Id
                """,
                new { Command = command, StartedAt = _database.Now(), Status = RunningStatus }, transaction,
                cancellationToken: cancellationToken));
            beforeVisible(runId);
            await transaction.CommitAsync(cancellationToken);
            return runId;
        }, cancellationToken);
    }

    public Task RecordRunDocumentAsync(long runId, RunDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return _database.UseAsync(connection => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO RunDocuments (RunId, SourcePath, Sha256, Status, Error)
            VALUES (@RunId, @SourcePath, @Sha256, @Status, @Error)
            """,
            new RunDocumentRow
            {
                RunId = runId,
                SourcePath = document.SourcePath,
                Sha256 = document.Sha256,
                Status = document.Status,
                Error = document.Error,
            },
            cancellationToken: cancellationToken)), cancellationToken);
    }

    public Task FinishRunAsync(long runId, RunSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return _database.UseAsync(async connection =>
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE Runs
                SET FinishedAt = @FinishedAt, Status = @Status, Analyzed = @Analyzed, Unchanged = @Unchanged, Failed = @Failed
                WHERE Id = @Id
                """,
                new
                {
                    Id = runId,
                    FinishedAt = _database.Now(),
                    summary.Status,
                    summary.Analyzed,
                    summary.Unchanged,
                    summary.Failed,
                },
                cancellationToken: cancellationToken));
            if (updated == 0)
            {
                throw new InvalidOperationException($"Run {runId} does not exist.");
            }

            return updated;
        }, cancellationToken);
    }

    /// <summary>One run with its per-document outcomes in the order they were recorded; null if there is none.</summary>
    public Task<StoredRun?> LoadRunAsync(long runId, CancellationToken cancellationToken)
        => _database.UseAsync(async connection =>
        {
            var run = await connection.QuerySingleOrDefaultAsync<RunRow>(new CommandDefinition(
                "SELECT Id, Command, StartedAt, FinishedAt, Status, Analyzed, Unchanged, Failed FROM Runs WHERE Id = @runId",
                new { runId }, cancellationToken: cancellationToken));
            if (run is null)
            {
                return null;
            }

            var documents = await connection.QueryAsync<RunDocumentRow>(new CommandDefinition(
                "SELECT RunId, SourcePath, Sha256, Status, Error FROM RunDocuments WHERE RunId = @runId ORDER BY Id",
                new { runId }, cancellationToken: cancellationToken));

            return new StoredRun(
                run.Id,
                run.Command,
                StorageFormat.ParseTimestamp(run.StartedAt),
                run.FinishedAt is null ? null : StorageFormat.ParseTimestamp(run.FinishedAt),
                run.Status,
                checked((int)run.Analyzed),
                checked((int)run.Unchanged),
                checked((int)run.Failed),
                documents.Select(d => new RunDocument(d.SourcePath, d.Sha256, d.Status, d.Error)).ToList());
        }, cancellationToken);

    private static StoredDocument ToStoredDocument(DocumentRow row)
        => new(row.Id, row.Sha256, row.SourcePath, checked((int)row.PageCount), StorageFormat.ParseTimestamp(row.AnalyzedAt),
            row.SupersededBy, row.SupersededAt is null ? null : StorageFormat.ParseTimestamp(row.SupersededAt));

    private static ClauseRow ToRow(long documentId, Clause clause, int flagRank) => new()
    {
        Id = clause.Id,
        DocumentId = documentId,
        Type = clause.Type,
        Text = clause.Text,
        Page = clause.Page,
        Start = clause.Start,
        End = clause.End,
        Confidence = clause.Confidence,
        Extractor = clause.Extractor,
        FieldsJson = StorageJson.Serialize(clause.Fields ?? ClauseFields.None),
        FlagRank = flagRank,
    };

    internal static Clause ToClause(ClauseRow row) => new(
        row.Id,
        row.Type,
        row.Text,
        checked((int)row.Page),
        checked((int)row.Start),
        checked((int)row.End),
        row.Confidence,
        row.Extractor,
        StorageJson.Deserialize<ClauseFields>(row.FieldsJson));

    private static DealTermsRow ToRow(long documentId, DealTerms deal) => new()
    {
        DocumentId = documentId,
        Provider = deal.Provider,
        Customer = deal.Customer,
        Amount = StorageFormat.Number(deal.TotalValue?.Amount),
        Currency = deal.TotalValue?.Currency,
        Binding = deal.TotalValue is null ? null : (deal.TotalValue.Binding ? 1 : 0),
        Redacted = deal.TotalValue is null ? null : (deal.TotalValue.Redacted ? 1 : 0),
        TermMonths = deal.TermMonths,
        EffectiveDate = StorageFormat.Date(deal.EffectiveDate),
        EndDate = StorageFormat.Date(deal.EndDate),
        CapacityMw = StorageFormat.Number(deal.CapacityMw),
        GpuCount = deal.GpuCount,
        ChipsJson = StorageJson.Serialize(deal.Chips),
        PrepaymentPct = StorageFormat.Number(deal.PrepaymentPct),
        EvidenceJson = StorageJson.Serialize(deal.Evidence),
    };

    private static DealTerms ToDealTerms(DealTermsRow row, IReadOnlyList<string> parties) => new(
        parties,
        row.Provider,
        row.Customer,
        row.Binding is null
            ? null
            : new DealValue(StorageFormat.ParseNumber(row.Amount), row.Currency, row.Binding.Value != 0, row.Redacted.GetValueOrDefault() != 0),
        row.TermMonths is null ? null : checked((int)row.TermMonths.Value),
        StorageFormat.ParseDate(row.EffectiveDate),
        StorageFormat.ParseDate(row.EndDate),
        StorageFormat.ParseNumber(row.CapacityMw),
        row.GpuCount,
        StorageJson.Deserialize<List<string>>(row.ChipsJson),
        StorageFormat.ParseNumber(row.PrepaymentPct),
        StorageJson.Deserialize<List<FieldEvidence>>(row.EvidenceJson));

    private static string? RoleOf(string name, DealTerms deal)
        => string.Equals(name, deal.Provider, StringComparison.Ordinal) ? ProviderRole
            : string.Equals(name, deal.Customer, StringComparison.Ordinal) ? CustomerRole
            : null;

    /// <summary>How many clauses each stored version holds, by SHA-256 (versions without clauses are left out).</summary>
    public Task<IReadOnlyDictionary<string, int>> CountClausesByDocumentAsync(CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyDictionary<string, int>>(async connection =>
        {
            var rows = await connection.QueryAsync<(string Sha256, long Count)>(new CommandDefinition(
                "SELECT d.Sha256, count(*) AS Count FROM Clauses c JOIN Documents d ON d.Id = c.DocumentId GROUP BY d.Sha256",
                cancellationToken: cancellationToken));
            return rows.ToDictionary(r => r.Sha256, r => checked((int)r.Count), StringComparer.Ordinal);
        }, cancellationToken);

    /// <summary>
    /// Removes one stored version (its text, clauses, deal terms and parties). When it was the current version, the
    /// newest version it superseded becomes current again. Review decisions and their audit trail stay (the trail is
    /// append-only); they no longer show in the queue. Returns null when no document has this SHA-256.
    /// </summary>
    public Task<DocumentRemoval?> RemoveDocumentAsync(string sha256, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
                "SELECT Id, Sha256, SourcePath, PageCount, AnalyzedAt, SupersededBy, SupersededAt FROM Documents WHERE Sha256 = @sha256",
                new { sha256 }, transaction, cancellationToken: cancellationToken));
            if (row is null)
            {
                return null;
            }

            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM Documents WHERE Id = @Id", new { row.Id }, transaction, cancellationToken: cancellationToken));

            DocumentRow? reinstated = null;
            if (row.SupersededBy is null)
            {
                reinstated = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
                    """
                    SELECT Id, Sha256, SourcePath, PageCount, AnalyzedAt, SupersededBy, SupersededAt FROM Documents
                    WHERE SupersededBy = @Sha256 ORDER BY AnalyzedAt DESC, Id DESC LIMIT 1
                    """,
                    new { row.Sha256 }, transaction, cancellationToken: cancellationToken));
                if (reinstated is not null)
                {
                    await connection.ExecuteAsync(new CommandDefinition(
                        "UPDATE Documents SET SupersededBy = NULL, SupersededAt = NULL WHERE Id = @Id",
                        new { reinstated.Id }, transaction, cancellationToken: cancellationToken));
                }
            }

            // Older versions that named the removed one as their successor now name its successor (or the reinstated one).
            var successor = row.SupersededBy ?? reinstated?.Sha256;
            await connection.ExecuteAsync(new CommandDefinition(
                successor is null
                    ? "UPDATE Documents SET SupersededBy = NULL, SupersededAt = NULL WHERE SupersededBy = @Removed"
                    : "UPDATE Documents SET SupersededBy = @Successor WHERE SupersededBy = @Removed",
                new { Removed = row.Sha256, Successor = successor }, transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            return new DocumentRemoval(
                ToStoredDocument(row),
                reinstated is null ? null : ToStoredDocument(reinstated) with { SupersededBy = null, SupersededAt = null });
        }, cancellationToken);
    }

    /// <summary>
    /// Runs inside the save transaction of <paramref name="analysis"/>: the current versions of the same source path
    /// (other content) become superseded by it, and their reviewed clauses are copied onto it, to be re-bound to its
    /// clauses by <see cref="ReviewRebinder"/> right after (kept where the clause still exists, else no_longer_found).
    /// Deal-terms decisions stay with their version: a new version may state new terms.
    /// </summary>
    private async Task SupersedeOlderVersionsAsync(
        DbConnection connection, DbTransaction transaction, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var older = (await connection.QueryAsync<DocumentRow>(new CommandDefinition(
            """
            SELECT Id, Sha256, SourcePath, PageCount, AnalyzedAt, SupersededBy, SupersededAt FROM Documents
            WHERE SourcePath = @SourcePath AND Sha256 <> @Sha256 AND SupersededBy IS NULL
            ORDER BY AnalyzedAt DESC, Id DESC
            """,
            new { analysis.SourcePath, analysis.Sha256 }, transaction, cancellationToken: cancellationToken))).ToList();
        if (older.Count == 0)
        {
            return;
        }

        var now = _database.Now();
        await _database.Review.CarryOverAsync(connection, transaction, older.Select(o => o.Sha256).ToList(), analysis, now, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE Documents SET SupersededBy = @Sha256, SupersededAt = @Now WHERE {_database.Dialect.InList("Id", "@Ids")}",
            new { analysis.Sha256, Now = now, Ids = older.Select(o => o.Id).ToList() }, transaction, cancellationToken: cancellationToken));
    }
}

/// <summary>What <see cref="DocumentStore.RemoveDocumentAsync"/> did: the version removed, and the older version that became current again.</summary>
public sealed record DocumentRemoval(StoredDocument Removed, StoredDocument? Reinstated);
