using System.CommandLine;
using System.Globalization;
using DealLens.Cli.Analysis;
using DealLens.Core;
using DealLens.Core.Clauses.Catalog;
using DealLens.Core.Clauses.Rules;
using DealLens.Extraction;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens rules check</c>: runs every example sentence of the clause catalog and lints every pattern.
/// <c>deallens rules explain FILE --at OFFSET</c>: which rules and model scores made (or did not make) a clause there.
/// </summary>
public static class RulesCommand
{
    public static Command Create(CliContext context)
    {
        var check = new Command("check", "Run every fires:/silent: example of the clause catalog and lint every pattern (exit 0 all pass, 1 a problem).");
        check.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, ct => CheckAsync(context), cancellationToken));

        var file = new Argument<string>("file") { Description = "The document (PDF, HTML or text) to explain a clause of." };
        var at = new Option<int>("--at")
        {
            Description = "Character offset in the document's extracted text (as in analyze's clause start/end).",
            HelpName = "OFFSET",
            Required = true,
        };
        var clauseModel = CommonOptions.ClauseModel();
        var explain = new Command("explain", "Say which rule and model score made the clause at an offset of a document.") { file, at, clauseModel };
        explain.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(
            context,
            ct => ExplainAsync(context, parse.GetRequiredValue(file), parse.GetValue(at), parse.GetValue(clauseModel)),
            cancellationToken));

        return new Command("rules", "Check the clause catalog, or explain a clause.") { check, explain };
    }

    private static async Task<int> CheckAsync(CliContext context)
    {
        var catalog = ClauseCatalog.Default;
        var result = ClauseCatalogCheck.Run(catalog, ClauseRuleSet.Default, ClauseRuleSet.Lone);
        foreach (var problem in result.Problems)
        {
            await context.Out.WriteLineAsync($"FAIL {problem.Source} ({problem.Kind}): {problem.Message}");
        }

        await context.Out.WriteLineAsync(
            $"{catalog.Entries.Count} clause types, {catalog.Rules.Count} rules and {catalog.LoneRules.Count} lone-clause rules, {result.Examples} examples, {result.Patterns} patterns; "
            + $"{(result.Passed ? "all pass" : $"{result.Problems.Count} problems")} ({ClauseRuleSet.Default.Fingerprint})");
        return result.Passed ? ExitCodes.Ok : ExitCodes.UsageError;
    }

    private static async Task<int> ExplainAsync(CliContext context, string file, int offset, string? modelFlag)
    {
        var path = Path.GetFullPath(file, context.WorkingDirectory);
        if (!File.Exists(path))
        {
            throw new DealLensException($"{path}: file not found");
        }

        var document = TextExtractors.ReadFile(path);
        if (offset < 0 || offset >= document.Text.Length)
        {
            throw new DealLensException($"{path}: --at {offset} is outside the text (0 to {document.Text.Length - 1})");
        }

        var settings = DealLensSettings.Load(context);
        var extractor = Pipelines.CreateEmbeddedExtractor(settings.ModelPath(modelFlag));
        var explanation = extractor.Explain(document, offset);
        if (explanation is null)
        {
            await context.Out.WriteLineAsync($"offset {offset} is between clause-sized spans (white space or a page break); nothing to explain");
            return ExitCodes.Ok;
        }

        var o = context.Out;
        await o.WriteLineAsync($"span {explanation.SpanStart}-{explanation.SpanEnd} (page {document.PageAt(explanation.SpanStart)}): \"{Shorten(explanation.SpanText)}\"");
        await o.WriteLineAsync($"rules ({explanation.RulesFingerprint}):");
        if (explanation.Rules.Count == 0)
        {
            await o.WriteLineAsync("  none match");
        }

        foreach (var match in explanation.Rules)
        {
            var entry = ClauseCatalog.Default.Find(match.Type);
            await o.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {match.RuleName} -> {match.Type} (rule confidence {match.Confidence:0.00}{(entry is null ? "" : ", " + entry.Source)})"));
        }

        await o.WriteLineAsync($"model ({Pipelines.ModelVersion(extractor.Model)}), types a rule matched or with probability >= 0.05:");
        var ruled = explanation.Rules.Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        foreach (var score in explanation.ModelScores.Where(s => s.Probability >= 0.05 || s.Probability >= s.Threshold || ruled.Contains(s.Type)))
        {
            await o.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {score.Type,-28} p={score.Probability:0.000}  threshold {score.Threshold:0.000}{(score.Probability >= score.Threshold ? "  (above)" : "")}"));
        }

        await o.WriteLineAsync("clauses reported over this offset:");
        if (explanation.Clauses.Count == 0)
        {
            await o.WriteLineAsync("  none");
        }

        foreach (var clause in explanation.Clauses)
        {
            await o.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"  {clause.Type} {clause.Start}-{clause.End} confidence {clause.Confidence:0.000}, decided by {(clause.Extractor == "model" ? "the model alone (no rule matched)" : "a matching rule (the rule's confidence, or the model's calibrated score for a type the model learns)")}"));
        }

        return ExitCodes.Ok;
    }

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 300 ? flat : flat[..300] + "...";
    }
}
