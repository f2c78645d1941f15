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

    public IEnumerable<Option> All => [_dims, _weight, _heading, _loneSnippets];

    /// <summary>The trainer options for the given features, with --lone-snippets when given.</summary>
    public ClauseTrainerOptions Trainer(ParseResult parse, ClauseFeatureOptions features)
        => new() { Features = features, LoneSnippets = parse.GetValue(_loneSnippets) || new ClauseTrainerOptions().LoneSnippets };

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
