using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Cli;

public sealed class EvalCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("eval.db");

    private string WriteLabelledSet()
    {
        const string law = "This Agreement shall be governed by the laws of the State of New York.";
        _folder.Write("set/docs/a.txt", "SERVICES AGREEMENT\n\n1. Services are provided monthly.\n\n2. " + law);
        _folder.Write("set/docs/b.txt", "SUPPLY AGREEMENT\n\n1. Goods are delivered on request.\n\n2. Payment is due in thirty days.");
        return _folder.Write("set/labels.jsonl", LabelledSetWriter.LabelLine("a1", "docs/a.txt", law) + "\n" + LabelledSetWriter.LabelLine("b2", "docs/b.txt", null) + "\n");
    }

    [Fact]
    public async Task Eval_SmallLabelledSet_PrintsTableAndStoresRun()
    {
        var labels = WriteLabelledSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db);
        var history = await CliRunner.RunAsync(_folder.Path, "eval", "--history", "--db", Db);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var governingLaw = result.Out.Split('\n').Single(l => l.Contains("Governing Law", StringComparison.Ordinal));
        Assert.Contains("1.000", governingLaw, StringComparison.Ordinal);
        Assert.Contains("Macro F1 (core 12):", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("\n", result.Out, StringComparison.Ordinal);
        Assert.Equal(2, history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(" rules ", history.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_Json_IsOneParsableReport()
    {
        var labels = WriteLabelledSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db, "--json");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var report = JsonDocument.Parse(result.Out);
        Assert.Equal(2, report.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(1.0, report.RootElement.GetProperty("grounding").GetDouble());
    }

    [Fact]
    public async Task Eval_Predictions_WritesGoldAndPredictedClausesPerDocument()
    {
        var labels = WriteLabelledSet();
        var output = _folder.File("predictions.jsonl");

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db, "--predictions", output);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("a1", first.RootElement.GetProperty("id").GetString());
        var gold = first.RootElement.GetProperty("gold").GetProperty("Governing Law");
        Assert.Equal("This Agreement shall be governed by the laws of the State of New York.", gold[0].GetString());
        var law = first.RootElement.GetProperty("predicted").EnumerateArray()
            .Single(c => c.GetProperty("category").GetString() == "Governing Law");
        var text = File.ReadAllText(_folder.File("set/docs/a.txt"));
        Assert.Equal(text[law.GetProperty("start").GetInt32()..law.GetProperty("end").GetInt32()], law.GetProperty("text").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Empty(second.RootElement.GetProperty("gold").EnumerateObject());
    }

    [Fact]
    public async Task Eval_PredictionsInMissingFolder_NamesThePath()
    {
        var labels = WriteLabelledSet();
        var output = _folder.File("no/such/folder/predictions.jsonl");

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db, "--predictions", output);

        Assert.NotEqual(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("predictions.jsonl", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2")] // without --cross-validate there is nothing to repeat
    public async Task Eval_BadRepeat_IsUsageError(string repeat)
    {
        var labels = WriteLabelledSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db, "--repeat", repeat);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--repeat", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Eval_MissingDocument_IsNamedAndExitIs3()
    {
        var labels = WriteLabelledSet();
        File.Delete(_folder.File("set/docs/b.txt"));

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db);

        Assert.Equal(ExitCodes.SomeDocumentsFailed, result.ExitCode);
        Assert.Contains("b.txt", result.Error, StringComparison.Ordinal);
        Assert.Contains("Documents: 1", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_BrokenLabelsLine_NamesFileAndLine()
    {
        var labels = WriteLabelledSet();
        File.AppendAllText(labels, "{not json\n");

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("labels.jsonl", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue19_EvalSingleClauses_PrintsBalancedAccuracyPerCategory()
    {
        const string law = "This Agreement shall be governed by the laws of the State of New York.";
        const string assign = "Neither party may assign this Agreement without the prior written consent of the other party.";
        _folder.Write("set/docs/a.txt", "SERVICES AGREEMENT\n\n1. Services are provided monthly.\n\n2. " + law + "\n\n3. " + assign);
        _folder.Write("set/docs/b.txt", "SUPPLY AGREEMENT\n\n1. Goods are delivered on request.");
        var line = JsonSerializer.Serialize(new
        {
            id = "a1",
            file = "docs/a.txt",
            type = "Services",
            labels = new Dictionary<string, object>
            {
                ["Governing Law"] = new { present = true, snippets = new[] { law }, answer = "New York" },
                ["Anti-Assignment"] = new { present = true, snippets = new[] { assign }, answer = "Yes" },
            },
        });
        var labels = _folder.Write("set/labels.jsonl", line + "\n" + LabelledSetWriter.LabelLine("b2", "docs/b.txt", null) + "\n");

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db, "--single-clauses");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("Single clauses (each labelled clause alone as a document): 4 items", result.Out, StringComparison.Ordinal);
        var singleClauses = result.Out[result.Out.IndexOf("Single clauses", StringComparison.Ordinal)..];
        var governingLaw = singleClauses.Split('\n').Single(l => l.TrimStart().StartsWith("Governing Law", StringComparison.Ordinal));
        Assert.Matches(@"Governing Law\s+1\s+1\s", governingLaw);
        Assert.Contains("* Anti-Assignment", result.Out, StringComparison.Ordinal);
        Assert.Contains("Single-clause balanced accuracy: core 12 ", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue19_EvalSingleClausesBrokenLabelsLine_NamesFileAndLineAndExits1()
    {
        var labels = WriteLabelledSet();
        File.AppendAllText(labels, "{\"id\": \"c3\", \"file\": \"docs/c.txt\"}\n");

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db, "--single-clauses");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("labels.jsonl", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 3", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Single clauses", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue19_EvalCompareShortDocumentsWithoutCrossValidate_IsUsageError()
    {
        var labels = WriteLabelledSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db, "--single-clauses", "--compare-short-documents");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--compare-short-documents", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--compare-rules-silent", "--compare-rules-silent")]
    [InlineData("--train-fraction", "--train-fraction")]
    public async Task Issue19_DiagnosticsWithoutCrossValidation_AreUsageErrors(string flag, string named)
    {
        var labels = WriteLabelledSet();
        string[] args = flag == "--train-fraction"
            ? ["eval", "--labels", labels, "--db", Db, "--single-clauses", flag, "0.5"]
            : ["eval", "--labels", labels, "--db", Db, "--single-clauses", flag];

        var result = await CliRunner.RunAsync(_folder.Path, args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--rule-dropout", "1")]
    [InlineData("--rule-dropout", "-0.1")]
    [InlineData("--train-fraction", "0")]
    public async Task Issue19_OutOfRangeTrainingSettings_AreRejected(string flag, string value)
    {
        var labels = WriteLabelledSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--db", Db, "--cross-validate", flag, value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(flag, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_WithoutLabels_IsUsageError()
    {
        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--labels", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_UnknownExtractor_IsUsageError()
    {
        var labels = WriteLabelledSet();

        var result = await CliRunner.RunAsync(_folder.Path, "eval", "--labels", labels, "--extractor", "magic", "--db", Db);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
    }

    [Fact]
    public async Task Eval_LlmExtractor_StoresModelAndPromptVersion()
    {
        var labels = WriteLabelledSet();
        const string law = "This Agreement shall be governed by the laws of the State of New York.";
        using var server = FakeOpenAiServer.Replying(JsonSerializer.Serialize(new
        {
            clauses = new[] { new { type = "governing_law", quote = law, confidence = 0.9, fields = new { } } },
        }));

        var result = await CliRunner.RunAsync(_folder.Path,
            "eval", "--labels", labels, "--db", Db, "--extractor", "llm", "--endpoint", server.V1.ToString(), "--model", "m");
        var history = await CliRunner.RunAsync(_folder.Path, "eval", "--history", "--db", Db);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.True(server.RequestCount > 0);
        Assert.Matches(@"tokens sent / document tokens: median \d+\.\d ?% per document, \d+\.\d ?% overall", result.Error);
        Assert.Contains("1.000", result.Out.Split('\n').Single(l => l.Contains("Governing Law", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(" llm ", history.Out, StringComparison.Ordinal);
        Assert.EndsWith(" m", history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1], StringComparison.Ordinal);
    }
}
