using System.Text;
using DealLens.Cli;
using DealLens.Tests.Cli.Batch;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Hostile;

/// <summary>
/// Issue 22, "read only what is a document": FIFOs, devices and sockets are never opened, symlinks leading out of the
/// folder given are not followed, sizes are checked before reading and reads are capped, and an inbox file still being
/// written waits for the next run. Cases that hung or blew memory before run in a child process with a time bound.
/// </summary>
[Trait(HostileKit.Suite, HostileKit.Hostile)]
public sealed class HostileFilesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("data/deallens.db");

    private string Inbox => _folder.File("inbox");

    [UnixFact]
    public async Task Issue22_BatchInboxWithFifoAndDevice_SkipsThemAndAnalysesTheRest()
    {
        HostileKit.Settled(_folder.Write("inbox/a.txt", HostileKit.Contract(1)));
        HostileKit.MakeFifo(Path.Combine(Inbox, "x.txt"));
        File.CreateSymbolicLink(Path.Combine(Inbox, "z.txt"), "/dev/zero");
        try
        {
            var run = await HostileKit.RunChildAsync(_folder.Path, "batch", "--inbox", "inbox", "--db", Db, "--json");

            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Equal(1, BatchTestKit.Json(run.Out).GetProperty("new").GetInt32());
            Assert.Contains("x.txt: not a regular file (a FIFO)", run.Error, StringComparison.Ordinal);
            Assert.Contains("z.txt: not a regular file (a character device)", run.Error, StringComparison.Ordinal);
            Assert.True(run.PeakKilobytes / 1024 < 400, $"peak {run.PeakKilobytes / 1024} MB");
        }
        finally
        {
            UnblockFifo(Path.Combine(Inbox, "x.txt"));
        }
    }

    [UnixFact]
    public async Task Issue22_AnalyzeSymlinkToFifo_RefusedWithoutOpeningIt()
    {
        var fifo = _folder.File("pipe");
        HostileKit.MakeFifo(fifo);
        File.CreateSymbolicLink(_folder.File("link.txt"), fifo);
        try
        {
            var run = await HostileKit.RunChildAsync(_folder.Path, "analyze", "link.txt", "--db", Db);

            Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
            Assert.Contains("link.txt: not a regular file (a FIFO)", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            UnblockFifo(fifo);
        }
    }

    [UnixFact]
    public async Task Issue22_AnalyzeSymlinkToDevZero_RefusedWithinBoundedMemory()
    {
        File.CreateSymbolicLink(_folder.File("zero.txt"), "/dev/zero");

        var run = await HostileKit.RunChildAsync(_folder.Path, "analyze", "zero.txt", "--db", Db);

        Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
        Assert.Contains("zero.txt: not a regular file (a character device)", run.Error, StringComparison.Ordinal);
        Assert.True(run.PeakKilobytes / 1024 < 400, $"peak {run.PeakKilobytes / 1024} MB");
    }

    [Fact]
    public async Task Issue22_TwoHundredMegabyteSingleLineText_RefusedQuickly()
    {
        var path = _folder.File("one-line.txt");
        using (var file = File.Create(path))
        {
            var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("The Customer shall pay the Provider. ", 1 << 14)).TrimEnd());
            for (long written = 0; written < 200L << 20; written += block.Length)
            {
                file.Write(block);
            }
        }

        var run = await HostileKit.RunChildAsync(_folder.Path, "analyze", "one-line.txt", "--db", Db);

        Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
        Assert.Contains("one-line.txt: ", run.Error, StringComparison.Ordinal);
        Assert.True(run.Seconds < 30, $"refused after {run.Seconds:0.0} s");
        Assert.True(run.PeakKilobytes / 1024 < 600, $"peak {run.PeakKilobytes / 1024} MB");
    }

    [UnixFact]
    public async Task Issue22_InboxSymlinkToFileOutside_NotReadUnlessAllowed()
    {
        HostileKit.Settled(_folder.Write("secrets/credentials.txt", HostileKit.Contract(7)));
        HostileKit.Settled(_folder.Write("inbox/real.txt", HostileKit.Contract(1)));
        File.CreateSymbolicLink(Path.Combine(Inbox, "innocent.txt"), _folder.File("secrets/credentials.txt"));
        File.CreateSymbolicLink(Path.Combine(Inbox, "alias.txt"), Path.Combine(Inbox, "real.txt"));

        var run = await CliRunner.RunAsync(_folder.Path, "batch", "--inbox", "inbox", "--db", Db, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("innocent.txt: symbolic link to a file outside", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents WHERE Text LIKE '%NO. 7%'"));
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));

        var allowed = await CliRunner.RunAsync(_folder.Path, "batch", "--inbox", "inbox", "--db", Db, "--json", "--follow-symlinks");

        Assert.Equal(ExitCodes.Ok, allowed.ExitCode);
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents WHERE Text LIKE '%NO. 7%'"));
    }

    [UnixFact]
    public async Task Issue22_AnalyzeFolderWithSymlinkOutside_SkipsIt()
    {
        _folder.Write("secrets/credentials.txt", HostileKit.Contract(7));
        _folder.Write("docs/real.txt", HostileKit.Contract(1));
        File.CreateSymbolicLink(_folder.File("docs/innocent.txt"), _folder.File("secrets/credentials.txt"));

        var run = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("docs"), "--db", Db);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        Assert.Contains("innocent.txt: symbolic link to a file outside", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
    }

    [Fact]
    public async Task Issue22_HalfWrittenInboxFile_LeftForTheNextRunThenStoredOnce()
    {
        var full = HostileKit.Contract(3);
        _folder.Write("inbox/arriving.txt", full[..(full.Length / 2)]);

        var first = await CliRunner.RunAsync(_folder.Path, "batch", "--inbox", "inbox", "--db", Db, "--json");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.Contains("arriving.txt: modified less than", first.Error, StringComparison.Ordinal);
        Assert.Equal(0, BatchTestKit.Json(first.Out).GetProperty("new").GetInt32());

        // The copy completes; a while later the next scheduled run takes it.
        HostileKit.Settled(_folder.Write("inbox/arriving.txt", full));
        var second = await CliRunner.RunAsync(_folder.Path, "batch", "--inbox", "inbox", "--db", Db, "--json");

        Assert.Equal(1, BatchTestKit.Json(second.Out).GetProperty("new").GetInt32());
        Assert.Equal(1, BatchTestKit.Scalar(Db, "SELECT count(*) FROM Documents"));
    }

    [Fact]
    public async Task Issue22_InboxSettleTime_Configurable()
    {
        _folder.Write("inbox/fresh.txt", HostileKit.Contract(4));

        var run = await CliRunner.RunAsync(_folder.Path, "batch", "--inbox", "inbox", "--db", Db, "--json", "--settle", "0");

        Assert.Equal(1, BatchTestKit.Json(run.Out).GetProperty("new").GetInt32());
    }

    // Opening the write end releases a reader blocked on the FIFO (the defect), so a failing test does not leave a
    // thread or process hanging on it.
    private static void UnblockFifo(string fifo)
    {
        var opener = Task.Run(() =>
        {
            try
            {
                using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
            }
            catch (IOException)
            {
            }
        });
        var reader = Task.Run(() =>
        {
            try
            {
                using var stream = new FileStream(fifo, FileMode.Open, FileAccess.Read);
            }
            catch (IOException)
            {
            }
        });
        Task.WaitAll([opener, reader], TimeSpan.FromSeconds(2));
    }
}
