using DealLens.Cli;
using DealLens.Cli.Batch;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli.Batch;

public sealed class BatchInboxTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("batch.db");

    private Task<CliResult> BatchAsync(params string[] extra)
        => CliRunner.RunAsync(_folder.Path, ["batch", "--inbox", "inbox", "--db", Db, "--json", "--settle", "0", .. extra]);

    [Fact]
    public async Task Batch_Inbox_NewChangedAndUnchangedFiles()
    {
        _folder.Write("inbox/a.txt", BatchTestKit.Contract(1));
        _folder.Write("inbox/b.txt", BatchTestKit.Contract(2));
        _folder.Write("inbox/notes.md", "not a document");

        var first = await BatchAsync();
        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        var summary = BatchTestKit.Json(first.Out);
        Assert.Equal(2, summary.GetProperty("new").GetInt32());
        Assert.Equal("ok", summary.GetProperty("status").GetString());

        var second = await BatchAsync();
        Assert.Equal(ExitCodes.Ok, second.ExitCode);
        summary = BatchTestKit.Json(second.Out);
        Assert.Equal("nothing_new", summary.GetProperty("status").GetString());
        Assert.Equal(0, summary.GetProperty("new").GetInt32());
        Assert.Equal(2, summary.GetProperty("unchanged").GetInt32());

        _folder.Write("inbox/b.txt", BatchTestKit.Contract(20));
        _folder.Write("inbox/sub/c.txt", BatchTestKit.Contract(3));
        var third = await BatchAsync();
        summary = BatchTestKit.Json(third.Out);
        Assert.Equal(2, summary.GetProperty("new").GetInt32());
        Assert.Equal(1, summary.GetProperty("unchanged").GetInt32());
        Assert.Equal(4, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
        Assert.All(BatchTestKit.AnalyzedCounts(Db), row => Assert.Equal(1, row.Count));
    }

    [Fact]
    public async Task Batch_InboxNothingNew_SaysSoInText()
    {
        _folder.Write("inbox/a.txt", BatchTestKit.Contract(1));
        await CliRunner.RunAsync(_folder.Path, "batch", "--inbox", "inbox", "--db", Db, "--settle", "0");

        var again = await CliRunner.RunAsync(_folder.Path, "batch", "--inbox", "inbox", "--db", Db, "--settle", "0");

        Assert.Equal(ExitCodes.Ok, again.ExitCode);
        Assert.Contains("Nothing new: 1 document(s) unchanged", again.Out, StringComparison.Ordinal);
        Assert.Contains("Documents:    0 new, 1 unchanged, 0 failed, 0 quarantined", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_SameContentUnderTwoNames_AnalysedOnce()
    {
        _folder.Write("inbox/a.txt", BatchTestKit.Contract(1));
        _folder.Write("inbox/copy-of-a.txt", BatchTestKit.Contract(1));

        var result = await BatchAsync("--parallel", "2");

        var summary = BatchTestKit.Json(result.Out);
        Assert.Equal(1, summary.GetProperty("new").GetInt32());
        Assert.Equal(1, summary.GetProperty("unchanged").GetInt32());
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
    }

    [Fact]
    public async Task Batch_BrokenDocument_QuarantinedRetriedThenLeftAlone()
    {
        _folder.Write("inbox/good.txt", BatchTestKit.Contract(1));
        _folder.Write("inbox/broken.pdf", "%PDF-1.7\nthis is not really a PDF\n"u8.ToArray());

        var first = await BatchAsync("--max-retries", "1");
        Assert.Equal(ExitCodes.SomeDocumentsFailed, first.ExitCode);
        var summary = BatchTestKit.Json(first.Out);
        Assert.Equal(1, summary.GetProperty("new").GetInt32());
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());
        var failure = summary.GetProperty("failures")[0];
        Assert.Contains("broken.pdf", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(failure.GetProperty("will_retry").GetBoolean());

        var second = await BatchAsync("--max-retries", "1");
        Assert.Equal(ExitCodes.SomeDocumentsFailed, second.ExitCode);
        summary = BatchTestKit.Json(second.Out);
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());
        Assert.False(summary.GetProperty("failures")[0].GetProperty("will_retry").GetBoolean());

        var third = await BatchAsync("--max-retries", "1");
        Assert.Equal(ExitCodes.Ok, third.ExitCode);
        summary = BatchTestKit.Json(third.Out);
        Assert.Equal(0, summary.GetProperty("failed").GetInt32());
        Assert.Equal(1, summary.GetProperty("quarantined").GetInt32());
        Assert.Contains("broken.pdf", summary.GetProperty("quarantined_documents")[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, BatchTestKit.Scalar(Db, "SELECT Attempts FROM BatchItems WHERE SourceKey LIKE '%broken.pdf'"));

        // Fixed in place: new content, so it is tried again, with its attempts reset.
        _folder.Write("inbox/broken.pdf", TestPdf.FromPages(["MASTER SERVICES AGREEMENT between Nimbus Compute, Inc. and Helios AI Labs, LLC, governed by the laws of the State of New York."]));
        var fourth = await BatchAsync("--max-retries", "1");
        Assert.Equal(ExitCodes.Ok, fourth.ExitCode);
        Assert.Equal(1, BatchTestKit.Json(fourth.Out).GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task Batch_Limits_PagesAndMaxDocs()
    {
        _folder.Write("inbox/a-two-pages.pdf", BatchTestKit.Sample("gpu-cloud-msa-take-or-pay.pdf"));
        _folder.Write("inbox/b.txt", BatchTestKit.Contract(1));
        _folder.Write("inbox/c.txt", BatchTestKit.Contract(2));

        var first = await BatchAsync("--max-pages", "1", "--max-docs", "2", "--parallel", "1");

        var summary = BatchTestKit.Json(first.Out);
        Assert.Equal(1, summary.GetProperty("remaining").GetInt32());
        Assert.Contains("over the 1-page limit", summary.GetProperty("failures")[0].GetProperty("error").GetString(), StringComparison.Ordinal);

        var second = await BatchAsync("--max-pages", "1", "--max-docs", "2");
        summary = BatchTestKit.Json(second.Out);
        Assert.Equal(0, summary.GetProperty("remaining").GetInt32());
        Assert.Equal(2, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
    }

    [Fact]
    public async Task Issue21_Batch_AnotherRunReadingTheSources_WaitsForItThenSharesTheQueue()
    {
        _folder.Write("inbox/a.txt", BatchTestKit.Contract(1));
        var held = BatchLock.TryAcquire(Db)!;

        var waiting = BatchAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(waiting.IsCompleted);
        held.Dispose();
        var result = await waiting;

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("another batch is reading its sources", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, BatchTestKit.Json(result.Out).GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task Issue21_Batch_WaitFromOlderScripts_StillAccepted()
    {
        _folder.Write("inbox/a.txt", BatchTestKit.Contract(1));

        var result = await BatchAsync("--wait");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(1, BatchTestKit.Json(result.Out).GetProperty("new").GetInt32());
    }

    [Fact]
    public async Task Issue21_Batch_ProgressLines_SayWhichDocumentsThisRunTook()
    {
        _folder.Write("inbox/a.txt", BatchTestKit.Contract(1));
        _folder.Write("inbox/b.txt", BatchTestKit.Contract(2));

        var result = await BatchAsync("--parallel", "1");

        var runId = BatchTestKit.Json(result.Out).GetProperty("run_id").GetInt64();
        var lines = result.Error.Split('\n').Where(l => l.Contains($"batch run {runId} took", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains(lines, l => l.EndsWith("analyzed " + Path.Combine("inbox", "a.txt"), StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("1 left in the queue", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("0 left in the queue", StringComparison.Ordinal));
    }

    [Fact]
    public void BatchLock_LeftoverLockFile_IsTakenAgain()
    {
        // A lock file left on disk by a run that ended is only a file: nobody holds the OS lock on it.
        File.WriteAllText(BatchLock.PathFor(Db), "left over");

        using var first = BatchLock.TryAcquire(Db);
        Assert.NotNull(first);
        Assert.Null(BatchLock.TryAcquire(Db));
        first.Dispose();
        using var again = BatchLock.TryAcquire(Db);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Batch_NoSource_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "batch", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--inbox DIR and/or --feed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_MissingInbox_CannotRun()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "batch", "--inbox", "nowhere", "--db", Db);

        Assert.Equal(ExitCodes.CouldNotRun, result.ExitCode);
        Assert.Contains("nowhere: inbox folder not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_NewHighSeverityFlag_ListedAndNotified()
    {
        _folder.Write("inbox/8k.html", BatchTestKit.Sample("8k-vendor-invests-in-customer.html"));
        _folder.Write("inbox/supply.pdf", BatchTestKit.Sample("redacted-supply-agreement.pdf"));

        var first = await BatchAsync("--notify-cmd", "cat > notified.json");

        var flags = BatchTestKit.Json(first.Out).GetProperty("new_flags").EnumerateArray().ToList();
        Assert.Contains(flags, f => f.GetProperty("kind").GetString() == "circular_financing");
        var notified = BatchTestKit.Json(File.ReadAllText(_folder.File("notified.json")));
        Assert.Equal(flags.Count, notified.GetProperty("new_flags").GetArrayLength());

        // Nothing new the second time: no flags, and the command is not run.
        File.Delete(_folder.File("notified.json"));
        _folder.Write("inbox/other.txt", "SIDE LETTER\n\nThis letter shall be governed by the laws of the State of Delaware.\n");
        var second = await BatchAsync("--notify-cmd", "cat > notified.json");
        Assert.Equal(0, BatchTestKit.Json(second.Out).GetProperty("new_flags").GetArrayLength());
        Assert.False(File.Exists(_folder.File("notified.json")));
    }
}
