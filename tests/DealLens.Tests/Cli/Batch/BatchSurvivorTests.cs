using DealLens.Cli.Batch;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Storage;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli.Batch;

/// <summary>
/// A batch run that runs out of documents to claim while another run still holds one (docs/batch-queue.md). It used to
/// exit at once: when the other run died a moment later (killed while its lock was still seen held), its document
/// waited for the next run. Now the survivor stays while other live runs hold claims in its scope, and takes a claim
/// over as soon as its run is found dead. Runs on SQLite and, in <see cref="BatchSurvivorPostgreSqlTests"/>, PostgreSQL.
/// </summary>
public class BatchSurvivorTests : StoreTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    private readonly StoreBackend _backend;
    private readonly TempFolder _folder = new();

    public BatchSurvivorTests()
        : this(StoreBackend.Sqlite)
    {
    }

    protected BatchSurvivorTests(StoreBackend backend)
        : base(backend, new DateTimeOffset(2026, 5, 6, 7, 8, 9, TimeSpan.Zero))
        => _backend = backend;

    private BatchQueueScope Inbox => new(_folder.File("inbox"), Feed: false, MaxRetries: 3);

    [StoreFact]
    public async Task RunAsync_OtherRunDiesAfterThisOneRanOutOfWork_ItsDocumentIsTakenOver()
    {
        using var target = TestDatabase.Create(_backend);
        await using var machineA = DealLensDatabase.Open(target.Value, TimeProvider.System);
        await using var machineB = DealLensDatabase.Open(target.Value, TimeProvider.System);
        var (runA, runB) = await QueueAsync(machineA, machineB);
        var stuck = new StuckExtractor();
        var stuckRun = RunStuckAsync(machineB, runB, stuck);
        try
        {
            await stuck.Entered.WaitAsync(s_patience);
            var otherDied = 0;
            var waiting = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var survivor = RunAsync(machineA, runA, new BatchRunnerOptions
            {
                Parallelism = 1,
                ClaimPoll = TimeSpan.FromMilliseconds(20),
                // Run B's lock is held until the test says it died, as a process killed a moment after this run looked.
                MarkDeadRuns = async ct => Volatile.Read(ref otherDied) == 1 ? await machineA.Batch.MarkRunAsync(runB, BatchStatus.Interrupted, ct) : 0,
                Waiting = held => waiting.TrySetResult(held),
            });

            var first = await Task.WhenAny(waiting.Task, survivor).WaitAsync(s_patience);
            Assert.True(first == waiting.Task, "run A left while run B still held a claim: B's document would wait for the next run");
            Assert.Equal(1, await waiting.Task);

            Volatile.Write(ref otherDied, 1);
            var outcomes = await survivor.WaitAsync(s_patience);

            Assert.Equal(3, outcomes.Count(o => o.Status == DocumentStatus.Analyzed));
            Assert.Equal(3, await machineA.Documents.CountDocumentsAsync(CancellationToken.None));
        }
        finally
        {
            stuck.Release();
        }

        // Run B's late commit of the document it lost is refused: nothing is stored twice.
        Assert.Equal(BatchOutcome.TakenOver, Assert.Single(await stuckRun.WaitAsync(s_patience)).Status);
    }

    [StoreFact]
    public async Task RunAsync_OtherRunAliveAndFinishes_WaitsForItThenLeavesWithoutTakingItsDocument()
    {
        using var target = TestDatabase.Create(_backend);
        await using var machineA = DealLensDatabase.Open(target.Value, TimeProvider.System);
        await using var machineB = DealLensDatabase.Open(target.Value, TimeProvider.System);
        var (runA, runB) = await QueueAsync(machineA, machineB);
        var stuck = new StuckExtractor();
        var stuckRun = RunStuckAsync(machineB, runB, stuck);
        IReadOnlyList<BatchOutcome> outcomes;
        try
        {
            await stuck.Entered.WaitAsync(s_patience);
            var waiting = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            var survivor = RunAsync(machineA, runA, new BatchRunnerOptions
            {
                Parallelism = 1,
                ClaimPoll = TimeSpan.FromMilliseconds(20),
                MarkDeadRuns = _ => Task.FromResult(0),
                Waiting = held => waiting.TrySetResult(held),
            });

            var first = await Task.WhenAny(waiting.Task, survivor).WaitAsync(s_patience);
            Assert.True(first == waiting.Task, "run A left while run B still held a claim");
            Assert.False(survivor.IsCompleted);

            stuck.Release();
            outcomes = await survivor.WaitAsync(s_patience);
        }
        finally
        {
            stuck.Release();
        }

        Assert.Equal(2, outcomes.Count(o => o.Status == DocumentStatus.Analyzed));
        Assert.Equal(DocumentStatus.Analyzed, Assert.Single(await stuckRun.WaitAsync(s_patience)).Status);
        Assert.Equal(3, await machineA.Documents.CountDocumentsAsync(CancellationToken.None));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _folder.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<(long RunA, long RunB)> QueueAsync(DealLensDatabase machineA, DealLensDatabase machineB)
    {
        for (var n = 1; n <= 3; n++)
        {
            _folder.Write($"inbox/contract-{n:00}.txt", BatchTestKit.Contract(n));
        }

        var runA = await machineA.Documents.StartRunAsync("batch", CancellationToken.None);
        var runB = await machineB.Documents.StartRunAsync("batch", CancellationToken.None);
        await InboxSource.DiscoverAsync(_folder.File("inbox"), machineA, runA, new InboxOptions { SettleTime = TimeSpan.Zero }, CancellationToken.None);
        return (runA, runB);
    }

    /// <summary>Run B takes one document and stays in its extractor until released.</summary>
    private Task<IReadOnlyList<BatchOutcome>> RunStuckAsync(DealLensDatabase machine, long runId, StuckExtractor stuck)
    {
        var pipeline = new DealPipeline(stuck, DealTermsExtractor.Default);
        var runner = new BatchRunner(machine, pipeline, null, new BatchRunnerOptions { Parallelism = 1, MaxDocs = 1 });
        return Task.Run(() => runner.RunAsync(Inbox, runId, _ => { }, CancellationToken.None));
    }

    private Task<IReadOnlyList<BatchOutcome>> RunAsync(DealLensDatabase machine, long runId, BatchRunnerOptions options)
    {
        var runner = new BatchRunner(machine, new DealPipeline(RuleBasedClauseExtractor.Default, DealTermsExtractor.Default), null, options);
        return Task.Run(() => runner.RunAsync(Inbox, runId, _ => { }, CancellationToken.None));
    }

    private sealed class StuckExtractor : IClauseExtractor
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public string Name => RuleBasedClauseExtractor.Default.Name;

        public void Release() => _released.TrySetResult();

        public async Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            await _released.Task.WaitAsync(cancellationToken);
            return await RuleBasedClauseExtractor.Default.ExtractAsync(document, cancellationToken);
        }
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class BatchSurvivorPostgreSqlTests() : BatchSurvivorTests(StoreBackend.PostgreSql), IPostgreSqlStoreTests;
