using System.CommandLine;
using System.Text.Json.Nodes;
using DealLens.Llm;

namespace DealLens.Cli.Commands;

/// <summary><c>deallens models check</c>: one tiny request to the configured model; reachability, latency, structured output.</summary>
public static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        var llm = new LlmOptionSet(withExtractor: false);
        var check = new Command("check", "Send one tiny request to the model and report reachability, latency and structured-output support (exit 0 reachable, 1 not).");
        var json = new Option<bool>("--json") { Description = "Write the result as one JSON object." };
        check.Options.Add(json);
        foreach (var option in llm.All)
        {
            check.Options.Add(option);
        }

        check.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var settings = DealLensSettings.Load(context);
            var options = llm.Resolve(parse, settings, context, force: true)! with { MaxRetries = 1, RequestTimeout = TimeSpan.FromSeconds(60) };
            // Timeouts and back-off on the real clock; the latency is measured with context.Time.
            using var http = LlmConnector.CreateHttpClient(options, TimeProvider.System);
            var chat = LlmConnector.CreateChatService(options, http);
            var result = await LlmModelCheck.RunAsync(chat, context.Time, ct);
            if (parse.GetValue(json))
            {
                var node = new JsonObject
                {
                    ["model"] = options.ToString(),
                    ["reachable"] = result.Reachable,
                    ["latency_ms"] = result.Reachable ? Math.Round(result.Latency.TotalMilliseconds) : null,
                    ["error"] = result.Error,
                    ["structured_output"] = result.Reachable ? result.SupportsStructuredOutput : null,
                    ["response_format"] = result.Reachable ? Describe(result.BestFormat) : null,
                };
                await context.Out.WriteLineAsync(node.ToJsonString());
                return result.Reachable ? ExitCodes.Ok : ExitCodes.UsageError;
            }

            await context.Out.WriteLineAsync($"model:             {options}");
            await context.Out.WriteLineAsync(result.Reachable
                ? $"reachable:         yes ({result.Latency.TotalMilliseconds:0} ms)"
                : $"reachable:         no ({result.Error})");
            if (result.Reachable)
            {
                await context.Out.WriteLineAsync($"structured output: {(result.SupportsStructuredOutput ? "yes" : "no")} ({Describe(result.BestFormat)})");
            }

            return result.Reachable ? ExitCodes.Ok : ExitCodes.UsageError;
        }, cancellationToken));

        return new Command("models", "Check the configured LLM.") { check };
    }

    private static string Describe(LlmResponseFormat? format) => format switch
    {
        LlmResponseFormat.JsonSchema => "json_schema",
        LlmResponseFormat.JsonObject => "json_object only",
        _ => "plain text; replies are parsed for the first JSON object",
    };
}
