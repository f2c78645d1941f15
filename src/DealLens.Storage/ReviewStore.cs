using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using DealLens.Core.Reports;
using DealLens.Core;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Output;
using DealLens.Core.Pipeline;
using DealLens.Core.Review;
using DealLens.Core.Risk;

namespace DealLens.Storage;

/// <summary>
/// Analyst review (ReviewItems and ReviewAudit, Schema/0005_review.sql): the rows the queue is built from, reviewer
/// actions with their audit rows, and the writes re-analysis makes to decisions (re-binding, carrying over).
/// </summary>
public sealed class ReviewStore
{
    /// <summary>The actor of audit rows written by re-analysis.</summary>
    public const string SystemActor = "deallens";

    /// <summary>How many times an action is re-read and re-applied when another reviewer moved the item on meanwhile.</summary>
    private const int MaxActionAttempts = 5;

    /// <summary>ReviewAudit.Action of a decision copied onto a new version of its document.</summary>
    public const string CarryOverAction = "carry_over";

    private static readonly string DealTermsWord = Vocabulary.Name(ReviewItemKind.DealTerms);
    private static readonly string CycleWord = Vocabulary.Name(ReviewItemKind.Cycle);

    private readonly DealLensDatabase _database;

    internal ReviewStore(DealLensDatabase database) => _database = database;

    private const string ReviewItemColumns = """
        Id, Kind, DocumentSha256, ItemKey, ClauseId, ClauseType, Quote, Start, "End", Status, Assignee, OverridesJson,
        Version, UpdatedAt, UpdatedBy
        """;

    /// <summary>
    /// The review queue: flagged clauses, deal terms and the latest risk snapshot's cycles, plus every item a reviewer has
    /// touched, with reviewed values applied, most severe first. Clauses are prefiltered in SQL by the flagger's candidate
    /// types and thresholds; a document or company filter narrows them by document first, a status or assignee filter
    /// starts from the reviewed items.
    /// </summary>
    public Task<IReadOnlyList<ReviewQueueItem>> LoadReviewQueueAsync(
        ReviewQueueFilter filter, ReviewFlagger flagger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(flagger);
        return _database.UseAsync<IReadOnlyList<ReviewQueueItem>>(async connection =>
        {
            // A read-only database is ranked by the ranks it has.
            if (!_database.IsReadOnly)
            {
                await RefreshFlagRanksAsync(connection, ReviewFlagger.Default, cancellationToken);
            }

            await using var transaction = _database.Dialect.BeginRead(connection);
            var documents = await DocumentScopeAsync(connection, transaction, filter, cancellationToken);
            var items = new List<ReviewQueueItem>();
            IReadOnlyList<ClauseReviewItem> unreviewedTop = [];
            var topLimit = 0;
            if (documents is not { Count: 0 })
            {
                var wantsClauses = filter.Type is null || ClauseTypes.IsKnown(filter.Type);
                if (wantsClauses && filter.Limit is not null && flagger.Options == ReviewFlaggingOptions.Default)
                {
                    // With a limit, unreviewed clauses are ranked (by the stored FlagRank, the default flagger's verdict)
                    // and cut in SQL, so a queue of 100,000 clauses is not read into memory for its first page; reviewed
                    // ones are few and read in full. Together they hold the first Limit items of the whole queue,
                    // because SQL orders unreviewed clauses as ReviewQueueOrder does.
                    items.AddRange(await QueryClauseItemsAsync(
                        connection, transaction, flagger, filter, documents, null, cancellationToken, ClauseSubset.Reviewed));
                    if (filter.Status is null or ReviewStatus.Open && filter.Assignee is null)
                    {
                        topLimit = filter.Limit.Value;
                        unreviewedTop = (await QueryClauseItemsAsync(
                            connection, transaction, flagger, filter, documents, null, cancellationToken, ClauseSubset.UnreviewedTop, topLimit)).ToList();
                    }

                    items.AddRange(await QueryLostClauseItemsAsync(connection, transaction, documents, null, cancellationToken));
                }
                else if (wantsClauses)
                {
                    items.AddRange(await QueryClauseItemsAsync(connection, transaction, flagger, filter, documents, null, cancellationToken));
                    items.AddRange(await QueryLostClauseItemsAsync(connection, transaction, documents, null, cancellationToken));
                }

                if (filter.Type is null || filter.Type == DealTermsWord)
                {
                    items.AddRange(await QueryDealItemsAsync(connection, transaction, flagger, documents, null, cancellationToken));
                }
            }

            if (filter.Type is null || filter.Type == CycleWord)
            {
                var companyKey = filter.Company is null ? null : (await LoadResolverAsync(connection, transaction, cancellationToken)).Resolve(filter.Company);
                // A company filter alone narrows cycles by company, not by the documents naming it.
                var documentPaths = filter.Document is null ? null : documents?.Values.ToHashSet(StringComparer.Ordinal);
                items.AddRange((await QueryCycleItemsAsync(connection, transaction, flagger, cancellationToken))
                    .Where(c => c.Matches(companyKey, documentPaths))
                    .Select(c => c.Item));
            }

            var perDocumentType = flagger.Options.MaxItemsPerDocumentType;
            var ordered = ReviewQueueOrder.Order(items.Concat(unreviewedTop).Where(i => ReviewQueueOrder.Matches(i, filter)));
            var cut = topLimit > 0 && unreviewedTop.Count == topLimit;
            if (filter.Folds && cut)
            {
                // The fold hides repeated readings, so a page of Limit unreviewed clauses can fold to fewer items than
                // Limit while the queue holds more: read a longer page until the items up to its last clause fill Limit.
                while (cut && FoldedThroughLastOf(ordered, unreviewedTop, perDocumentType) < filter.Limit)
                {
                    topLimit = checked(topLimit * 4);
                    unreviewedTop = (await QueryClauseItemsAsync(
                        connection, transaction, flagger, filter, documents, null, cancellationToken, ClauseSubset.UnreviewedTop, topLimit)).ToList();
                    ordered = ReviewQueueOrder.Order(items.Concat(unreviewedTop).Where(i => ReviewQueueOrder.Matches(i, filter)));
                    cut = unreviewedTop.Count == topLimit;
                }
            }

            var groupSizes = filter.Folds && cut
                ? await CountUnreviewedReadingsAsync(connection, transaction, filter, unreviewedTop, cancellationToken)
                : null;
            await transaction.CommitAsync(cancellationToken);
            if (filter.Folds)
            {
                ordered = ReviewQueueOrder.Fold(ordered, perDocumentType, groupSizes is null ? null : key => groupSizes.GetValueOrDefault(key));
            }

            return filter.Limit is { } limit ? ordered.Take(limit).ToList() : ordered;
        }, cancellationToken);
    }

    /// <summary>How many items the folded queue holds up to (and with) the last of <paramref name="page"/> in queue order.</summary>
    private static int FoldedThroughLastOf(IReadOnlyList<ReviewQueueItem> ordered, IReadOnlyList<ClauseReviewItem> page, int perDocumentType)
    {
        var pageIds = page.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var last = -1;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (pageIds.Contains(ordered[i].Id))
            {
                last = i;
            }
        }

        return ReviewQueueOrder.Fold(ordered.Take(last + 1).ToList(), perDocumentType).Count;
    }

    /// <summary>
    /// Unreviewed flagged clauses per document and type, for the documents of a page cut in SQL, so the fold's "N more"
    /// counts readings beyond the page too.
    /// </summary>
    private async Task<Dictionary<(string DocumentSha256, string Type), int>> CountUnreviewedReadingsAsync(
        DbConnection connection, DbTransaction transaction, ReviewQueueFilter filter, IReadOnlyList<ClauseReviewItem> page,
        CancellationToken cancellationToken)
    {
        var typeFilter = filter.Type is null ? "" : "AND c.Type = @Type";
        var rows = await connection.QueryAsync<(string Sha256, string Type, long Count)>(new CommandDefinition(
            $"""
            SELECT d.Sha256, c.Type, COUNT(*)
            FROM Clauses c
            JOIN Documents d ON d.Id = c.DocumentId
            LEFT JOIN ReviewItems r ON r.Kind = 'clause' AND r.DocumentSha256 = d.Sha256 AND r.ClauseId = c.Id
            WHERE c.FlagRank > 0 AND r.Id IS NULL AND d.SupersededBy IS NULL AND {_database.Dialect.InList("d.Sha256", "@Shas")} {typeFilter}
            GROUP BY d.Sha256, c.Type
            """,
            new { Shas = page.Select(i => i.DocumentSha256).Distinct(StringComparer.Ordinal).ToArray(), filter.Type },
            transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => (r.Sha256, r.Type), r => (int)r.Count);
    }

    /// <summary>
    /// Recomputes every stored Clauses.FlagRank when they were computed under other flag rules than
    /// <paramref name="flagger"/>'s (a severity changed since they were saved), in one write transaction, and records the
    /// rules. The ranks themselves come from Core (<see cref="ReviewFlagger.FlagRanks"/>); this only reads and writes rows.
    /// Returns how many ranks changed.
    /// </summary>
    public Task<int> RefreshFlagRanksAsync(ReviewFlagger flagger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flagger);
        return _database.UseAsync(connection => RefreshFlagRanksAsync(connection, flagger, cancellationToken), cancellationToken);
    }

    private const string FlagRulesKey = "review_flag_rules";

    private async Task<int> RefreshFlagRanksAsync(DbConnection connection, ReviewFlagger flagger, CancellationToken cancellationToken)
    {
        var fingerprint = flagger.RulesFingerprint;
        var stored = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT Value FROM StoreState WHERE Key = @FlagRulesKey", new { FlagRulesKey }, cancellationToken: cancellationToken));
        if (stored == fingerprint)
        {
            return 0;
        }

        await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
        var rows = await connection.QueryAsync<ClauseRow>(new CommandDefinition(
            """
            SELECT DocumentId, Id, Type, Text, Page, Start, "End", Confidence, FieldsJson, FlagRank
            FROM Clauses ORDER BY DocumentId, Start, "End", Type, Id
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        var changed = new List<object>();
        foreach (var document in rows.GroupBy(r => r.DocumentId))
        {
            var clauses = document.Select(DocumentStore.ToClause).ToList();
            var ranks = flagger.FlagRanks(clauses);
            changed.AddRange(document.Where(r => ranks[r.Id] != r.FlagRank)
                .Select(r => new { r.DocumentId, r.Id, FlagRank = ranks[r.Id] }));
        }

        if (changed.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE Clauses SET FlagRank = @FlagRank WHERE DocumentId = @DocumentId AND Id = @Id",
                changed, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO StoreState (Key, Value) VALUES (@FlagRulesKey, @fingerprint) ON CONFLICT (Key) DO UPDATE SET Value = excluded.Value",
            new { FlagRulesKey, fingerprint }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return changed.Count;
    }

    /// <summary>
    /// The item a reviewer typed (a clause id prefix, <c>deal:</c>…, <c>cycle:</c>…). Throws <see cref="DealLensException"/>
    /// when nothing matches or the prefix is ambiguous, naming the candidates.
    /// </summary>
    public Task<ReviewTarget> ResolveReviewTargetAsync(string reference, CancellationToken cancellationToken)
    {
        var parsed = ReviewItemIds.Parse(reference);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = _database.Dialect.BeginRead(connection);
            var candidates = parsed.Kind switch
            {
                ReviewItemKind.DealTerms => await DealTargetsAsync(connection, transaction, parsed.Prefix, cancellationToken),
                ReviewItemKind.Cycle => await CycleTargetsAsync(connection, transaction, parsed.Prefix, cancellationToken),
                _ => await ClauseTargetsAsync(connection, transaction, parsed.Prefix, cancellationToken),
            };
            await transaction.CommitAsync(cancellationToken);
            return candidates.Count switch
            {
                0 => throw new DealLensException($"no review item matches '{reference}' (see `deallens review list`)"),
                1 => candidates[0],
                _ => throw new DealLensException(
                    $"item id '{reference}' is ambiguous: it matches {candidates.Count} items ({string.Join(", ", candidates.Take(5).Select(c => c.Id))}{(candidates.Count > 5 ? ", ..." : "")}); type more of it"),
            };
        }, cancellationToken);
    }

    /// <summary>One item as the queue shows it (flagged or not), or null when it is gone.</summary>
    public Task<ReviewQueueItem?> LoadReviewQueueItemAsync(ReviewTarget target, ReviewFlagger flagger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(flagger);
        return _database.UseAsync(async connection =>
        {
            await using var transaction = _database.Dialect.BeginRead(connection);
            IEnumerable<ReviewQueueItem> found = target.Kind switch
            {
                ReviewItemKind.DealTerms => await QueryDealItemsAsync(connection, transaction, flagger, null, target, cancellationToken),
                ReviewItemKind.Cycle => (await QueryCycleItemsAsync(connection, transaction, flagger, cancellationToken)).Select(c => c.Item),
                _ => target.ClauseId is null
                    ? await QueryLostClauseItemsAsync(connection, transaction, null, target, cancellationToken)
                    : await QueryClauseItemsAsync(connection, transaction, flagger, ReviewQueueFilter.None, null, target, cancellationToken),
            };
            await transaction.CommitAsync(cancellationToken);
            return found.FirstOrDefault(i => i.Id == target.Id);
        }, cancellationToken);
    }

    /// <summary>The item's audit trail, oldest first; empty while nobody has reviewed it.</summary>
    public Task<IReadOnlyList<ReviewAuditEntry>> LoadReviewAuditAsync(long reviewItemId, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<ReviewAuditEntry>>(async connection =>
        {
            var rows = await connection.QueryAsync<ReviewAuditRow>(new CommandDefinition(
                "SELECT Id, ReviewItemId, At, Actor, Action, BeforeJson, AfterJson, Comment FROM ReviewAudit WHERE ReviewItemId = @reviewItemId ORDER BY Id",
                new { reviewItemId }, cancellationToken: cancellationToken));
            return rows.Select(r => new ReviewAuditEntry(r.Id, StorageFormat.ParseTimestamp(r.At), r.Actor, r.Action, r.BeforeJson, r.AfterJson, r.Comment)).ToList();
        }, cancellationToken);

    /// <summary>A window of the document's text, for showing a clause in context; empty when the document is gone.</summary>
    public Task<string> LoadTextAsync(string sha256, int start, int length, CancellationToken cancellationToken)
        => _database.UseAsync(async connection => await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT substr(Text, @From, @Length) FROM Documents WHERE Sha256 = @sha256",
            new { sha256, From = Math.Max(0, start) + 1, Length = Math.Max(0, length) }, cancellationToken: cancellationToken)) ?? "", cancellationToken);

    /// <summary>
    /// Applies one reviewer action and appends its audit row in the same write transaction (BEGIN IMMEDIATE, so it
    /// waits for other writers under busy_timeout instead of failing). The action is applied to the item as it is
    /// now, so concurrent edits of different fields both stay; the update is conditional on the version read, and a
    /// lost race is re-read and re-applied. With <paramref name="expectedVersion"/>, an item that has moved on since
    /// the reviewer looked at it is refused instead. Returns the item after the action.
    /// </summary>
    public Task<ReviewItem> ApplyReviewActionAsync(
        ReviewTarget target, ReviewAction action, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(action.Actor, nameof(action));
        if (action.Verb == ReviewVerbs.Edit && ReviewEdits.Problems(target.Kind, action.Edit ?? ReviewOverrides.None) is { Count: > 0 } problems)
        {
            throw new DealLensException(string.Join("; ", problems));
        }

        return _database.UseAsync(async connection =>
        {
            if (action.Verb == ReviewVerbs.Edit && action.Edit?.Parties is { Count: > 0 })
            {
                var known = await KnownCompanyKeysAsync(connection, cancellationToken);
                if (ReviewEdits.Problems(target.Kind, action.Edit, name => known.Contains(CompanyNames.Normalize(name))) is { Count: > 0 } unknown)
                {
                    throw new DealLensException(string.Join("; ", unknown));
                }
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (await TryApplyAsync(connection, target, action, expectedVersion, cancellationToken) is { } applied)
                    {
                        return applied;
                    }
                }
                catch (DbException ex) when (_database.Dialect.IsUniqueViolation(ex) && attempt < MaxActionAttempts)
                {
                    // Another process created the item between our read and our insert: read it again.
                }

                if (attempt >= MaxActionAttempts)
                {
                    throw new DealLensException(
                        $"{target.Id}: other reviewers kept changing this item; your {action.Verb} was not saved, try again");
                }
            }
        }, cancellationToken);
    }

    /// <summary>Every review item of clauses and deal terms, by document (what <see cref="ReviewOverlay"/> needs).</summary>
    public Task<IReadOnlyList<ReviewItem>> LoadReviewItemsAsync(string? sha256, CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<ReviewItem>>(async connection =>
            (await QueryReviewItemsAsync(connection, null, sha256 is null ? "1 = 1" : "DocumentSha256 = @sha256", new { sha256 }, cancellationToken)).ToList(),
            cancellationToken);

    /// <summary>The subjects of the cycles reviewers rejected.</summary>
    public Task<IReadOnlyList<string>> LoadRejectedCyclesAsync(CancellationToken cancellationToken)
        => _database.UseAsync<IReadOnlyList<string>>(async connection => (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT ItemKey FROM ReviewItems WHERE Kind = 'cycle' AND Status = 'rejected' ORDER BY ItemKey",
            cancellationToken: cancellationToken))).ToList(), cancellationToken);

    /// <summary>
    /// Every stored analysis with reviewers' decisions applied (rejected clauses removed, corrected types and fields in
    /// place), by source path: what scores and reports read.
    /// </summary>
    public async IAsyncEnumerable<DocumentAnalysis> LoadReviewedAnalysesAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = (await LoadReviewItemsAsync(null, cancellationToken))
            .GroupBy(i => i.DocumentSha256 ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        await foreach (var analysis in _database.Documents.LoadAllAnalysesAsync(cancellationToken))
        {
            yield return items.TryGetValue(analysis.Sha256, out var mine) ? ReviewOverlay.Apply(analysis, mine) : analysis;
        }
    }

    /// <summary>The comparison keys (<see cref="CompanyNames.Normalize"/>) of every party of a stored deal and every alias-table name.</summary>
    private static async Task<HashSet<string>> KnownCompanyKeysAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var names = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT Name FROM Parties UNION SELECT CompanyName FROM CompanyAliases", cancellationToken: cancellationToken));
        var aliases = await connection.QueryAsync<string>(new CommandDefinition("SELECT Alias FROM CompanyAliases", cancellationToken: cancellationToken));
        var keys = names.Select(CompanyNames.Normalize).ToHashSet(StringComparer.Ordinal);
        keys.UnionWith(aliases);
        return keys;
    }

    /// <summary>
    /// Runs inside the save transaction of a (re-)analysed document: each reviewed clause of the document keeps its
    /// clause, follows the clause that now matches its quote, or becomes no_longer_found — each change with an audit row.
    /// </summary>
    internal async Task RebindAsync(
        DbConnection connection, DbTransaction transaction, DocumentAnalysis analysis, CancellationToken cancellationToken)
    {
        var items = (await QueryReviewItemsAsync(
            connection, transaction, "Kind = 'clause' AND DocumentSha256 = @Sha256", new { analysis.Sha256 }, cancellationToken)).ToList();
        if (items.Count == 0)
        {
            return;
        }

        var now = _database.Now();
        var statusBeforeLost = new Dictionary<long, ReviewStatus>();
        foreach (var lost in items.Where(i => i.Status == ReviewStatus.NoLongerFound))
        {
            if (await StatusBeforeLostAsync(connection, transaction, lost.Id, cancellationToken) is { } status)
            {
                statusBeforeLost[lost.Id] = status;
            }
        }

        // Core decides what follows what; this writes the rows.
        foreach (var change in ReviewRebinder.Changes(items, analysis.Clauses, analysis.Extractor, statusBeforeLost))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE ReviewItems SET ClauseId = @ClauseId, Start = coalesce(@Start, Start), "End" = coalesce(@End, "End"),
                       Status = @Status, Version = @Version, UpdatedAt = @UpdatedAt, UpdatedBy = @UpdatedBy
                WHERE Id = @Id
                """,
                new
                {
                    change.Item.Id,
                    change.After.ClauseId,
                    change.Start,
                    change.End,
                    Status = Vocabulary.Name(change.After.Status),
                    change.After.Version,
                    UpdatedAt = now,
                    UpdatedBy = SystemActor,
                },
                transaction, cancellationToken: cancellationToken));
            await InsertAuditAsync(connection, transaction, change.Item.Id, now, SystemActor, change.Action, change.Before, change.After, change.Comment, cancellationToken);
        }
    }

    private async Task<ReviewItem?> TryApplyAsync(
        DbConnection connection, ReviewTarget target, ReviewAction action, long? expectedVersion, CancellationToken cancellationToken)
    {
        await using var transaction = await _database.Dialect.BeginWriteAsync(connection, cancellationToken);
        var current = await FindItemAsync(connection, transaction, target, cancellationToken);
        var before = current?.State ?? ReviewState.Unreviewed(target.ClauseId);
        if (expectedVersion is { } expected && before.Version != expected)
        {
            throw new DealLensException(current is null
                ? $"{target.Id}: expected version {expected}, but nobody has reviewed this item yet (version 0); nothing saved"
                : $"{target.Id}: changed since you read it (version {expected}, now {current.Version}: {Vocabulary.Name(current.Status)} by {current.UpdatedBy} at {StorageFormat.Timestamp(current.UpdatedAt)}); nothing saved — run `deallens review show {target.Id}` and try again");
        }

        var after = action.ApplyTo(before);
        var now = _database.Now();
        long itemId;
        if (current is null)
        {
            var snapshot = await SnapshotTargetAsync(connection, transaction, target, cancellationToken);
            itemId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO ReviewItems (Kind, DocumentSha256, ItemKey, ClauseId, ClauseType, Quote, Start, "End", Status, Assignee,
                                         OverridesJson, Version, UpdatedAt, UpdatedBy)
                VALUES (@Kind, @DocumentSha256, @ItemKey, @ClauseId, @ClauseType, @Quote, @Start, @End, @Status, @Assignee,
                        @OverridesJson, @Version, @UpdatedAt, @UpdatedBy)
                RETURNING Id
                """,
                new
                {
                    Kind = Vocabulary.Name(target.Kind),
                    target.DocumentSha256,
                    target.ItemKey,
                    after.ClauseId,
                    ClauseType = snapshot?.Type,
                    Quote = snapshot?.Text,
                    snapshot?.Start,
                    snapshot?.End,
                    Status = Vocabulary.Name(after.Status),
                    after.Assignee,
                    OverridesJson = StorageJson.Serialize(after.Overrides),
                    after.Version,
                    UpdatedAt = now,
                    UpdatedBy = action.Actor,
                },
                transaction, cancellationToken: cancellationToken));
        }
        else
        {
            itemId = current.Id;
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE ReviewItems SET Status = @Status, Assignee = @Assignee, OverridesJson = @OverridesJson, Version = @Version,
                       UpdatedAt = @UpdatedAt, UpdatedBy = @UpdatedBy
                WHERE Id = @Id AND Version = @ReadVersion
                """,
                new
                {
                    Id = itemId,
                    Status = Vocabulary.Name(after.Status),
                    after.Assignee,
                    OverridesJson = StorageJson.Serialize(after.Overrides),
                    after.Version,
                    UpdatedAt = now,
                    UpdatedBy = action.Actor,
                    ReadVersion = before.Version,
                },
                transaction, cancellationToken: cancellationToken));
            if (updated == 0)
            {
                // Someone moved the item on between our read and our write: roll back and apply to the fresh state.
                return null;
            }
        }

        await InsertAuditAsync(connection, transaction, itemId, now, action.Actor, action.Verb, before, after, action.Comment, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await QueryReviewItemsAsync(connection, null, "Id = @itemId", new { itemId }, cancellationToken)).Single();
    }

    private static async Task<ReviewItem?> FindItemAsync(
        DbConnection connection, DbTransaction transaction, ReviewTarget target, CancellationToken cancellationToken)
    {
        if (target.ReviewItemId is { } id)
        {
            var byId = (await QueryReviewItemsAsync(connection, transaction, "Id = @id", new { id }, cancellationToken)).SingleOrDefault();
            if (byId is not null)
            {
                return byId;
            }
        }

        var items = target.Kind == ReviewItemKind.Clause
            ? await QueryReviewItemsAsync(connection, transaction,
                "Kind = 'clause' AND DocumentSha256 = @DocumentSha256 AND (ClauseId = @ClauseId OR ItemKey = @ItemKey)",
                new { target.DocumentSha256, target.ClauseId, target.ItemKey }, cancellationToken)
            : await QueryReviewItemsAsync(connection, transaction,
                "Kind = @Kind AND DocumentSha256 IS NOT DISTINCT FROM @DocumentSha256 AND ItemKey = @ItemKey",
                new { Kind = Vocabulary.Name(target.Kind), target.DocumentSha256, target.ItemKey }, cancellationToken);
        return items.OrderBy(i => i.ClauseId == target.ClauseId ? 0 : 1).FirstOrDefault();
    }

    /// <summary>The clause as the reviewer first sees it, kept on the item so it can be re-bound after re-analysis.</summary>
    private static async Task<ClauseRow?> SnapshotTargetAsync(
        DbConnection connection, DbTransaction transaction, ReviewTarget target, CancellationToken cancellationToken)
    {
        if (target.Kind != ReviewItemKind.Clause)
        {
            return null;
        }

        return await connection.QuerySingleOrDefaultAsync<ClauseRow>(new CommandDefinition(
            """
            SELECT c.Id, c.DocumentId, c.Type, c.Text, c.Page, c.Start, c."End", c.Confidence, c.Extractor, c.FieldsJson
            FROM Clauses c JOIN Documents d ON d.Id = c.DocumentId
            WHERE d.Sha256 = @DocumentSha256 AND c.Id = @ClauseId
            """,
            new { target.DocumentSha256, target.ClauseId }, transaction, cancellationToken: cancellationToken))
            ?? throw new DealLensException($"{target.Id}: the clause is no longer stored (its document was re-analysed); run `deallens review list` again");
    }

    /// <summary>The status an item had before it was last marked no_longer_found (its audit trail), or null.</summary>
    private static async Task<ReviewStatus?> StatusBeforeLostAsync(
        DbConnection connection, DbTransaction transaction, long itemId, CancellationToken cancellationToken)
    {
        var json = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT BeforeJson FROM ReviewAudit WHERE ReviewItemId = @itemId AND Action = @Action ORDER BY Id DESC LIMIT 1",
            new { itemId, Action = ReviewVerbs.NoLongerFound }, transaction, cancellationToken: cancellationToken));
        return json is null ? null : StorageJson.Deserialize<ReviewState>(json).Status;
    }

    private static Task InsertAuditAsync(
        DbConnection connection, DbTransaction transaction, long itemId, string at, string actor, string action,
        ReviewState? before, ReviewState after, string? comment, CancellationToken cancellationToken)
        => connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO ReviewAudit (ReviewItemId, At, Actor, Action, BeforeJson, AfterJson, Comment)
            VALUES (@ReviewItemId, @At, @Actor, @Action, @BeforeJson, @AfterJson, @Comment)
            """,
            new
            {
                ReviewItemId = itemId,
                At = at,
                Actor = actor,
                Action = action,
                BeforeJson = before is null ? null : StorageJson.Serialize(before),
                AfterJson = StorageJson.Serialize(after),
                Comment = comment,
            },
            transaction, cancellationToken: cancellationToken));

    private static async Task<IEnumerable<ReviewItem>> QueryReviewItemsAsync(
        DbConnection connection, DbTransaction? transaction, string where, object parameters, CancellationToken cancellationToken)
        => (await connection.QueryAsync<ReviewItemRow>(new CommandDefinition(
            $"SELECT {ReviewItemColumns} FROM ReviewItems WHERE {where} ORDER BY Id", parameters, transaction,
            cancellationToken: cancellationToken))).Select(ToReviewItem);

    private static ReviewItem ToReviewItem(ReviewItemRow r) => new(
        r.Id, Vocabulary.Parse<ReviewItemKind>(r.Kind), r.DocumentSha256, r.ItemKey, r.ClauseId, r.ClauseType, r.Quote,
        r.Start is null ? null : checked((int)r.Start.Value), r.End is null ? null : checked((int)r.End.Value),
        Vocabulary.Parse<ReviewStatus>(r.Status), r.Assignee, StorageJson.Deserialize<ReviewOverrides>(r.OverridesJson), r.Version, StorageFormat.ParseTimestamp(r.UpdatedAt), r.UpdatedBy);

    /// <summary>Document id -> source path of the documents the filter allows; null when it does not filter by document.</summary>
    private static async Task<Dictionary<long, string>?> DocumentScopeAsync(
        DbConnection connection, DbTransaction transaction, ReviewQueueFilter filter, CancellationToken cancellationToken)
    {
        if (filter.Document is null && filter.Company is null)
        {
            return null;
        }

        var documents = (await connection.QueryAsync<DocumentRow>(new CommandDefinition(
            "SELECT Id, Sha256, SourcePath FROM Documents WHERE SupersededBy IS NULL", transaction: transaction, cancellationToken: cancellationToken))).ToList();
        if (filter.Document is { } document)
        {
            documents = documents.Where(d => d.SourcePath.Contains(document, StringComparison.OrdinalIgnoreCase)
                || d.Sha256.StartsWith(document.ToLowerInvariant(), StringComparison.Ordinal)).ToList();
        }

        if (filter.Company is { } company)
        {
            var resolver = await LoadResolverAsync(connection, transaction, cancellationToken);
            var key = resolver.Resolve(company);
            var parties = await connection.QueryAsync<PartyRow>(new CommandDefinition(
                "SELECT DocumentId, Position, Name, Role FROM Parties", transaction: transaction, cancellationToken: cancellationToken));
            var named = parties.Where(p => resolver.Resolve(p.Name) == key).Select(p => p.DocumentId).ToHashSet();
            documents = documents.Where(d => named.Contains(d.Id)).ToList();
        }

        return documents.ToDictionary(d => d.Id, d => d.SourcePath);
    }

    private static async Task<CompanyResolver> LoadResolverAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var aliases = await connection.QueryAsync<(string Alias, string CompanyName)>(new CommandDefinition(
            "SELECT Alias, CompanyName FROM CompanyAliases", transaction: transaction, cancellationToken: cancellationToken));
        return new CompanyResolver(aliases.Select(a => KeyValuePair.Create(a.Alias, a.CompanyName)));
    }

    private enum ClauseSubset
    {
        All,
        Reviewed,

        /// <summary>Unreviewed flagged clauses, most severe first (as <see cref="ReviewQueueOrder"/>), cut at the filter's limit.</summary>
        UnreviewedTop,
    }

    private async Task<IEnumerable<ClauseReviewItem>> QueryClauseItemsAsync(
        DbConnection connection, DbTransaction transaction, ReviewFlagger flagger, ReviewQueueFilter filter,
        Dictionary<long, string>? documents, ReviewTarget? single, CancellationToken cancellationToken,
        ClauseSubset subset = ClauseSubset.All, int? limit = null)
    {
        var where = new List<string>();
        var orderAndLimit = "";
        if (single is not null)
        {
            where.Add("d.Sha256 = @Sha256 AND c.Id = @ClauseId");
        }
        else if (subset == ClauseSubset.Reviewed)
        {
            where.Add("r.Id IS NOT NULL");
        }
        else if (subset == ClauseSubset.UnreviewedTop)
        {
            where.Add("r.Id IS NULL");
            orderAndLimit = "ORDER BY c.FlagRank DESC, d.SourcePath, c.Start, c.Id LIMIT @Limit";
        }
        else
        {
            where.Add($"({_database.Dialect.InList("c.Type", "@CandidateTypes")} OR c.Confidence < @LowConfidence OR {_database.Dialect.JsonIsTrue("c.FieldsJson", "redacted")} OR r.Id IS NOT NULL)");
        }

        if (single is null)
        {
            // Only current versions: a superseded one is history.
            where.Add("d.SupersededBy IS NULL");
        }

        if (documents is not null)
        {
            where.Add(_database.Dialect.InList("c.DocumentId", "@DocumentIds"));
        }

        if (filter.Type is not null && subset == ClauseSubset.UnreviewedTop)
        {
            where.Add("c.Type = @Type");
        }
        else if (filter.Type is not null)
        {
            // The type as reviewed: the extracted type, or a reviewer's correction to it.
            where.Add($"(c.Type = @Type OR c.Id IN (SELECT ClauseId FROM ReviewItems WHERE Kind = 'clause' AND {_database.Dialect.JsonText("OverridesJson", "type")} = @Type))");
        }

        if (filter.Status == ReviewStatus.Open)
        {
            where.Add("(r.Id IS NULL OR r.Status = 'open')");
        }
        else if (filter.Status is not null)
        {
            where.Add("r.Status = @Status");
        }

        if (filter.Assignee is not null)
        {
            where.Add("r.Assignee = @Assignee");
        }

        const string Joins = """
            JOIN Documents d ON d.Id = c.DocumentId
            LEFT JOIN ReviewItems r ON r.Kind = 'clause' AND r.DocumentSha256 = d.Sha256 AND r.ClauseId = c.Id
            """;
        const string Columns = """
            c.Id, c.Type, c.Text, c.Page, c.Start, c."End", c.Confidence, c.FieldsJson, d.Sha256, d.SourcePath,
            r.Id AS ReviewId, r.Status, r.Assignee, r.OverridesJson, r.Version AS ReviewVersion, r.UpdatedAt, r.UpdatedBy
            """;

        // The cut queue ranks on the covering index IX_Clauses_FlagRank, one flag rank at a time (TopOfRank). Without
        // statistics SQLite prefers a full scan of Clauses here (about twice as slow at 100,000 clauses), hence INDEXED BY;
        // a type filter narrows faster through its own index, and is ranked and cut in one ORDER BY.
        var index = filter.Type is not null ? _database.Dialect.IndexHint("IX_Clauses_Type") : documents is null ? _database.Dialect.IndexHint("IX_Clauses_FlagRank") : "";
        var sql = subset == ClauseSubset.UnreviewedTop && filter.Type is null
            ? $"""
              WITH top AS (
                  SELECT ClauseRowId FROM (
                  {string.Join("\n    UNION ALL\n", s_flagRanks.Select(rank => TopOfRank(rank, where)))}) AS ranked
                  ORDER BY FlagRank DESC, SourcePath, Start, ClauseId LIMIT @Limit)
              SELECT {Columns}
              FROM top JOIN Clauses c ON c.{_database.Dialect.RowId} = top.ClauseRowId
              {Joins}
              """
            : subset == ClauseSubset.UnreviewedTop
            ? $"""
              WITH top AS (
                  SELECT c.{_database.Dialect.RowId} AS ClauseRowId FROM Clauses c {index}
                  {Joins}
                  WHERE c.FlagRank > 0 AND {string.Join(" AND ", where)}
                  {orderAndLimit})
              SELECT {Columns}
              FROM top JOIN Clauses c ON c.{_database.Dialect.RowId} = top.ClauseRowId
              {Joins}
              """
            : $"""
              SELECT {Columns}
              FROM Clauses c
              {Joins}
              WHERE {string.Join(" AND ", where)}
              """;
        var rows = await connection.QueryAsync<ClauseRow, QueueColumns, (ClauseRow Clause, QueueColumns Queue)>(new CommandDefinition(
            sql,
            new
            {
                Limit = limit ?? filter.Limit,
                CandidateTypes = flagger.CandidateTypes.ToArray(),
                flagger.Options.LowConfidence,
                DocumentIds = documents?.Keys.ToList(),
                filter.Type,
                Status = filter.Status is { } status ? Vocabulary.Name(status) : null,
                filter.Assignee,
                Sha256 = single?.DocumentSha256,
                single?.ClauseId,
            },
            transaction, cancellationToken: cancellationToken), (clause, queue) => (clause, queue), splitOn: nameof(QueueColumns.Sha256));

        return ReviewQueueBuilder.ClauseItems(
            rows.Select(row => new StoredClause(row.Queue.Sha256, row.Queue.SourcePath, DocumentStore.ToClause(row.Clause), row.Queue.Review)),
            flagger, oneItem: single is not null);
    }

    /// <summary>The flag ranks of the queue, most severe first (Clauses.FlagRank; 0 is not flagged).</summary>
    private static readonly int[] s_flagRanks = Enum.GetValues<Severity>().Select(s => Severity.Rank(s)).OrderDescending().ToArray();

    /// <summary>
    /// The first unreviewed clauses of one flag rank in queue order (document path, then position). SQLite walks the
    /// documents in path order (IX_Documents_SourcePath) and reads each one's clauses of that rank in position order from
    /// IX_Clauses_FlagRank (FlagRank, DocumentId, Start, Id), so it visits about as many rows as it keeps and stops;
    /// ranking every rank in one ORDER BY sorted all flagged clauses of the top rank by path first (25,000 of 100,000
    /// clauses in the bench's queue). CROSS JOIN keeps that join order (SQLite plans it as written).
    /// </summary>
    private string TopOfRank(int rank, List<string> where)
    {
        return $"""
            SELECT * FROM (
                SELECT c.FlagRank, d.SourcePath, c.Start, c.Id AS ClauseId, c.{_database.Dialect.RowId} AS ClauseRowId
                FROM Documents d
                CROSS JOIN Clauses c {_database.Dialect.IndexHint("IX_Clauses_FlagRank")}
                LEFT JOIN ReviewItems r ON r.Kind = 'clause' AND r.DocumentSha256 = d.Sha256 AND r.ClauseId = c.Id
                WHERE c.DocumentId = d.Id AND c.FlagRank = {rank.ToString(CultureInfo.InvariantCulture)} AND {string.Join(" AND ", where)}
                ORDER BY d.SourcePath, c.Start, c.Id LIMIT @Limit) AS rank{rank}
            """;
    }

    /// <summary>Reviewed clauses no re-analysis could find again: listed from what the item kept of them.</summary>
    private static async Task<IEnumerable<ClauseReviewItem>> QueryLostClauseItemsAsync(
        DbConnection connection, DbTransaction transaction, Dictionary<long, string>? documents, ReviewTarget? single,
        CancellationToken cancellationToken)
    {
        var items = await QueryReviewItemsAsync(
            connection, transaction, single?.ReviewItemId is { } id ? "Id = @id" : "Kind = 'clause' AND ClauseId IS NULL",
            new { id = single?.ReviewItemId }, cancellationToken);
        var paths = (await connection.QueryAsync<DocumentRow>(new CommandDefinition(
            """
            SELECT Id, Sha256, SourcePath FROM Documents
            WHERE SupersededBy IS NULL AND Sha256 IN (SELECT DocumentSha256 FROM ReviewItems WHERE Kind = 'clause' AND ClauseId IS NULL)
            """,
            transaction: transaction, cancellationToken: cancellationToken))).ToList();
        var allowed = documents?.Keys.ToHashSet();
        return items
            .Where(i => i.ClauseId is null)
            .Select(i => (Item: i, Document: paths.FirstOrDefault(p => p.Sha256 == i.DocumentSha256)))
            // Items of a superseded or removed version are history: only `review show` of the item itself lists them.
            .Where(p => single is not null || (p.Document is not null && (allowed is null || allowed.Contains(p.Document.Id))))
            .Select(p => ReviewQueueBuilder.LostClauseItem(p.Item, p.Document?.SourcePath));
    }

    private async Task<IEnumerable<DealTermsReviewItem>> QueryDealItemsAsync(
        DbConnection connection, DbTransaction transaction, ReviewFlagger flagger, Dictionary<long, string>? documents,
        ReviewTarget? single, CancellationToken cancellationToken)
    {
        var where = single is not null ? "d.Sha256 = @Sha256"
            : "d.SupersededBy IS NULL AND (t.Redacted = 1 OR t.Binding = 0 OR r.Id IS NOT NULL)" + (documents is null ? "" : " AND " + _database.Dialect.InList("d.Id", "@DocumentIds"));
        var rows = await connection.QueryAsync<DealTermsRow, QueueColumns, (DealTermsRow Terms, QueueColumns Queue)>(new CommandDefinition(
            $"""
            SELECT t.Amount, t.Currency, t.Binding, t.Redacted, t.TermMonths, t.EvidenceJson, d.Sha256, d.SourcePath,
                   r.Id AS ReviewId, r.Status, r.Assignee, r.OverridesJson, r.Version AS ReviewVersion, r.UpdatedAt, r.UpdatedBy
            FROM DealTerms t
            JOIN Documents d ON d.Id = t.DocumentId
            LEFT JOIN ReviewItems r ON r.Kind = 'deal_terms' AND r.DocumentSha256 = d.Sha256 AND r.ItemKey = 'deal_terms'
            WHERE {where}
            """,
            new { DocumentIds = documents?.Keys.ToList(), Sha256 = single?.DocumentSha256 },
            transaction, cancellationToken: cancellationToken), (terms, queue) => (terms, queue), splitOn: nameof(QueueColumns.Sha256));

        return rows.Select(row => ReviewQueueBuilder.DealTermsItem(
            row.Queue.Sha256, row.Queue.SourcePath,
            DealTerms.Empty with
            {
                TotalValue = row.Terms.Binding is null
                    ? null
                    : new DealValue(StorageFormat.ParseNumber(row.Terms.Amount), row.Terms.Currency, row.Terms.Binding.Value != 0, row.Terms.Redacted.GetValueOrDefault() != 0),
                TermMonths = row.Terms.TermMonths is null ? null : checked((int)row.Terms.TermMonths.Value),
            },
            StorageJson.Deserialize<List<FieldEvidence>>(row.Terms.EvidenceJson), row.Queue.Review, flagger)).ToList();
    }

    /// <summary>
    /// Cycles of the latest risk snapshot (recomputed after every analyze and review decision), plus every cycle a
    /// reviewer has decided on, even if it is no longer found.
    /// </summary>
    private async Task<IReadOnlyList<CycleQueueEntry>> QueryCycleItemsAsync(
        DbConnection connection, DbTransaction transaction, ReviewFlagger flagger, CancellationToken cancellationToken)
    {
        var snapshots = await RiskStore.ReadLatestAsync(_database.Dialect, connection, transaction, RiskSnapshots.Cycle, cancellationToken);
        var reviewed = await QueryReviewItemsAsync(connection, transaction, "Kind = 'cycle'", new { }, cancellationToken);
        return ReviewQueueBuilder.CycleItems(snapshots.Select(s => s.Snapshot), reviewed, flagger);
    }

    private static async Task<IReadOnlyList<ReviewTarget>> ClauseTargetsAsync(
        DbConnection connection, DbTransaction transaction, string prefix, CancellationToken cancellationToken)
    {
        // Hex ids: every id starting with the prefix sorts between the prefix and the prefix followed by 'g'.
        var range = new { Low = prefix, High = prefix + "g" };
        var rows = await connection.QueryAsync<(string Sha256, string? ClauseId, string? ItemKey, long? ReviewItemId)>(new CommandDefinition(
            """
            SELECT d.Sha256, c.Id AS ClauseId, r.ItemKey, r.Id AS ReviewItemId
            FROM Clauses c
            JOIN Documents d ON d.Id = c.DocumentId
            LEFT JOIN ReviewItems r ON r.Kind = 'clause' AND r.DocumentSha256 = d.Sha256 AND r.ClauseId = c.Id
            WHERE c.Id >= @Low AND c.Id < @High
            UNION
            SELECT DocumentSha256, ClauseId, ItemKey, Id FROM ReviewItems
            WHERE Kind = 'clause' AND ((ItemKey >= @Low AND ItemKey < @High) OR (ClauseId >= @Low AND ClauseId < @High))
            """,
            range, transaction, cancellationToken: cancellationToken));
        return rows
            .GroupBy(r => r.ReviewItemId is { } id ? "item:" + id : r.Sha256 + ":" + r.ClauseId, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(r => new ReviewTarget(
                ReviewItemIds.ForClause(r.ClauseId ?? r.ItemKey!), ReviewItemKind.Clause, r.Sha256, r.ItemKey ?? r.ClauseId!, r.ClauseId, r.ReviewItemId))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<IReadOnlyList<ReviewTarget>> DealTargetsAsync(
        DbConnection connection, DbTransaction transaction, string prefix, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Sha256, long? ReviewItemId)>(new CommandDefinition(
            """
            SELECT d.Sha256, r.Id AS ReviewItemId FROM Documents d
            LEFT JOIN ReviewItems r ON r.Kind = 'deal_terms' AND r.DocumentSha256 = d.Sha256 AND r.ItemKey = 'deal_terms'
            WHERE d.Sha256 >= @Low AND d.Sha256 < @High ORDER BY d.Sha256
            """,
            new { Low = prefix, High = prefix + "g" }, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new ReviewTarget(ReviewItemIds.ForDeal(r.Sha256), ReviewItemKind.DealTerms, r.Sha256, ReviewItemIds.DealTermsKey, null, r.ReviewItemId)).ToList();
    }

    private async Task<IReadOnlyList<ReviewTarget>> CycleTargetsAsync(
        DbConnection connection, DbTransaction transaction, string prefix, CancellationToken cancellationToken)
    {
        var cycles = await QueryCycleItemsAsync(connection, transaction, ReviewFlagger.Default, cancellationToken);
        return cycles
            .Where(c => ReviewItemIds.CycleHash(c.Item.Subject).StartsWith(prefix, StringComparison.Ordinal))
            .Select(c => new ReviewTarget(c.Item.Id, ReviewItemKind.Cycle, null, c.Item.Subject, null, null))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class ReviewItemRow
    {
        public long Id { get; init; }

        public string Kind { get; init; } = "";

        public string? DocumentSha256 { get; init; }

        public string ItemKey { get; init; } = "";

        public string? ClauseId { get; init; }

        public string? ClauseType { get; init; }

        public string? Quote { get; init; }

        public long? Start { get; init; }

        public long? End { get; init; }

        public string Status { get; init; } = "";

        public string? Assignee { get; init; }

        public string OverridesJson { get; init; } = "{}";

        public long Version { get; init; }

        public string UpdatedAt { get; init; } = "";

        public string UpdatedBy { get; init; } = "";
    }

    private sealed class ReviewAuditRow
    {
        public long Id { get; init; }

        public long ReviewItemId { get; init; }

        public string At { get; init; } = "";

        public string Actor { get; init; } = "";

        public string Action { get; init; } = "";

        public string? BeforeJson { get; init; }

        public string? AfterJson { get; init; }

        public string? Comment { get; init; }
    }

    /// <summary>
    /// The document and review-item columns that follow a clause's or deal terms' own columns in a queue query (split
    /// off at <c>Sha256</c>); the review columns are all null while nobody reviewed the item.
    /// </summary>
    private sealed class QueueColumns
    {
        public string Sha256 { get; init; } = "";

        public string SourcePath { get; init; } = "";

        public long? ReviewId { get; init; }

        public string? Status { get; init; }

        public string? Assignee { get; init; }

        public string? OverridesJson { get; init; }

        public long? ReviewVersion { get; init; }

        public string? UpdatedAt { get; init; }

        public string? UpdatedBy { get; init; }

        public ReviewedState? Review => Reviewed(ReviewId, Status, Assignee, OverridesJson, ReviewVersion, UpdatedAt, UpdatedBy);
    }

    private static ReviewedState? Reviewed(
        long? reviewId, string? status, string? assignee, string? overridesJson, long? version, string? updatedAt, string? updatedBy)
        => reviewId is null
            ? null
            : new ReviewedState(
                Vocabulary.Parse<ReviewStatus>(status), assignee, StorageJson.Deserialize<ReviewOverrides>(overridesJson ?? "{}"),
                version ?? 0, StorageFormat.ParseTimestamp(updatedAt ?? ""), updatedBy ?? "");

    /// <summary>
    /// The review status of every clause and every document's deal terms that a reviewer has touched (ReviewItems,
    /// schema 0005), and the rejected clauses as stored. A clause item no longer bound to a clause (ClauseId NULL) names no
    /// current clause and is left out.
    /// </summary>
    public Task<ReviewStatuses> LoadReviewStatusesAsync(CancellationToken cancellationToken)
        => _database.UseAsync(async connection =>
        {
            var rows = await connection.QueryAsync<ReviewItemRow>(new CommandDefinition(
                """
                SELECT Kind, DocumentSha256, ClauseId, Status FROM ReviewItems
                WHERE DocumentSha256 IS NOT NULL AND (Kind = 'deal_terms' OR (Kind = 'clause' AND ClauseId IS NOT NULL))
                ORDER BY Id
                """,
                cancellationToken: cancellationToken));
            var clauses = new Dictionary<(string, string), string>();
            var dealTerms = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (row.Kind == "clause")
                {
                    clauses[(row.DocumentSha256!, row.ClauseId!)] = row.Status;
                }
                else
                {
                    dealTerms[row.DocumentSha256!] = row.Status;
                }
            }

            var rejected = await connection.QueryAsync<RejectedClauseRow>(new CommandDefinition(
                """
                SELECT d.Sha256, c.Id, c.DocumentId, c.Type, c.Text, c.Page, c.Start, c."End", c.Confidence, c.Extractor, c.FieldsJson
                FROM ReviewItems r
                JOIN Documents d ON d.Sha256 = r.DocumentSha256
                JOIN Clauses c ON c.DocumentId = d.Id AND c.Id = r.ClauseId
                WHERE r.Kind = 'clause' AND r.Status = 'rejected'
                """,
                cancellationToken: cancellationToken));
            return new ReviewStatuses(clauses, dealTerms, rejected.Select(r => (r.Sha256, DocumentStore.ToClause(r))));
        }, cancellationToken);

    /// <summary>
    /// Runs inside the save transaction of <paramref name="analysis"/>, a new version of <paramref name="olderVersions"/>:
    /// their reviewed clauses are copied onto it (one item per key), to be re-bound to its clauses right after.
    /// </summary>
    internal async Task CarryOverAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<string> olderVersions, DocumentAnalysis analysis, string now,
        CancellationToken cancellationToken)
    {
        var taken = (await QueryReviewItemsAsync(
                connection, transaction, "Kind = 'clause' AND DocumentSha256 = @Sha256", new { analysis.Sha256 }, cancellationToken))
            .Select(i => i.ItemKey).ToHashSet(StringComparer.Ordinal);
        foreach (var version in olderVersions)
        {
            var items = await QueryReviewItemsAsync(
                connection, transaction, "Kind = 'clause' AND DocumentSha256 = @Sha256", new { Sha256 = version }, cancellationToken);
            foreach (var item in items.Where(i => taken.Add(i.ItemKey)))
            {
                var after = item.State with { Version = 1 };
                var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO ReviewItems (Kind, DocumentSha256, ItemKey, ClauseId, ClauseType, Quote, Start, "End", Status, Assignee,
                                             OverridesJson, Version, UpdatedAt, UpdatedBy)
                    VALUES (@Kind, @DocumentSha256, @ItemKey, @ClauseId, @ClauseType, @Quote, @Start, @End, @Status, @Assignee,
                            @OverridesJson, 1, @UpdatedAt, @UpdatedBy)
                    RETURNING Id
                    """,
                    new
                    {
                        Kind = Vocabulary.Name(item.Kind),
                        DocumentSha256 = analysis.Sha256,
                        item.ItemKey,
                        item.ClauseId,
                        item.ClauseType,
                        item.Quote,
                        item.Start,
                        item.End,
                        Status = Vocabulary.Name(item.Status),
                        item.Assignee,
                        OverridesJson = StorageJson.Serialize(item.Overrides),
                        UpdatedAt = now,
                        UpdatedBy = SystemActor,
                    },
                    transaction, cancellationToken: cancellationToken));
                await InsertAuditAsync(
                    connection, transaction, id, now, SystemActor, CarryOverAction, null, after,
                    $"new version of {analysis.SourcePath}: decision carried over from version {version[..Math.Min(12, version.Length)]} (review item {item.Id})",
                    cancellationToken);
            }
        }

    }
}
