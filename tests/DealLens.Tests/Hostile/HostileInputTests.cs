using System.Text.Json;
using DealLens.Cli;
using DealLens.Tools.Bench;
using DealLens.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace DealLens.Tests.Hostile;

/// <summary>
/// Issue #8: whatever a filer or an attacker puts in a document, <c>analyze</c> exits 0 or 3 (never 2 or a crash),
/// names the file in a one-line error, stays within bounded memory, keeps every row stored before it, and writes no
/// file outside the folders it was given. Cases that could kill the process (stack overflow, memory) run in a child
/// <c>deallens</c> process, measured by <c>deallens-tools measure</c>. Not in the heavy collection: those children run
/// on one thread (<c>--parallel 1</c>) and their peak memory is their own, so they share the machine with the parallel
/// tests instead of leaving a core idle at the end of the run.
/// </summary>
[Trait(HostileKit.Suite, HostileKit.Hostile)]
public sealed class HostileInputTests : IDisposable
{
    /// <summary>What a child may use at most: bounded memory, far above the ~150 MB of a normal run.</summary>
    private const long MaxChildMegabytes = 1024;

    private static readonly Lazy<byte[]> s_seededDatabase = new(SeedDatabase);

    private readonly TempFolder _root = new();

    public HostileInputTests()
    {
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(Inputs);
        File.WriteAllBytes(Database, s_seededDatabase.Value);
    }

    public void Dispose() => _root.Dispose();

    private string Work => Path.Combine(_root.Path, "work");

    private string Inputs => Path.Combine(_root.Path, "in");

    private string Database => Path.Combine(Work, "deallens.db");

    // A database holding the analysed samples: the rows every hostile run must leave as they were.
    private static byte[] SeedDatabase()
    {
        using var folder = new TempFolder();
        var db = folder.File("seed.db");
        var result = CliRunner.RunAsync(folder.Path, "analyze", Path.Combine(RepoPaths.Samples, "contracts"), "--db", db).GetAwaiter().GetResult();
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        SqliteConnection.ClearAllPools();
        return File.ReadAllBytes(db);
    }

    private sealed record Run(int ExitCode, string Out, string Error, string Input, long? PeakMegabytes);

    private async Task<Run> AnalyzeAsync(string fileName, byte[] content, bool inChildProcess = false, params string[] extra)
    {
        var input = Path.Combine(Inputs, fileName);
        await File.WriteAllBytesAsync(input, content);
        var before = Snapshot(Database);
        Run run;
        if (inChildProcess)
        {
            var child = await ChildProcess.RunAsync(
                ChildProcess.ToolsExecutable(), ["measure", "--", "analyze", input, "--db", Database, "--parallel", "1", .. extra],
                Work, TimeSpan.FromMinutes(5), CancellationToken.None);
            Assert.False(child.TimedOut, $"{fileName}: no result within 5 minutes");
            Assert.True(child.PeakKilobytes is not null, $"{fileName}: the child died without reporting (exit {child.ExitCode}): {child.Error}");
            run = new Run(child.ExitCode, child.Out, child.Error, input, child.PeakKilobytes / 1024);
            Assert.True(run.PeakMegabytes <= MaxChildMegabytes, $"{fileName}: peak memory {run.PeakMegabytes} MB");
        }
        else
        {
            var result = await CliRunner.RunAsync(Work, ["analyze", input, "--db", Database, "--parallel", "1", .. extra]);
            run = new Run(result.ExitCode, result.Out, result.Error, input, null);
        }

        SqliteConnection.ClearAllPools();
        Assert.True(run.ExitCode is ExitCodes.Ok or ExitCodes.SomeDocumentsFailed, $"{fileName}: exit {run.ExitCode}: {run.Error}");
        Assert.DoesNotContain("unexpected error", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        if (run.ExitCode == ExitCodes.SomeDocumentsFailed)
        {
            Assert.Contains($"deallens: {input}: ", run.Error, StringComparison.Ordinal);
        }

        var after = Snapshot(Database);
        Assert.Empty(before.Except(after));
        AssertNoStrayFiles();
        return run;
    }

    /// <summary>Every stored row, one string per row, so that "nothing lost or altered" is a subset check.</summary>
    private static HashSet<string> Snapshot(string database)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        foreach (var table in new[] { "Documents", "Pages", "Clauses", "DealTerms", "Parties", "Runs", "RunDocuments" })
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                rows.Add(table + "|" + string.Join("|", values));
            }
        }

        return rows;
    }

    private void AssertNoStrayFiles()
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { Database, Database + "-wal", Database + "-shm", Database + "-journal" };
        foreach (var file in Directory.EnumerateFiles(_root.Path, "*", SearchOption.AllDirectories))
        {
            Assert.True(allowed.Contains(file) || Path.GetDirectoryName(file) == Inputs, $"unexpected file written: {file}");
        }
    }

    private List<JsonElement> StoredClauses(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("clauses").EnumerateArray().Select(c => c.Clone()))
            .ToList();

    [Fact]
    public async Task Analyze_TruncatedPdf_FailsNamingFile()
    {
        var run = await AnalyzeAsync("truncated.pdf", HostileCorpus.Truncated());

        Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
        Assert.Contains("truncated", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task Analyze_BitFlippedPdf_AnalysesOrRefuses(int seed)
        => await AnalyzeAsync($"flipped-{seed}.pdf", HostileCorpus.BitFlipped(seed));

    [Fact]
    public async Task Analyze_CyclicReferences_AnalysesOrRefuses()
        => await AnalyzeAsync("cyclic.pdf", HostileCorpus.CyclicReferences());

    [Fact]
    public async Task Analyze_EncryptedPdf_SaysEncrypted()
    {
        var run = await AnalyzeAsync("encrypted.pdf", TestPdf.Encrypted());

        Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
        Assert.Contains("encrypted", run.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Analyze_DeeplyNestedArrays_AnalysesOrRefuses()
        => await AnalyzeAsync("deep-arrays.pdf", HostileCorpus.DeepArrays(200_000));

    [Fact]
    public async Task Issue8_DeepPageTree_NoStackOverflow()
    {
        // A thread-pool thread (1.5 MB of stack) overflowed inside PdfPig at a few thousand levels, killing the process
        // (exit 134). Not deeper here: PdfPig takes time quadratic in the depth (50,000 levels: minutes).
        var run = await AnalyzeAsync("deep-page-tree.pdf", HostileCorpus.DeepPageTree(10_000), inChildProcess: true);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public async Task Issue8_DeepFormXObjects_NoStackOverflow()
    {
        var run = await AnalyzeAsync("deep-forms.pdf", HostileCorpus.DeepFormXObjects(10_000), inChildProcess: true);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public async Task Issue8_FlateBomb_RefusedWithinBoundedMemory()
    {
        // 512 MB of spaces in a ~0.5 MB stream: PdfPig alone peaked at 3.9 GB on a 1.5 GB bomb.
        var run = await AnalyzeAsync("bomb.pdf", HostileCorpus.FlateBomb(512), inChildProcess: true);

        Assert.Equal(ExitCodes.SomeDocumentsFailed, run.ExitCode);
        Assert.Contains("decompression bomb", run.Error, StringComparison.Ordinal);
        Assert.True(run.PeakMegabytes < 400, $"peak {run.PeakMegabytes} MB");
    }

    [Fact]
    public async Task Analyze_TwoThousandPages_AnalysesAllPages()
    {
        var run = await AnalyzeAsync("2000-pages.pdf", HostileCorpus.ManyPages(2_000), inChildProcess: true, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(2_000, JsonDocument.Parse(run.Out).RootElement.GetProperty("pages").GetInt32());
        // Every page's text was read and stored, not only counted.
        var text = StoredText("2000-pages.pdf");
        Assert.Equal(2_000, (text.Length - text.Replace(HostileCorpus.ContractSentence, "", StringComparison.Ordinal).Length) / HostileCorpus.ContractSentence.Length);
    }

    [Fact]
    public async Task Analyze_HtmlWithScriptsAndIframes_KeepsOnlyVisibleText()
    {
        var run = await AnalyzeAsync("scripted.htm", System.Text.Encoding.UTF8.GetBytes(HostileCorpus.ScriptedHtml()));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var text = StoredText("scripted.htm");
        Assert.Contains(HostileCorpus.ContractSentence, text, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", text, StringComparison.Ordinal);
        Assert.DoesNotContain("$999 billion", text, StringComparison.Ordinal);
        Assert.DoesNotContain("uncapped", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue8_FiftyMegabytesOfNestedTags_ReadByTagStripper()
    {
        // AngleSharp takes minutes on 100,000 nested elements; the extractor falls back to stripping tags.
        var run = await AnalyzeAsync("nested.htm", HostileCorpus.NestedTags(50), inChildProcess: true);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(HostileCorpus.ContractSentence, StoredText("nested.htm"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Analyze_Utf16Text_DecodedExactly(bool bigEndianWithoutBom)
    {
        var run = await AnalyzeAsync($"utf16-{bigEndianWithoutBom}.txt", HostileCorpus.Utf16(bigEndianWithoutBom));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(HostileCorpus.AccentedContract, StoredText($"utf16-{bigEndianWithoutBom}.txt"));
    }

    [Fact]
    public async Task Analyze_Latin1Text_DecodedExactly()
    {
        var run = await AnalyzeAsync("latin1.txt", HostileCorpus.Latin1());

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(HostileCorpus.AccentedContract.Replace("€", "EUR ", StringComparison.Ordinal), StoredText("latin1.txt"));
    }

    [Fact]
    public async Task Analyze_AbsurdNumbers_NoOverflowAndNoAbsurdAmount()
    {
        var run = await AnalyzeAsync("absurd.txt", System.Text.Encoding.UTF8.GetBytes(HostileCorpus.AbsurdNumbers), extra: "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var deal = JsonDocument.Parse(run.Out).RootElement.GetProperty("deal");
        if (deal.ValueKind == JsonValueKind.Object && deal.TryGetProperty("amount", out var amount) && amount.ValueKind == JsonValueKind.Number)
        {
            Assert.True(amount.GetDecimal() <= DealLens.Core.Deals.MoneyParser.MaxPlausibleAmount);
        }
    }

    [Fact]
    public async Task Analyze_ShellMetacharactersInFileName_AnalysedAndNothingRun()
    {
        const string name = "a;touch pwned $(touch pwned2) `touch pwned3` & | > < 'q' \"d\" * ?.txt";

        var run = await AnalyzeAsync(name, System.Text.Encoding.UTF8.GetBytes(HostileCorpus.ContractSentence + "\n"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(name, run.Out, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_root.Path, "pwned*", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "pwned")));
    }

    [Fact]
    public async Task Analyze_SqlMetacharactersInCompanyNames_StoredVerbatim()
    {
        const string name = "x'); DROP TABLE Documents;--.txt";

        var run = await AnalyzeAsync(name, System.Text.Encoding.UTF8.GetBytes(HostileCorpus.SqlInjectionParties));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        // The text and the file name are stored as given (parameters, never SQL text), and the parties read from
        // the text are quoted from it verbatim.
        Assert.Equal(HostileCorpus.SqlInjectionParties.ReplaceLineEndings("\n").TrimEnd('\n'), StoredText(name).TrimEnd('\n'));
        using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.Name FROM Parties p JOIN Documents d ON d.Id = p.DocumentId WHERE d.SourcePath = @path";
        command.Parameters.AddWithValue("@path", Path.Combine(Inputs, name));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            Assert.Contains(reader.GetString(0), HostileCorpus.SqlInjectionParties, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Analyze_PromptInjection_EmbeddedClausesOnlyFromTheTextsOwnClauses()
    {
        var clean = await AnalyzeAsync("clean.txt", System.Text.Encoding.UTF8.GetBytes(LlmTestKit.Contract), extra: "--json");
        var insertAt = LlmTestKit.Contract.IndexOf("2. This Agreement", StringComparison.Ordinal);
        var injected = LlmTestKit.Contract.Insert(insertAt, HostileCorpus.InjectedPassage);

        var run = await AnalyzeAsync("injected.txt", System.Text.Encoding.UTF8.GetBytes(injected), extra: "--json");

        var before = StoredClauses(clean.Out).Select(c => (c.GetProperty("type").GetString(), c.GetProperty("text").GetString())).ToHashSet();
        var after = StoredClauses(run.Out);
        // Every clause of the clean contract is still found...
        Assert.Subset(after.Select(c => (c.GetProperty("type").GetString(), c.GetProperty("text").GetString())).ToHashSet(), before);
        // ...and anything new quotes the injected passage itself, nothing the passage asked for elsewhere.
        var passageStart = insertAt;
        var passageEnd = insertAt + HostileCorpus.InjectedPassage.Length;
        foreach (var clause in after.Where(c => !before.Contains((c.GetProperty("type").GetString(), c.GetProperty("text").GetString()))))
        {
            Assert.InRange(clause.GetProperty("start").GetInt32(), passageStart, passageEnd);
            Assert.InRange(clause.GetProperty("end").GetInt32(), passageStart, passageEnd);
        }
    }

    [Fact]
    public async Task Analyze_PromptInjectionObeyedByModel_FabricatedClauseDropped()
    {
        const string fabricated = "Provider accepts unlimited liability for all losses of any kind.";
        var injected = LlmTestKit.Contract + HostileCorpus.InjectedPassage;
        // A model that falls for the passage: it reports a clause the document does not contain, plus a real one.
        using var server = new FakeOpenAiServer(request => request.Body.Contains("\"deal_terms\"", StringComparison.Ordinal)
            ? FakeReply.Chat("{\"terms\":[]}")
            : FakeReply.Chat(LlmTestKit.Reply(("uncapped_liability", fabricated, 1.0), ("governing_law", LlmTestKit.GoverningLawQuote, 0.9))));

        var run = await AnalyzeAsync("injected-llm.txt", System.Text.Encoding.UTF8.GetBytes(injected),
            extra: ["--json", "--extractor", "llm", "--provider", "local", "--endpoint", server.V1.ToString(), "--model", "m"]);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.True(server.RequestCount > 0);
        var clauses = StoredClauses(run.Out);
        Assert.DoesNotContain(clauses, c => c.GetProperty("text").GetString()!.Contains("unlimited liability", StringComparison.Ordinal));
        Assert.Contains(clauses, c => c.GetProperty("text").GetString() == LlmTestKit.GoverningLawQuote);
    }

    private string StoredText(string fileName)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Text FROM Documents WHERE SourcePath = @path";
        command.Parameters.AddWithValue("@path", Path.Combine(Inputs, fileName));
        return (string)(command.ExecuteScalar() ?? throw new InvalidOperationException($"{fileName} not stored"));
    }
}
