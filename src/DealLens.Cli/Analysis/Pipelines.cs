using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Pipeline;

namespace DealLens.Cli.Analysis;

/// <summary>Builds the analysis pipelines the commands use, in one place.</summary>
public static class Pipelines
{
    /// <summary>The offline default: no network, no key.</summary>
    public static DealPipeline CreateEmbedded() => new(new RuleBasedClauseExtractor(), new DealTermsExtractor());
}
