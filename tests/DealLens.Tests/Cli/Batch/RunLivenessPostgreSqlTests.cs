using Dapper;
using DealLens.Cli.Batch;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Pipeline;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Npgsql;

namespace DealLens.Tests.Cli.Batch;

/// <summary>
/// Run liveness on a shared PostgreSQL server (docs/team-store.md). A batch run waiting for other runs' claims checks
/// every second which runs died; it used to try each run's advisory lock on a new unpooled connection, so N other runs
/// cost N new server sessions a second per waiting worker. The check is now one query on the command's own connection.
/// Each test connects as a role limited to ONE connection, so any extra session is refused by the server.
/// </summary>
public sealed class RunLivenessPostgreSqlTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    private readonly TempFolder _folder = new();
    private readonly string _role = "deallens_one_" + Guid.NewGuid().ToString("N")[..12];
    private TestDatabase? _created;
    private bool _roleCreated;

    // Made on first use: a skipped test must not need a server.
    private TestDatabase Database => _created ??= TestDatabase.Create(StoreBackend.PostgreSql);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_roleCreated)
        {
            using var admin = new NpgsqlConnection(Database.Value);
            admin.Open();
            admin.Execute($"DROP OWNED BY {_role}; DROP ROLE IF EXISTS {_role}");
        }

        _created?.Dispose();
        _folder.Dispose();
    }

    [PostgreSqlFact]
    public async Task MarkKilledAsync_OneConnectionAllowed_FindsTheDeadRunAndSparesTheLiveOnes()
    {
        await using var admin = DealLensDatabase.Open(Database.Value, TimeProvider.System);
        var live1 = await admin.Documents.StartRunAsync("batch", CancellationToken.None);
        var live2 = await admin.Documents.StartRunAsync("batch", CancellationToken.None);
        var dead = await admin.Documents.StartRunAsync("batch", CancellationToken.None);
        var self = await admin.Documents.StartRunAsync("batch", CancellationToken.None);
        using var lock1 = PostgresDialect.TryHoldLock(Database.Value, PostgresDialect.RunLockSpace, checked((int)live1));
        using var lock2 = PostgresDialect.TryHoldLock(Database.Value, PostgresDialect.RunLockSpace, checked((int)live2));
        Assert.NotNull(lock1);
        Assert.NotNull(lock2);
        var limited = LimitedConnectionString();
        await using var machine = DealLensDatabase.Open(limited, TimeProvider.System);

        // Five looks, as a waiting run makes over five seconds: the first finds the dead run, the others nothing new.
        var found = new List<int>();
        for (var look = 0; look < 5; look++)
        {
            found.Add(await RunLiveness.MarkKilledAsync(machine.Batch, limited, "batch", self, BatchStatus.Interrupted, CancellationToken.None));
        }

        Assert.Equal("1 0 0 0 0", string.Join(" ", found));
        Assert.Equal(new[] { live1, live2, self }, await admin.Batch.LoadRunningRunIdsAsync("batch", CancellationToken.None));
        var probed = await RunLiveness.ProbeAsync(machine.Batch, limited, "batch", [live1, live2, self], CancellationToken.None);
        Assert.Equal(true, probed[live1]);
        Assert.Equal(true, probed[live2]);
        Assert.Equal(false, probed[self]);
        Assert.DoesNotContain(dead, await admin.Batch.LoadRunningRunIdsAsync("batch", CancellationToken.None));
    }

    [PostgreSqlFact]
    public async Task RunAsync_WaitingForOtherRunsOnOneConnection_TakesOverWhenTheirProcessDies()
    {
        for (var n = 1; n <= 3; n++)
        {
            _folder.Write($"inbox/contract-{n:00}.txt", BatchTestKit.Contract(n));
        }

        var inbox = new BatchQueueScope(_folder.File("inbox"), Feed: false, MaxRetries: 3);
        await using var machineB = DealLensDatabase.Open(Database.Value, TimeProvider.System);
        var runB = await machineB.Documents.StartRunAsync("batch", CancellationToken.None);
        await InboxSource.DiscoverAsync(_folder.File("inbox"), machineB, runB, new InboxOptions { SettleTime = TimeSpan.Zero }, CancellationToken.None);
        var liveB = PostgresDialect.TryHoldLock(Database.Value, PostgresDialect.RunLockSpace, checked((int)runB));
        Assert.NotNull(liveB);
        // Run B holds one document and two more live runs hold nothing: A checks all three every poll.
        Assert.NotNull(await machineB.Batch.ClaimNextAsync(runB, inbox, TimeSpan.FromMinutes(10), CancellationToken.None));
        var others = new List<IDisposable>();
        for (var i = 0; i < 2; i++)
        {
            var idle = await machineB.Documents.StartRunAsync("batch", CancellationToken.None);
            others.Add(PostgresDialect.TryHoldLock(Database.Value, PostgresDialect.RunLockSpace, checked((int)idle))!);
        }

        var limited = LimitedConnectionString();
        await using var machineA = DealLensDatabase.Open(limited, TimeProvider.System);
        var runA = await machineA.Documents.StartRunAsync("batch", CancellationToken.None);
        var waiting = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var looks = 0;
        var runner = new BatchRunner(machineA, new DealPipeline(RuleBasedClauseExtractor.Default, DealTermsExtractor.Default), null, new BatchRunnerOptions
        {
            Parallelism = 1,
            ClaimPoll = TimeSpan.FromMilliseconds(20),
            MarkDeadRuns = ct =>
            {
                Interlocked.Increment(ref looks);
                return RunLiveness.MarkKilledAsync(machineA.Batch, limited, "batch", runA, BatchStatus.Interrupted, ct);
            },
            Waiting = held => waiting.TrySetResult(held),
        });
        try
        {
            var survivor = Task.Run(() => runner.RunAsync(inbox, runA, _ => { }, CancellationToken.None));
            var first = await Task.WhenAny(waiting.Task, survivor).WaitAsync(s_patience);
            Assert.True(first == waiting.Task, first.Exception?.ToString() ?? "run A left while run B held a claim");
            while (Volatile.Read(ref looks) < 20 && !survivor.IsCompleted)
            {
                await Task.Delay(20);
            }

            Assert.False(survivor.IsCompleted, survivor.Exception?.ToString() ?? "run A left while run B held a claim");

            // B's process dies: the server drops its session and its lock.
            liveB!.Dispose();
            var outcomes = await survivor.WaitAsync(s_patience);

            Assert.Equal(3, outcomes.Count(o => o.Status == DocumentStatus.Analyzed));
            Assert.Equal(3, await machineB.Documents.CountDocumentsAsync(CancellationToken.None));
            Assert.DoesNotContain(runB, await machineB.Batch.LoadRunningRunIdsAsync("batch", CancellationToken.None));
        }
        finally
        {
            liveB?.Dispose();
            others.ForEach(o => o.Dispose());
        }
    }

    /// <summary>A new role that may hold one connection at a time (superusers ignore the limit, so it is not one).</summary>
    private string LimitedConnectionString()
    {
        using (var admin = new NpgsqlConnection(Database.Value))
        {
            admin.Open();
            // Role names cannot be parameters; this one is made of hex digits above.
            admin.Execute(
                $"""
                CREATE ROLE {_role} LOGIN PASSWORD '{_role}' CONNECTION LIMIT 1;
                GRANT USAGE ON SCHEMA public TO {_role};
                GRANT ALL ON ALL TABLES IN SCHEMA public TO {_role};
                GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {_role};
                """);
            _roleCreated = true;
        }

        return new NpgsqlConnectionStringBuilder(Database.Value) { Username = _role, Password = _role, Pooling = true }.ConnectionString;
    }
}
