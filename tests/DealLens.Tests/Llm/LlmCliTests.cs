using System.Text.Json;
using DealLens.Cli;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Llm;

public sealed class LlmCliTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("llm.db");

    /// <summary>
    /// A model that quotes the first line of the passages it was sent that speaks of law and has six words or more, as
    /// governing_law (a quote that carries its type), or finds nothing.
    /// </summary>
    private static FakeReply EchoFirstPassage(FakeRequest request)
    {
        var user = request.UserContent();
        // The deal-terms prompt asks for {"terms":[...]}: a well-formed empty answer, so it is cached too.
        if (request.Body.Contains("\"deal_terms\"", StringComparison.Ordinal))
        {
            return FakeReply.Chat("{\"terms\":[]}");
        }

        var quote = user.Split('\n').Select(l => l.Trim())
            .FirstOrDefault(l => !l.StartsWith('<') && l.Contains("law", StringComparison.OrdinalIgnoreCase) && l.Split(' ').Length >= 6);
        return FakeReply.Chat(quote is null ? "{\"clauses\":[]}" : LlmTestKit.Reply(("governing_law", quote, 0.7)));
    }

    private static List<JsonElement> JsonLines(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Analyze_SamplesWithLocalLlm_ExitsZeroAndStoresModelClauses()
    {
        using var server = new FakeOpenAiServer(EchoFirstPassage);

        var result = await CliRunner.RunAsync(_folder.Path,
            "analyze", RepoPaths.Samples, "--db", Db, "--json", "--extractor", "llm", "--provider", "local", "--endpoint", server.V1.ToString(), "--model", "m");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.True(server.RequestCount > 0);
        var lines = JsonLines(result.Out);
        var sampleDocuments = Directory.GetFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories)
            .Count(f => DealLens.Extraction.TextExtractors.SupportedExtensions.Contains(Path.GetExtension(f)) && !f.Contains("expected", StringComparison.Ordinal));
        Assert.Equal(sampleDocuments, lines.Count);
        var extractors = lines.SelectMany(l => l.GetProperty("clauses").EnumerateArray()).Select(c => c.GetProperty("extractor").GetString()).ToList();
        Assert.NotEmpty(extractors);
        Assert.All(extractors, e => Assert.StartsWith("llm:m|prompt:clause_extraction@", e, StringComparison.Ordinal));
        Assert.DoesNotContain("llm unavailable", result.Error, StringComparison.Ordinal);

        // Unchanged documents re-analysed with --force: every reply comes from the cache.
        var requests = server.RequestCount;
        var rerun = await CliRunner.RunAsync(_folder.Path,
            "analyze", RepoPaths.Samples, "--db", Db, "--json", "--force", "--extractor", "llm", "--endpoint", server.V1.ToString(), "--model", "m");

        Assert.Equal(ExitCodes.Ok, rerun.ExitCode);
        Assert.Equal(requests, server.RequestCount);
    }

    [Fact]
    public async Task Analyze_AzureProviderFromEnvironment_UsesDeploymentRoute()
    {
        using var server = new FakeOpenAiServer(EchoFirstPassage);
        var environment = new Dictionary<string, string?>
        {
            ["Llm:Provider"] = "azure",
            ["Llm:Endpoint"] = server.BaseUri.ToString(),
            ["Llm:Deployment"] = "deal-gpt",
            ["Llm:Model"] = "gpt-4o-mini",
            ["AZURE_OPENAI_API_KEY"] = "azure-secret-key",
        };
        var contract = Path.Combine(RepoPaths.Samples, "contracts", "capacity-backstop.txt");

        var result = await CliRunner.RunAsync(_folder.Path, environment, CancellationToken.None, "analyze", contract, "--db", Db, "--json", "--extractor", "llm");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Error);
        Assert.All(server.Requests, r =>
        {
            Assert.StartsWith("/openai/deployments/deal-gpt/chat/completions?api-version=", r.PathAndQuery, StringComparison.Ordinal);
            Assert.Equal("azure-secret-key", r.ApiKeyHeader);
        });
        Assert.NotEmpty(server.Requests);
        Assert.DoesNotContain("azure-secret-key", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("azure-secret-key", File.ReadAllText(Db), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_ModelDown_FallsBackWithOneStderrLineASummaryAndAWarning()
    {
        const string key = "sk-never-print-me";
        using var server = new FakeOpenAiServer(_ => FakeReply.Error(401, "invalid key " + key));
        var contract = Path.Combine(RepoPaths.Samples, "contracts", "capacity-backstop.txt");

        var result = await CliRunner.RunAsync(_folder.Path, new Dictionary<string, string?> { ["DEALLENS_LLM_API_KEY"] = key }, CancellationToken.None,
            "analyze", contract, "--db", Db, "--json", "--extractor", "llm", "--provider", "openai", "--endpoint", server.V1.ToString(), "--model", "m");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var errorLines = result.Error.Trim().Split('\n');
        Assert.Equal(2, errorLines.Length);
        Assert.Equal("deallens: llm unavailable, used embedded extractor: HTTP 401 Unauthorized", errorLines[0]);
        Assert.StartsWith("deallens: llm: 1 requests, 0 cache hits, 1 fallbacks;", errorLines[1], StringComparison.Ordinal);
        var line = Assert.Single(JsonLines(result.Out));
        Assert.Contains("llm unavailable, used embedded extractor: HTTP 401 Unauthorized", line.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.Contains("llm unavailable, used embedded deal terms: HTTP 401 Unauthorized", line.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));
        Assert.DoesNotContain(key, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_LlmWithoutModel_IsAUsageError()
    {
        var contract = Path.Combine(RepoPaths.Samples, "contracts", "capacity-backstop.txt");

        var result = await CliRunner.RunAsync(_folder.Path, "analyze", contract, "--db", Db, "--extractor", "llm");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("no model set", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsCheck_ReachableServer_ReportsStructuredOutputAndExitsZero()
    {
        using var server = FakeOpenAiServer.Replying("{\"ok\":true}");

        var result = await CliRunner.RunAsync(_folder.Path, "models", "check", "--endpoint", server.V1.ToString(), "--model", "m");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("reachable:         yes", result.Out, StringComparison.Ordinal);
        Assert.Contains("structured output: yes (json_schema)", result.Out, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task ModelsCheck_ServerWithoutStructuredOutput_SaysSo()
    {
        using var server = new FakeOpenAiServer(r => r.Body.Contains("response_format", StringComparison.Ordinal)
            ? FakeReply.Error(400, "response_format not supported")
            : FakeReply.Chat("{\"ok\":true}"));

        var result = await CliRunner.RunAsync(_folder.Path, "models", "check", "--endpoint", server.V1.ToString(), "--model", "m");

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("structured output: no", result.Out, StringComparison.Ordinal);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task ModelsCheck_Unreachable_ExitsOne()
    {
        using var server = new FakeOpenAiServer(_ => FakeReply.Error(503));

        var result = await CliRunner.RunAsync(_folder.Path, "models", "check", "--endpoint", server.V1.ToString(), "--model", "m");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("reachable:         no (HTTP 503 ServiceUnavailable)", result.Out, StringComparison.Ordinal);
    }
}
