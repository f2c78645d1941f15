using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using DealLens.Llm;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens models check</c>: one tiny request to the configured model; reachability, latency, structured output.
/// <c>deallens models cache info|clear</c>: the model-reply cache in the database.
/// </summary>
public static class ModelsCommand
{
    public static Command Create(CliContext context)
    {
        var cache = new Command("cache", "The cache of model replies in the database (bounded; never holds the API key).")
        {
            CacheInfo(context),
            CacheClear(context),
        };
        return new Command("models", "Check the configured LLM and manage its reply cache.") { Check(context), cache };
    }

    private static Command Check(CliContext context)
    {
        var llm = new LlmOptionSet(withExtractor: false);
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds allowed for the whole check, reply body included (a server that drips its answer fails at this limit).",
            DefaultValueFactory = _ => 30,
            HelpName = "SECONDS",
        };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--timeout must be 1 or more.");
            }
        });
        var check = new Command("check", "Send one tiny request to the model and report reachability, latency and structured-output support (exit 0 reachable, 1 not).")
        {
            timeout,
        };
        var json = new Option<bool>("--json") { Description = "Write the result as one JSON object." };
        check.Options.Add(json);
        foreach (var option in llm.All)
        {
            check.Options.Add(option);
        }

        check.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var settings = DealLensSettings.Load(context);
            var limit = TimeSpan.FromSeconds(parse.GetValue(timeout));
            var options = llm.Resolve(parse, settings, context, force: true)! with { MaxRetries = 0, RequestTimeout = limit };
            // Timeouts on the real clock; the latency is measured with context.Time. The overall limit also covers the
            // format step-down (up to three requests), so the check ends within about three times --timeout at worst.
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
        return check;
    }

    private static Command CacheInfo(CliContext context)
    {
        var db = CommonOptions.Database();
        var command = new Command("info", "How many model replies the database caches, and their size.") { db };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            await using var database = OpenExisting(context, parse.GetValue(db), out var path);
            var (entries, bytes) = await database.ModelCache.SizeAsync(ct);
            var bounds = database.ModelCache.Options;
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{entries} cached model replies, {bytes} bytes, in {DealLensSettings.DisplayName(path)} (kept at most {bounds.MaxEntries} replies and {bounds.MaxBytes} bytes; oldest go first)"));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command CacheClear(CliContext context)
    {
        var db = CommonOptions.Database();
        var command = new Command("clear", "Remove every cached model reply (the next analysis asks the model again).") { db };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            await using var database = OpenExisting(context, parse.GetValue(db), out var path);
            var removed = await database.ModelCache.ClearAsync(ct);
            await context.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"removed {removed} cached model replies from {DealLensSettings.DisplayName(path)}"));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static DealLensDatabase OpenExisting(CliContext context, string? flag, out string path)
    {
        path = DealLensSettings.Load(context).ExistingDatabasePath(flag);
        return DealLensDatabase.Open(path, context.Time);
    }

    private static string Describe(LlmResponseFormat? format) => format switch
    {
        LlmResponseFormat.JsonSchema => "json_schema",
        LlmResponseFormat.JsonObject => "json_object only",
        _ => "plain text; replies are parsed for the first JSON object",
    };
}
