using System.Security.Cryptography;
using System.Text;
using Dapper;
using DealLens.Cli.Analysis;
using DealLens.Cli.Batch;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Extraction;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Cli.Batch;

/// <summary>
/// Issue #21: batch runs on several machines share one queue through the database, claiming one document at a time
/// (0014_batch_claims.sql). Runs on SQLite and, in <see cref="BatchQueuePostgreSqlTests"/>, on PostgreSQL.
/// </summary>
public class BatchQueueTests : StoreTests
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(2);

    private readonly StoreBackend _backend;
    private readonly TempFolder _folder = new();

    public BatchQueueTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected BatchQueueTests(StoreBackend backend)
        : base(backend, new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero))
        => _backend = backend;

    private BatchQueueScope Inbox => new(_folder.File("inbox"), Feed: false, MaxRetries: 3);

    [StoreFact]
    public async Task Issue21_ClaimNext_TwoRuns_EachGetsADifferentDocumentLargestFirst()
    {
        await QueueAsync(("small.txt", 10), ("large.txt", 3000), ("medium.txt", 200));
        var a = await StartRunAsync();
        var b = await StartRunAsync();

        var first = await Db.Batch.ClaimNextAsync(a, Inbox, s_lease, CancellationToken.None);
        var second = await Db.Batch.ClaimNextAsync(b, Inbox, s_lease, CancellationToken.None);
        var third = await Db.Batch.ClaimNextAsync(a, Inbox, s_lease, CancellationToken.None);
        var none = await Db.Batch.ClaimNextAsync(b, Inbox, s_lease, CancellationToken.None);

        Assert.Equal(["large.txt", "medium.txt", "small.txt"], new[] { first, second, third }.Select(c => Path.GetFileName(c!.Item.LocalPath)));
        Assert.Equal([2, 1, 0], new[] { first, second, third }.Select(c => c!.LeftInQueue));
        Assert.Null(none);
        Assert.Equal(2, Claimed(a));
        Assert.Equal(1, Claimed(b));
    }

    [StoreFact]
    public async Task Issue21_ClaimNext_InboxScope_OnlyFilesUnderThatFolder()
    {
        await QueueAsync(("inbox/a.txt", 10), ("inbox-other/b.txt", 10), ("elsewhere/c.txt", 10));
        var run = await StartRunAsync();

        var claim = await Db.Batch.ClaimNextAsync(run, Inbox, s_lease, CancellationToken.None);
        var none = await Db.Batch.ClaimNextAsync(run, Inbox, s_lease, CancellationToken.None);

        Assert.Equal(_folder.File("inbox/a.txt"), claim!.Item.LocalPath);
        Assert.Null(none);
        Assert.Null(await Db.Batch.ClaimNextAsync(run, new BatchQueueScope(null, Feed: true, MaxRetries: 3), s_lease, CancellationToken.None));
    }

    [StoreFact]
    public async Task Issue21_ClaimNext_DeadRunsLeaseRunsOut_TakenOverAndTheLateCommitRefused()
    {
        await QueueAsync(("a.txt", 10));
        var dead = await StartRunAsync();
        var other = await StartRunAsync();
        var claim = await Db.Batch.ClaimNextAsync(dead, Inbox, s_lease, CancellationToken.None);

        var whileAlive = await Db.Batch.ClaimNextAsync(other, Inbox, s_lease, CancellationToken.None);
        Db.Time.Advance(s_lease + TimeSpan.FromSeconds(1));
        var takenOver = await Db.Batch.ClaimNextAsync(other, Inbox, s_lease, CancellationToken.None);
        var late = await Db.Batch.CommitBatchItemAsync(dead, Unchanged(claim!.Item), null, CancellationToken.None);
        var committed = await Db.Batch.CommitBatchItemAsync(other, Unchanged(takenOver!.Item), null, CancellationToken.None);

        Assert.Null(whileAlive);
        Assert.Equal(claim.Item.Id, takenOver.Item.Id);
        Assert.Null(late);
        Assert.Equal(DocumentStatus.Unchanged, committed);
        Assert.Equal(0L, Scalar($"SELECT count(*) FROM RunDocuments WHERE RunId = {dead}"));
        Assert.Equal(1L, Scalar($"SELECT count(*) FROM RunDocuments WHERE RunId = {other}"));
        Assert.Equal(0L, Scalar("SELECT count(*) FROM BatchItems WHERE ClaimRunId IS NOT NULL"));
    }

    [StoreFact]
    public async Task Issue21_ClaimNext_HeartbeatRenewsTheLease_NotTakenOver()
    {
        await QueueAsync(("a.txt", 10));
        var alive = await StartRunAsync();
        var other = await StartRunAsync();
        Assert.NotNull(await Db.Batch.ClaimNextAsync(alive, Inbox, s_lease, CancellationToken.None));

        Db.Time.Advance(s_lease * 0.75);
        var renewed = await Db.Batch.RenewClaimsAsync(alive, s_lease, CancellationToken.None);
        Db.Time.Advance(s_lease * 0.75);

        Assert.Equal(1, renewed);
        Assert.Null(await Db.Batch.ClaimNextAsync(other, Inbox, s_lease, CancellationToken.None));
    }

    [StoreFact]
    public async Task Issue21_ClaimNext_RunFoundDead_ClaimTakenOverWithoutWaitingForTheLease()
    {
        await QueueAsync(("a.txt", 10));
        var dead = await StartRunAsync();
        var other = await StartRunAsync();
        var claim = await Db.Batch.ClaimNextAsync(dead, Inbox, s_lease, CancellationToken.None);

        // What RunLiveness does when the dead run's liveness lock is free.
        await Db.Batch.MarkRunAsync(dead, BatchStatus.Interrupted, CancellationToken.None);
        var takenOver = await Db.Batch.ClaimNextAsync(other, Inbox, s_lease, CancellationToken.None);

        Assert.Equal(claim!.Item.Id, takenOver!.Item.Id);
    }

    [StoreFact]
    public async Task Issue21_ReleaseClaims_CancelledRun_OthersTakeThemAtOnce()
    {
        await QueueAsync(("a.txt", 10));
        var cancelled = await StartRunAsync();
        var other = await StartRunAsync();
        await Db.Batch.ClaimNextAsync(cancelled, Inbox, s_lease, CancellationToken.None);

        Assert.Equal(1, await Db.Batch.ReleaseClaimsAsync(cancelled, CancellationToken.None));

        Assert.NotNull(await Db.Batch.ClaimNextAsync(other, Inbox, s_lease, CancellationToken.None));
    }

    [StoreFact]
    public async Task Issue21_Commit_FailedDocument_RecordedOnceAndRetriedOnlyByRunsStartedLater()
    {
        await QueueAsync(("broken.pdf", 10));
        var failing = await StartRunAsync();
        var concurrent = await StartRunAsync();
        var claim = await Db.Batch.ClaimNextAsync(failing, Inbox, s_lease, CancellationToken.None);

        var recorded = await Db.Batch.CommitBatchItemAsync(
            failing, new BatchItemResult(claim!.Item.Id, "broken.pdf", null, BatchStatus.Quarantined, DocumentStatus.Failed, "broken.pdf: not a PDF"), null,
            CancellationToken.None);
        var byConcurrentRun = await Db.Batch.ClaimNextAsync(concurrent, Inbox, s_lease, CancellationToken.None);
        var later = await StartRunAsync();
        var byLaterRun = await Db.Batch.ClaimNextAsync(later, Inbox, s_lease, CancellationToken.None);

        Assert.Equal(DocumentStatus.Failed, recorded);
        Assert.Null(byConcurrentRun);
        Assert.Equal(claim.Item.Id, byLaterRun!.Item.Id);
        Assert.Equal(1, byLaterRun.Item.Attempts);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM RunDocuments WHERE Status = 'failed'"));
    }

    [StoreFact]
    public async Task Issue21_Commit_SameContentStoredByAnotherRunMeanwhile_RecordedUnchanged()
    {
        var text = BatchTestKit.Contract(7);
        await QueueAsync(("a.txt", 10, text), ("copy-of-a.txt", 10, text));
        var a = await StartRunAsync();
        var b = await StartRunAsync();
        var claimA = await Db.Batch.ClaimNextAsync(a, Inbox, s_lease, CancellationToken.None);
        var claimB = await Db.Batch.ClaimNextAsync(b, Inbox, s_lease, CancellationToken.None);
        var analysis = await AnalyseAsync(text);

        var first = await Db.Batch.CommitBatchItemAsync(a, Analyzed(claimA!.Item, analysis), analysis, CancellationToken.None);
        var second = await Db.Batch.CommitBatchItemAsync(b, Analyzed(claimB!.Item, analysis), analysis, CancellationToken.None);

        Assert.Equal(DocumentStatus.Analyzed, first);
        Assert.Equal(DocumentStatus.Unchanged, second);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM Documents"));
        Assert.Equal(2L, Scalar("SELECT count(*) FROM BatchItems WHERE Status = 'done'"));
    }

    [StoreFact]
    public async Task Issue21_EnqueueChangedFile_ClaimOnTheOldContentIsDropped()
    {
        await QueueAsync(("a.txt", 10));
        var run = await StartRunAsync();
        var claim = await Db.Batch.ClaimNextAsync(run, Inbox, s_lease, CancellationToken.None);

        await Db.Batch.EnqueueInboxFileAsync(claim!.Item.LocalPath, new string('e', 64), 12, run, CancellationToken.None);
        var late = await Db.Batch.CommitBatchItemAsync(run, Unchanged(claim.Item), null, CancellationToken.None);

        Assert.Null(late);
        Assert.Equal(1L, Scalar("SELECT count(*) FROM BatchItems WHERE Status = 'pending' AND ClaimRunId IS NULL"));
    }

    /// <summary>
    /// Two runs (two connections, as two machines have) work one inbox at the same time. Each run's first document waits
    /// in the extractor until the other run is analysing one too: if one run had to wait for the other (a run-level
    /// lock), that meeting would never happen and the test would fail on its time-out.
    /// </summary>
    [StoreFact]
    public async Task Issue21_RunAsync_TwoRunsOnOneInboxAtOnce_EachDocumentAnalysedOnceAndBothRunsShare()
    {
        const int Count = 12;
        for (var n = 1; n <= Count; n++)
        {
            _folder.Write($"inbox/contract-{n:00}.txt", BatchTestKit.Contract(n));
        }

        _folder.Write("inbox/broken.txt", "BROKEN " + BatchTestKit.Contract(99));
        using var target = TestDatabase.Create(_backend);
        var time = new FakeTimeProvider(Db.Time.GetUtcNow());
        await using var machineA = DealLensDatabase.Open(target.Value, time);
        await using var machineB = DealLensDatabase.Open(target.Value, time);
        var runA = await machineA.Documents.StartRunAsync("batch", CancellationToken.None);
        var runB = await machineB.Documents.StartRunAsync("batch", CancellationToken.None);
        await InboxSource.DiscoverAsync(_folder.File("inbox"), machineA, runA, new InboxOptions { SettleTime = TimeSpan.Zero }, CancellationToken.None);
        var meeting = new Meeting();

        var outcomes = await Task.WhenAll(
            RunAsync(machineA, runA, meeting),
            RunAsync(machineB, runB, meeting));

        var all = outcomes.SelectMany(o => o).ToList();
        Assert.Equal(Count + 1, all.Count);
        Assert.Equal(Count + 1, all.Select(o => o.Item.Id).Distinct().Count());
        Assert.All(outcomes, o => Assert.Contains(o, x => x.Status == DocumentStatus.Analyzed));
        using var check = DealLensDatabase.Open(target.Value, time);
        Assert.Equal(Count, await check.Documents.CountDocumentsAsync(CancellationToken.None));
        var failed = Assert.Single(all, o => o.Status == DocumentStatus.Failed);
        Assert.Contains("broken.txt", failed.DisplayPath, StringComparison.Ordinal);
        Assert.Equal(1, (await check.Batch.LoadBatchItemsAsync("inbox", CancellationToken.None)).Single(i => i.Id == failed.Item.Id).Attempts);
        Assert.Equal(Count, all.Count(o => o.Status == DocumentStatus.Analyzed));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _folder.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<IReadOnlyList<BatchOutcome>> RunAsync(DealLensDatabase database, long runId, Meeting meeting)
    {
        var pipeline = new DealPipeline(new MeetingExtractor(RuleBasedClauseExtractor.Default, meeting, runId), DealTermsExtractor.Default);
        var runner = new BatchRunner(database, pipeline, null, new BatchRunnerOptions { Parallelism = 1 });
        return await runner.RunAsync(Inbox, runId, _ => { }, CancellationToken.None);
    }

    private async Task QueueAsync(params (string Name, long Size)[] files)
        => await QueueAsync(files.Select(f => (f.Name, f.Size, f.Name)).ToArray());

    private async Task QueueAsync(params (string Name, long Size, string Content)[] files)
    {
        var run = await StartRunAsync();
        foreach (var (name, size, content) in files)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
            // A bare name is a file of the inbox.
            var path = _folder.File(name.Contains('/', StringComparison.Ordinal) ? name : "inbox/" + name);
            await Db.Batch.EnqueueInboxFileAsync(path, sha, size, run, CancellationToken.None);
        }

        await Db.Documents.FinishRunAsync(run, new RunSummary(0, 0, 0, "ok"), CancellationToken.None);
    }

    private Task<long> StartRunAsync() => Db.Documents.StartRunAsync("batch", CancellationToken.None);

    private static BatchItemResult Unchanged(BatchItem item)
        => new(item.Id, item.LocalPath, item.Sha256, BatchStatus.Done, DocumentStatus.Unchanged, null);

    private static BatchItemResult Analyzed(BatchItem item, DocumentAnalysis analysis)
        => new(item.Id, item.LocalPath, analysis.Sha256, BatchStatus.Done, DocumentStatus.Analyzed, null);

    private static Task<DocumentAnalysis> AnalyseAsync(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var pipeline = new DealPipeline(RuleBasedClauseExtractor.Default, DealTermsExtractor.Default);
        return LimitedAnalysis.AnalyzeAsync(
            pipeline, TextExtractors.ForPath("a.txt")!, bytes, "a.txt", Convert.ToHexStringLower(SHA256.HashData(bytes)), DocumentLimits.Default, CancellationToken.None);
    }

    private long Claimed(long runId) => Scalar($"SELECT count(*) FROM BatchItems WHERE ClaimRunId = {runId}");

    private long Scalar(string sql) => Db.Connection.ExecuteScalar<long>(sql);

    /// <summary>Each run's first document waits here until the other run has arrived too (or fails after 30 s).</summary>
    private sealed class Meeting
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<long, bool> _arrived = new();

        public async Task ArriveAsync(long runId, CancellationToken cancellationToken)
        {
            _arrived.TryAdd(runId, true);
            var started = TimeProvider.System.GetTimestamp();
            while (_arrived.Count < 2)
            {
                if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                {
                    throw new TimeoutException("the other run never analysed while this one was: the runs did not work at the same time");
                }

                await Task.Delay(20, cancellationToken);
            }
        }
    }

    private sealed class MeetingExtractor(IClauseExtractor inner, Meeting meeting, long runId) : IClauseExtractor
    {
        public string Name => inner.Name;

        public async Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
        {
            // The broken document fails before the meeting: a run meets the other only with a document it will analyse,
            // so both runs analyse at least one whichever of them draws the broken one.
            if (document.Text.StartsWith("BROKEN", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("this document breaks the extractor");
            }

            await meeting.ArriveAsync(runId, cancellationToken);

            return await inner.ExtractAsync(document, cancellationToken);
        }
    }
}

/// <summary>The same tests on PostgreSQL (issue #21).</summary>
public sealed class BatchQueuePostgreSqlTests() : BatchQueueTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
