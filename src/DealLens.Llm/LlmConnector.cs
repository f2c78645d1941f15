using Azure.Identity;
using DealLens.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.AzureOpenAI;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace DealLens.Llm;

/// <summary>
/// Builds the Semantic Kernel chat service for a provider. Every provider goes through an HttpClient whose
/// <see cref="CircuitBreakerHandler"/> stops calling a dead endpoint and whose <see cref="RetryHandler"/> owns retries
/// and per-attempt timeouts.
/// </summary>
public static class LlmConnector
{
    public static HttpClient CreateHttpClient(LlmOptions options, TimeProvider timeProvider, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var retry = new RetryHandler(
            new RetryHandlerOptions
            {
                MaxRetries = options.MaxRetries,
                BaseDelay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                AttemptTimeout = options.RequestTimeout,
                TimeProvider = timeProvider,
                Delay = delay,
            },
            new SocketsHttpHandler());
        var breaker = new CircuitBreakerHandler(Math.Max(1, options.CircuitBreakerFailures), retry);
        // The handler bounds each attempt; the client itself must not cut retries short.
        return new HttpClient(breaker) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public static IChatCompletionService CreateChatService(LlmOptions options, HttpClient httpClient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClient);
        if (string.IsNullOrWhiteSpace(options.Model) && string.IsNullOrWhiteSpace(options.Deployment))
        {
            throw new DealLensException("llm: no model set (--model, DEALLENS_Llm__Model or Llm:Model in deallens.json)");
        }

        switch (options.Provider)
        {
            case LlmProviders.Azure:
                {
                    var endpoint = options.Endpoint?.ToString()
                        ?? throw new DealLensException("llm: Azure OpenAI needs --endpoint https://NAME.openai.azure.com/");
                    var deployment = options.ModelId;
                    return string.IsNullOrEmpty(options.ApiKey)
                        ? new AzureOpenAIChatCompletionService(deployment, endpoint, new DefaultAzureCredential(), options.Model, httpClient)
                        : new AzureOpenAIChatCompletionService(deployment, endpoint, options.ApiKey, options.Model, httpClient);
                }

            case LlmProviders.OpenAI:
                return options.Endpoint is null
                    ? new OpenAIChatCompletionService(options.Model, options.ApiKey ?? throw MissingKey(), httpClient: httpClient)
                    : new OpenAIChatCompletionService(options.Model, options.Endpoint, options.ApiKey, httpClient: httpClient);

            case LlmProviders.Local:
                // OpenAI-compatible servers ignore the key; the SDK still wants a non-empty one.
                return new OpenAIChatCompletionService(
                    options.Model, options.Endpoint ?? new Uri(LlmOptions.DefaultLocalEndpoint), options.ApiKey ?? "no-key", httpClient: httpClient);

            default:
                throw new DealLensException($"llm: unknown provider '{options.Provider}' (expected {string.Join(", ", LlmProviders.All)})");
        }
    }

    /// <summary>A kernel with only the chat service: no plugins, no tools, nothing the model could call.</summary>
    public static Kernel CreateKernel(IChatCompletionService chatService)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chatService);
        return builder.Build();
    }

    private static DealLensException MissingKey()
        => new("llm: provider openai needs a key in DEALLENS_LLM_API_KEY or OPENAI_API_KEY");
}
