using System.Text.Json;
using DealLens.Cli;
using DealLens.Storage;
using DealLens.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.Cli;

public sealed class AnalyzeCommandTests : IDisposable
{
    private const string Contract = """
        MASTER SERVICES AGREEMENT

        This Agreement is entered into as of March 7, 2025 by and between Nimbus Compute, Inc. ("Provider") and Helios AI Labs, LLC ("Customer").

        1. Customer shall pay the Monthly Reserved Capacity Fee whether or not Customer uses the Reserved Capacity. This is a take-or-pay obligation.

        2. This Agreement shall be governed by the laws of the State of New York.

        3. Neither party may assign this Agreement without the prior written consent of the other party.
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("test.db");

    private static List<JsonElement> JsonLines(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Analyze_TextContract_PrintsOneGroundedJsonLine()
    {
        var path = _folder.Write("msa.txt", Contract);

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", path, "--db", Db, "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var line = Assert.Single(JsonLines(result.Out));
        Assert.Equal("analyzed", line.GetProperty("status").GetString());
        Assert.Equal(path, line.GetProperty("document").GetString());
        Assert.Equal(64, line.GetProperty("sha256").GetString()!.Length);
        var clauses = line.GetProperty("clauses").EnumerateArray().ToList();
        Assert.Contains(clauses, c => c.GetProperty("type").GetString() == "governing_law");

        await using var database = DealLensDatabase.Open(Db, new FakeTimeProvider());
        var store = database.Documents;
        var stored = await store.LoadAnalysisAsync(line.GetProperty("sha256").GetString()!, CancellationToken.None);
        Assert.NotNull(stored);
        foreach (var clause in clauses)
        {
            var start = clause.GetProperty("start").GetInt32();
            var end = clause.GetProperty("end").GetInt32();
            Assert.Equal(clause.GetProperty("text").GetString(), stored.Document.Text[start..end]);
        }
    }

    [Fact]
    public async Task Analyze_SameFileTwice_SecondRunIsUnchangedUnlessForced()
    {
        var path = _folder.Write("msa.txt", Contract);
        await CliRunner.RunAsync(_folder.Path, "analyze", path, "--db", Db);

        var second = await CliRunner.RunAsync(_folder.Path, "analyze", path, "--db", Db, "--json");
        var forced = await CliRunner.RunAsync(_folder.Path, "analyze", path, "--db", Db, "--json", "--force");

        Assert.Equal("unchanged", JsonLines(second.Out)[0].GetProperty("status").GetString());
        Assert.NotEmpty(JsonLines(second.Out)[0].GetProperty("clauses").EnumerateArray());
        Assert.Equal("analyzed", JsonLines(forced.Out)[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Analyze_SameContentTwiceInOneRun_SecondIsUnchanged()
    {
        var first = _folder.Write("a/copy1.txt", Contract);
        var second = _folder.Write("a/copy2.txt", Contract);

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", first, second, "--db", Db, "--json", "--parallel", "2");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(["analyzed", "unchanged"], JsonLines(result.Out).Select(l => l.GetProperty("status").GetString()));
        await using var database = DealLensDatabase.Open(Db, new FakeTimeProvider());
        var store = database.Documents;
        Assert.Equal(1, await store.CountDocumentsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Analyze_BrokenDocumentAmongGood_OthersStoredAndExitIs3()
    {
        var first = _folder.Write("docs/a.txt", Contract);
        _folder.Write("docs/b.pdf", [0x13, 0x37, 0x00, 0xFF, 0x42, 0x42, 0x42, 0x42]);
        _folder.Write("docs/c.txt", Contract.Replace("New York", "Delaware", StringComparison.Ordinal));
        _folder.Write("docs/empty.txt", "");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("docs"), "--db", Db, "--json");

        Assert.Equal(ExitCodes.SomeDocumentsFailed, result.ExitCode);
        var lines = JsonLines(result.Out);
        Assert.Equal(4, lines.Count);
        Assert.Equal(["analyzed", "failed", "analyzed", "failed"], lines.Select(l => l.GetProperty("status").GetString()));
        Assert.Contains("b.pdf", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("empty.txt", lines[3].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("b.pdf", result.Error, StringComparison.Ordinal);

        await using var database = DealLensDatabase.Open(Db, new FakeTimeProvider());
        var store = database.Documents;
        Assert.Equal(2, await store.CountDocumentsAsync(CancellationToken.None));
        Assert.NotNull(await store.FindDocumentAsync(lines[0].GetProperty("sha256").GetString()!, CancellationToken.None));
        Assert.True(File.Exists(first));
    }

    [Fact]
    public async Task Analyze_FailureOnRerun_KeepsEverythingStoredBefore()
    {
        var good = _folder.Write("good.txt", Contract);
        await CliRunner.RunAsync(_folder.Path, "analyze", good, "--db", Db);
        var bad = _folder.Write("bad.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", bad, good, "--db", Db, "--force");

        Assert.Equal(ExitCodes.SomeDocumentsFailed, result.ExitCode);
        await using var database = DealLensDatabase.Open(Db, new FakeTimeProvider());
        var store = database.Documents;
        Assert.Equal(1, await store.CountDocumentsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Analyze_FolderWithUnrelatedFiles_SkipsThemAndSaysSo()
    {
        _folder.Write("in/notes.docx", "not a supported type");
        _folder.Write("in/image.png", [0x89, 0x50, 0x4E, 0x47]);
        _folder.Write("in/deal.txt", Contract);

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("in"), "--db", Db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("1 analyzed, 0 unchanged, 0 failed (2 other files skipped)", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_FolderWithNoDocuments_IsUsageError()
    {
        _folder.Write("in/notes.docx", "x");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", _folder.File("in"), "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("no documents found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MissingAndDanglingPaths_AreNamedFailures()
    {
        var dangling = _folder.File("gone.pdf");
        File.CreateSymbolicLink(dangling, _folder.File("does-not-exist.pdf"));
        var missing = _folder.File("missing.txt");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", missing, dangling, "--db", Db, "--json");

        Assert.Equal(ExitCodes.SomeDocumentsFailed, result.ExitCode);
        var errors = JsonLines(result.Out).Select(l => l.GetProperty("error").GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains("missing.txt", StringComparison.Ordinal) && e.Contains("not found", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("gone.pdf", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Analyze_UnsupportedFileNamedExplicitly_FailsWithReason()
    {
        var path = _folder.Write("deal.docx", "x");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", path, "--db", Db, "--json");

        Assert.Equal(ExitCodes.SomeDocumentsFailed, result.ExitCode);
        Assert.Contains("unsupported file type", JsonLines(result.Out)[0].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_MistypedPathWithoutExtension_SaysItIsMissing()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "analyze", "contracts-q3", "--db", Db, "--json");

        Assert.Equal(ExitCodes.SomeDocumentsFailed, result.ExitCode);
        Assert.Equal("contracts-q3: file or folder not found", JsonLines(result.Out)[0].GetProperty("error").GetString());
    }

    [Fact]
    public async Task Analyze_DatabaseThatIsNotSqlite_ExitsOneAndLeavesFileAlone()
    {
        var doc = _folder.Write("deal.txt", Contract);
        var bytes = "this is a text file, not a database\n"u8.ToArray();
        var db = _folder.Write("notes.db", bytes);

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", doc, "--db", db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("notes.db", result.Error, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(db));
    }

    [Fact]
    public async Task Analyze_OddFileNames_Work()
    {
        var names = new[] { "with space.txt", "hash#1.txt", "comma,name.txt", "Société Générale.txt" };
        var paths = names.Select((n, i) => _folder.Write(n, Contract + $"\n\nSchedule {i}.")).ToArray();

        var result = await CliRunner.RunAsync(_folder.Path, ["analyze", .. paths, "--db", Db, "--json"]);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(paths, JsonLines(result.Out).Select(l => l.GetProperty("document").GetString()));
    }

    [Fact]
    public async Task Analyze_DatabaseFromEnvironment_IsUsedWhenNoFlag()
    {
        var doc = _folder.Write("deal.txt", Contract);
        var env = new Dictionary<string, string?> { ["Db"] = "from-env.db" };

        var result = await CliRunner.RunAsync(_folder.Path, env, CancellationToken.None, "analyze", doc);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.True(File.Exists(_folder.File("from-env.db")));
    }

    [Fact]
    public async Task Analyze_NoPaths_IsUsageError()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "analyze");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Analyze_CancelledToken_Returns130()
    {
        var doc = _folder.Write("deal.txt", Contract);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await CliRunner.RunAsync(_folder.Path, null, cancelled.Token, "analyze", doc, "--db", Db);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
    }

    [Fact]
    public async Task Help_ListsAnalyze()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("analyze", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue19_Analyze_DamagedModelFile_ExitsOneNamingItAndCreatesNoDatabase()
    {
        // Arrange: the shipped model with one payload byte flipped; the model is read while the inputs are listed.
        var path = _folder.Write("msa.txt", Contract);
        using var resource = typeof(DealLens.Core.Clauses.Learning.ClauseModel).Assembly.GetManifestResourceStream("DealLens.Core.clause-model.bin")!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        var bytes = copy.ToArray();
        bytes[20_000] ^= 0x55;
        var model = _folder.Write("damaged-model.bin", bytes);

        // Act
        var result = await CliRunner.RunAsync(_folder.Path, "analyze", path, "--clause-model", model, "--db", Db);

        // Assert
        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("damaged-model.bin: Clause model is damaged (checksum mismatch).", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }
}
