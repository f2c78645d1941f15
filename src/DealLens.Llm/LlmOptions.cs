namespace DealLens.Llm;

/// <summary>The provider kinds DealLens talks to. All speak the OpenAI chat-completions wire format.</summary>
public static class LlmProviders
{
    /// <summary>Azure OpenAI: /openai/deployments/{deployment}/chat/completions, key or DefaultAzureCredential.</summary>
    public const string Azure = "azure";

    /// <summary>api.openai.com (or another endpoint) with a key.</summary>
    public const string OpenAI = "openai";

    /// <summary>Any OpenAI-compatible /v1/chat/completions server without a key: Ollama, llama.cpp, vLLM, LM Studio.</summary>
    public const string Local = "local";

    public static IReadOnlyList<string> All { get; } = [Azure, OpenAI, Local];
}

/// <summary>How the reply format is requested; models without structured output are stepped down the list.</summary>
public enum LlmResponseFormat
{
    JsonSchema,
    JsonObject,
    Text,
}

/// <summary>Where the model is and how to call it. <see cref="ApiKey"/> comes from the environment only and is never printed.</summary>
public sealed record LlmOptions
{
    public const string DefaultLocalEndpoint = "http://localhost:11434/v1";

    public string Provider { get; init; } = LlmProviders.Local;

    /// <summary>Base URL: ".../v1" for OpenAI-compatible servers, "https://NAME.openai.azure.com/" for Azure.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The model name (OpenAI, local) or the model behind the deployment (Azure).</summary>
    public string Model { get; init; } = "";

    /// <summary>Azure deployment name; defaults to <see cref="Model"/>.</summary>
    public string? Deployment { get; init; }

    public string? ApiKey { get; init; }

    /// <summary>Limit for one HTTP attempt, up to the last byte of the reply; a slower reply counts as a failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Requests in a row that may fail (after their retries) before the endpoint is not called again in this run.</summary>
    public int CircuitBreakerFailures { get; init; } = 3;

    /// <summary>False (<c>--no-fallback</c>): a document the model cannot read fails instead of falling back to the embedded extractor.</summary>
    public bool AllowFallback { get; init; } = true;

    /// <summary>Retries after a 429 or 5xx answer.</summary>
    public int MaxRetries { get; init; } = 3;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No wait between retries is longer than this, whatever Retry-After asks.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Model requests in flight at once, over all documents.</summary>
    public int MaxConcurrency { get; init; } = 4;

    public LlmResponseFormat ResponseFormat { get; init; } = LlmResponseFormat.JsonSchema;

    /// <summary>The id recorded with results and used in the cache key: the deployment on Azure, else the model.</summary>
    public string ModelId => Provider == LlmProviders.Azure && !string.IsNullOrEmpty(Deployment) ? Deployment : Model;

    /// <summary>Everything but the key.</summary>
    public override string ToString()
        => $"{Provider} {Endpoint?.ToString() ?? "(default endpoint)"} model={ModelId} key={(ApiKey is null ? "none" : "set")}";
}
