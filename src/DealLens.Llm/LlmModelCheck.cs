using System.Net;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI.Chat;

namespace DealLens.Llm;

/// <summary>What <c>deallens models check</c> found: can the model be reached, how fast, and which reply format it accepts.</summary>
public sealed record ModelCheckResult(bool Reachable, TimeSpan Latency, LlmResponseFormat? BestFormat, string? Error)
{
    public bool SupportsStructuredOutput => BestFormat is LlmResponseFormat.JsonSchema or LlmResponseFormat.JsonObject;
}

/// <summary>Sends one tiny request (stepping down json_schema, json_object, text on a 400) and reports.</summary>
public static class LlmModelCheck
{
    public static async Task<ModelCheckResult> RunAsync(IChatCompletionService chat, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var history = new ChatHistory();
        history.AddSystemMessage("Reply with the JSON object {\"ok\":true} and nothing else.");
        history.AddUserMessage("ping");
        foreach (var format in Enum.GetValues<LlmResponseFormat>())
        {
            var settings = new OpenAIPromptExecutionSettings
            {
                MaxTokens = 20,
                Temperature = 0,
                ResponseFormat = format switch
                {
                    LlmResponseFormat.JsonSchema => ChatResponseFormat.CreateJsonSchemaFormat(
                        "ping", BinaryData.FromString("""{"type":"object","properties":{"ok":{"type":"boolean"}},"required":["ok"],"additionalProperties":false}"""),
                        jsonSchemaIsStrict: true),
                    LlmResponseFormat.JsonObject => "json_object",
                    _ => null,
                },
            };
            var started = timeProvider.GetTimestamp();
            try
            {
                await chat.GetChatMessageContentAsync(history, settings, kernel: null, cancellationToken);
                return new ModelCheckResult(true, timeProvider.GetElapsedTime(started), format, null);
            }
            catch (HttpOperationException ex) when (ex.StatusCode == HttpStatusCode.BadRequest && format != LlmResponseFormat.Text)
            {
                // Try the next, plainer format.
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return new ModelCheckResult(false, timeProvider.GetElapsedTime(started), null, KernelClauseExtractor.Describe(ex));
            }
        }

        return new ModelCheckResult(false, TimeSpan.Zero, null, "the model refused every reply format");
    }
}
