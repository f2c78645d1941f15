using DealLens.Llm;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Llm;

/// <summary>
/// Against a real endpoint, only when DEALLENS_LLM_ENDPOINT is set (with DEALLENS_LLM_MODEL, optional
/// DEALLENS_LLM_PROVIDER and DEALLENS_LLM_API_KEY). Otherwise each test is skipped with that reason
/// (<see cref="LiveLlmFactAttribute"/>); a missing endpoint never fails the build.
/// </summary>
public sealed class LiveLlmTests
{
    private static LlmOptions? Live()
    {
        var endpoint = Environment.GetEnvironmentVariable("DEALLENS_LLM_ENDPOINT");
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return null;
        }

        return new LlmOptions
        {
            Provider = Environment.GetEnvironmentVariable("DEALLENS_LLM_PROVIDER") ?? LlmProviders.Local,
            Endpoint = new Uri(endpoint),
            Model = Environment.GetEnvironmentVariable("DEALLENS_LLM_MODEL") ?? "llama3.1",
            Deployment = Environment.GetEnvironmentVariable("DEALLENS_LLM_DEPLOYMENT"),
            ApiKey = Environment.GetEnvironmentVariable("DEALLENS_LLM_API_KEY"),
        };
    }

    [LiveLlmFact]
    public async Task Live_ExtractSampleContract_ReturnsOnlyGroundedClauses()
    {
        var options = Live();
        Assert.True(options is not null, "DEALLENS_LLM_ENDPOINT is not set");

        using var http = LlmConnector.CreateHttpClient(options, TimeProvider.System);
        using var extractor = new KernelClauseExtractor(
            LlmConnector.CreateKernel(LlmConnector.CreateChatService(options, http)),
            new KernelClauseExtractorOptions { ModelId = options.ModelId });
        var document = LlmTestKit.Document();

        var result = await extractor.ExtractDetailedAsync(document, CancellationToken.None);

        Assert.Null(result.Report.FallbackReason);
        Assert.All(result.Clauses, c => Assert.Equal(c.Text, document.Text[c.Start..c.End]));
    }
}
