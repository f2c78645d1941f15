using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Core.Clauses.Learning;

/// <summary>
/// The offline trained extractor: scores every clause-sized span with a <see cref="ClauseModel"/> and reports
/// spans at or above each type's threshold. Tuned for recall; rules bring the precision.
/// </summary>
public sealed class LearnedClauseExtractor : IClauseExtractor
{
    private const int MinWords = 4;

    private readonly ClauseModel _model;

    public LearnedClauseExtractor()
        : this(ClauseModel.LoadDefault())
    {
    }

    public LearnedClauseExtractor(ClauseModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    public string Name => "model";

    public IReadOnlyList<Clause> Extract(DocumentText document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var thresholds = _model.Types.Select(_model.ThresholdOf).ToArray();
        var clauses = new List<Clause>();
        foreach (var scored in _model.Score(document.Text))
        {
            // Tiny spans ("(a) [***]", "Cover page.") take their score from their neighbours; never report them alone.
            if (WordTokenizer.Tokenize(document.Text[scored.Span.Start..scored.Span.End]).Count < MinWords)
            {
                continue;
            }

            for (var t = 0; t < thresholds.Length; t++)
            {
                var probability = scored.Probabilities[t];
                if (probability < thresholds[t])
                {
                    continue;
                }

                var span = scored.Span;
                clauses.Add(new Clause(
                    Id: "",
                    Type: _model.Types[t],
                    Text: document.Text[span.Start..span.End],
                    Page: document.PageAt(span.Start),
                    Start: span.Start,
                    End: span.End,
                    Confidence: Math.Round(Math.Clamp(probability, 0, 1), 4),
                    Extractor: Name,
                    Fields: ClauseFields.None));
            }
        }

        return clauses;
    }

    public Task<IReadOnlyList<Clause>> ExtractAsync(DocumentText document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Extract(document));
    }
}
