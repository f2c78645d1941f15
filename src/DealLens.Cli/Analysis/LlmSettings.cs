using DealLens.Core;
using DealLens.Llm;

namespace DealLens.Cli.Analysis;

/// <summary>
/// Resolves the LLM settings: CLI flags &lt; ... in the usual order (flags over DEALLENS_Llm__* over "Llm" in
/// deallens.json). Keys are read from the environment only: DEALLENS_LLM_API_KEY, else AZURE_OPENAI_API_KEY (azure)
/// or OPENAI_API_KEY (openai). A key in deallens.json is never read.
/// </summary>
public static class LlmSettings
{
    public const string ApiKeyVariable = "DEALLENS_LLM_API_KEY";

    public static LlmOptions Resolve(DealLensSettings settings, Func<string, string?> environment, string? provider, string? endpoint, string? model)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        provider = (provider ?? settings["Llm:Provider"] ?? LlmProviders.Local).ToLowerInvariant();
        if (!LlmProviders.All.Contains(provider))
        {
            throw new DealLensException($"llm: unknown provider '{provider}' (expected {string.Join(", ", LlmProviders.All)})");
        }

        endpoint ??= settings["Llm:Endpoint"];
        Uri? endpointUri = null;
        if (!string.IsNullOrWhiteSpace(endpoint)
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out endpointUri) || (endpointUri.Scheme != Uri.UriSchemeHttp && endpointUri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new DealLensException($"llm: endpoint '{endpoint}' is not an http(s) URL");
        }

        var deployment = settings["Llm:Deployment"];
        model ??= settings["Llm:Model"] ?? deployment;
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new DealLensException("llm: no model set (--model NAME, DEALLENS_Llm__Model, or Llm:Model in deallens.json)");
        }

        var key = environment(ApiKeyVariable) ?? provider switch
        {
            LlmProviders.Azure => environment("AZURE_OPENAI_API_KEY"),
            LlmProviders.OpenAI => environment("OPENAI_API_KEY"),
            _ => null,
        };
        return new LlmOptions
        {
            Provider = provider,
            Endpoint = endpointUri,
            Model = model,
            Deployment = deployment,
            ApiKey = string.IsNullOrEmpty(key) ? null : key,
        };
    }
}
