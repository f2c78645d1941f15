using System.CommandLine;
using DealLens.Core.Clauses.Learning;

namespace DealLens.Cli.Commands;

/// <summary>
/// The span representation options shared by `train` and `eval --cross-validate / --locked`, so an experiment
/// with the static token vectors is one flag on the documented commands (docs/representation.md).
/// </summary>
internal sealed class RepresentationOptions
{
    private readonly Option<int?> _dims = new("--token-vectors")
    {
        Description = "Dimensions of the static token vectors (distilled from all-MiniLM-L6-v2) appended to each span's hashed features; 0 = none (default: the shipped setting).",
        HelpName = "DIMS",
    };

    private readonly Option<float?> _weight = new("--token-vector-weight")
    {
        Description = "Norm of the appended span vector (the hashed features have norm 1; default: the shipped setting).",
        HelpName = "W",
    };

    private readonly Option<bool> _heading = new("--token-vector-heading")
    {
        Description = "Also append the token vector of the nearest heading above each span.",
    };

    private readonly Option<bool> _loneSnippets = new("--lone-snippets")
    {
        Description = "Also train on each labelled snippet read alone, as a text of its own, so the model recognises a clause without its contract around it (docs/single-clauses.md).",
    };

    private readonly Option<double?> _ruleDropout = new("--rule-dropout")
    {
        Description = "Training only: leave out a span's rule features with this probability each time it trains, so the words must carry the signal where rules miss (docs/representation.md; default 0).",
        HelpName = "P",
    };

    private readonly Option<double?> _vetoAlone = new("--veto-alone-precision")
    {
        Description = "Let a veto type's model report a span no rule matched, above the lowest threshold whose out-of-fold precision is at least this (docs/representation.md; default 0 = off).",
        HelpName = "P",
    };

    private readonly Option<double?> _trainFraction = new("--train-fraction")
    {
        Description = "With --cross-validate: train each fold on this fraction of its training contracts (a learning curve; default 1).",
        HelpName = "F",
    };

    public IEnumerable<Option> All => [_dims, _weight, _heading, _loneSnippets, _ruleDropout, _vetoAlone, _trainFraction];

    /// <summary>Whether --train-fraction was given (it applies to cross-validation only).</summary>
    public bool HasTrainFraction(ParseResult parse) => parse.GetValue(_trainFraction) is not null;

    /// <summary>The trainer options for the given features, with --lone-snippets, --rule-dropout and --train-fraction when given.</summary>
    public ClauseTrainerOptions Trainer(ParseResult parse, ClauseFeatureOptions features)
    {
        var defaults = new ClauseTrainerOptions();
        var dropout = parse.GetValue(_ruleDropout) ?? defaults.RuleDropout;
        if (!(dropout >= 0 && dropout < 1))
        {
            throw new Core.DealLensException($"--rule-dropout: {dropout} must be at least 0 and below 1");
        }

        var vetoAlone = parse.GetValue(_vetoAlone) ?? defaults.VetoAlonePrecision;
        if (!(vetoAlone >= 0 && vetoAlone <= 1))
        {
            throw new Core.DealLensException($"--veto-alone-precision: {vetoAlone} must be between 0 and 1");
        }

        var fraction = parse.GetValue(_trainFraction) ?? defaults.TrainFraction;
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new Core.DealLensException($"--train-fraction: {fraction} must be above 0 and at most 1");
        }

        return new()
        {
            Features = features,
            LoneSnippets = parse.GetValue(_loneSnippets) || defaults.LoneSnippets,
            RuleDropout = dropout,
            VetoAlonePrecision = vetoAlone,
            TrainFraction = fraction,
        };
    }

    /// <summary>The default feature options with whatever was given on the command line.</summary>
    public ClauseFeatureOptions Apply(ParseResult parse, ClauseFeatureOptions defaults)
    {
        var dims = parse.GetValue(_dims) ?? defaults.TokenVectorDims;
        if (dims < 0)
        {
            throw new Core.DealLensException($"--token-vectors: {dims} is not a number of dimensions (0 or more)");
        }

        var weight = parse.GetValue(_weight) ?? defaults.TokenVectorWeight;
        if (!(weight > 0) || !float.IsFinite(weight))
        {
            throw new Core.DealLensException($"--token-vector-weight: {weight} must be a positive number");
        }

        return defaults with
        {
            TokenVectorDims = dims,
            TokenVectorWeight = weight,
            TokenVectorHeading = parse.GetValue(_heading) || defaults.TokenVectorHeading,
        };
    }
}
