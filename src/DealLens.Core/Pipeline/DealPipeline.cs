using System.Security.Cryptography;
using System.Text;
using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Core.Pipeline;

/// <summary>Runs the analysis stages on one document's text: clauses, then deal terms.</summary>
public sealed class DealPipeline
{
    private readonly IClauseExtractor _clauseExtractor;
    private readonly IDealTermsExtractor _dealTermsExtractor;

    public DealPipeline(IClauseExtractor clauseExtractor, IDealTermsExtractor dealTermsExtractor)
    {
        ArgumentNullException.ThrowIfNull(clauseExtractor);
        ArgumentNullException.ThrowIfNull(dealTermsExtractor);
        _clauseExtractor = clauseExtractor;
        _dealTermsExtractor = dealTermsExtractor;
    }

    public string ExtractorName => _clauseExtractor.Name;

    public async Task<DocumentAnalysis> AnalyzeAsync(
        string sourcePath, string sha256, DocumentText document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ClauseExtraction extraction;
        DealTermsResult deal;
        try
        {
            extraction = await _clauseExtractor.ExtractWithWarningsAsync(document, cancellationToken);
            deal = await _dealTermsExtractor.ExtractAsync(document, cancellationToken);
        }
        catch (DealLensException ex) when (!ex.Message.StartsWith(sourcePath + ":", StringComparison.Ordinal))
        {
            // An extractor refusing a document (a model that failed under --no-fallback) does not know its name.
            throw new DealLensException($"{sourcePath}: {ex.Message}", ex);
        }

        // A heading or title ("1. Backstop.", "MINIMUM PURCHASE COMMITMENT") names a clause but binds nobody, a
        // definition that only points elsewhere states no term, and a deal's stated value commits to no minimum.
        var grounded = extraction.Clauses
            .Where(c => IsGrounded(document.Text, c) && !HeadingDetector.IsHeading(c.Text) && !ClauseShape.IsDefinitionReference(c.Text)
                && !(c.Type == ClauseTypes.MinimumCommitment && CommitmentReader.StatesOnlyValue(c.Text)))
            .ToList();
        // The model reads commitments itself; the stated-commitment rules complete the embedded extractor only. In a
        // contract, whose commitments the clause extractor reads, they add only a sentence that commits to an amount.
        var origin = DocumentOriginReader.Read(document);
        if (!_clauseExtractor.Name.StartsWith("llm", StringComparison.Ordinal))
        {
            grounded.AddRange(StatedCommitments(document, grounded, requireAmount: origin.Kind == DocumentKinds.Contract));
        }

        var clauses = grounded
            .Select(c => c with
            {
                Id = ClauseId(sha256, c),
                Fields = ClauseAmounts.KeepDealAmount(c.Text, c.Fields.IsEmpty ? ClauseFieldReader.Read(c.Type, c.Text) : c.Fields),
            })
            .OrderBy(c => c.Start).ThenBy(c => c.End).ThenBy(c => c.Type, StringComparer.Ordinal)
            .ToList();
        var warnings = document.Warnings.Concat(extraction.Warnings).Concat(deal.Warnings).ToList();
        return new DocumentAnalysis(sourcePath, sha256, document, clauses, deal.Terms, warnings, _clauseExtractor.Name)
        {
            Origin = origin,
        };
    }

    /// <summary>
    /// Purchase commitments stated in prose ("OpenAI has contracted to purchase $250 billion of Azure services") that
    /// the clause extractor did not already report as a minimum commitment or take-or-pay clause.
    /// </summary>
    private static IEnumerable<Clause> StatedCommitments(DocumentText document, List<Clause> clauses, bool requireAmount)
    {
        var commitments = new SpanIndex<bool>();
        foreach (var c in clauses.Where(c => c.Type is ClauseTypes.MinimumCommitment or ClauseTypes.TakeOrPay))
        {
            commitments.Add(c.Start, c.End, true);
        }

        foreach (var span in CommitmentReader.Read(document.Text))
        {
            if (commitments.Overlapping(span.Start, span.End).Any())
            {
                continue;
            }

            var quote = document.Text[span.Start..span.End];
            var fields = ClauseFieldReader.Read(ClauseTypes.MinimumCommitment, quote);
            if (!requireAmount || fields.Amount is not null)
            {
                // Added to the clauses as it is read, so a later span it covers is not stated twice.
                commitments.Add(span.Start, span.End, true);
                yield return new Clause(
                    string.Empty, ClauseTypes.MinimumCommitment, quote, document.PageAt(span.Start), span.Start, span.End,
                    StatedCommitmentConfidence, CommitmentExtractor, fields);
            }
        }
    }

    /// <summary>The extractor name of clauses read by <see cref="CommitmentReader"/>.</summary>
    public const string CommitmentExtractor = "rules:commitment";

    private const double StatedCommitmentConfidence = 0.7;

    /// <summary>A clause is kept only when its quote stands verbatim at its offsets.</summary>
    public static bool IsGrounded(string text, Clause clause)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(clause);
        return clause.Start >= 0 && clause.End <= text.Length && clause.Start < clause.End
            && string.CompareOrdinal(text, clause.Start, clause.Text, 0, clause.End - clause.Start) == 0
            && clause.Text.Length == clause.End - clause.Start;
    }

    /// <summary>Stable across runs: the same document, type and span always get the same id.</summary>
    private static string ClauseId(string sha256, Clause clause)
    {
        var key = $"{sha256}:{clause.Type}:{clause.Start}:{clause.End}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }
}
