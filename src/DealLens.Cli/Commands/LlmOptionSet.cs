using System.CommandLine;
using DealLens.Cli.Analysis;
using DealLens.Llm;

namespace DealLens.Cli.Commands;

/// <summary>The --extractor, --provider, --endpoint, --model and --no-fallback flags shared by analyze, batch, eval and models check.</summary>
public sealed class LlmOptionSet
{
    public const string Rules = "rules";
    public const string Llm = "llm";

    public Option<string?> Extractor { get; } = new("--extractor")
    {
        Description = "Clause extractor: rules (embedded, offline; the default) or llm (Semantic Kernel; falls back to rules per document).",
        HelpName = "rules|llm",
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = "LLM provider: azure, openai or local (any OpenAI-compatible server; default, and Llm:Provider / DEALLENS_Llm__Provider).",
        HelpName = "azure|openai|local",
    };

    public Option<string?> Endpoint { get; } = new("--endpoint")
    {
        Description = "LLM endpoint URL (local default http://localhost:11434/v1; Azure https://NAME.openai.azure.com/).",
        HelpName = "URL",
    };

    public Option<string?> Model { get; } = new("--model")
    {
        Description = "Model name (Azure: the deployment's model; the deployment is Llm:Deployment, else the model).",
        HelpName = "NAME",
    };

    public Option<bool> NoFallback { get; } = new("--no-fallback")
    {
        Description = "With --extractor llm: a document the model cannot read (down, timed out, malformed reply) fails instead of being read by the embedded extractor.",
    };

    public LlmOptionSet(bool withExtractor = true)
    {
        Extractor.AcceptOnlyFromAmong(Rules, Llm);
        Provider.AcceptOnlyFromAmong([.. LlmProviders.All]);
        WithExtractor = withExtractor;
    }

    private bool WithExtractor { get; }

    public IEnumerable<Option> All => WithExtractor ? [Extractor, Provider, Endpoint, Model, NoFallback] : [Provider, Endpoint, Model];

    /// <summary>The chosen extractor: the flag, else "Extractor" in settings, else rules.</summary>
    public string ExtractorName(ParseResult parse, DealLensSettings settings)
        => (WithExtractor ? parse.GetValue(Extractor) : null) ?? settings["Extractor"] ?? Rules;

    /// <summary>The LLM settings when the llm extractor is chosen (or <paramref name="force"/>), else null.</summary>
    public LlmOptions? Resolve(ParseResult parse, DealLensSettings settings, CliContext context, bool force = false)
        => force || ExtractorName(parse, settings) == Llm
            ? LlmSettings.Resolve(settings, context.ReadEnvironment, parse.GetValue(Provider), parse.GetValue(Endpoint), parse.GetValue(Model)) with
            {
                AllowFallback = !(WithExtractor && parse.GetValue(NoFallback)),
            }
            : null;
}
