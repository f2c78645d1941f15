using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Pipeline;
using DealLens.Core.Risk;

namespace DealLens.Core.Review;

/// <summary>
/// Lays reviewers' decisions over what the extractors found, so every score and report uses the reviewed values:
/// rejected clauses are removed, edited types and fields replace the extracted ones, rejected cycles are dropped.
/// </summary>
public static class ReviewOverlay
{
    /// <summary>
    /// The analysis as reviewed. Items of other documents, open items and items no longer bound to a clause change
    /// nothing. Rejected deal terms leave the document with no deal terms (its clauses stay).
    /// </summary>
    public static DocumentAnalysis Apply(DocumentAnalysis analysis, IEnumerable<ReviewItem> items)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(items);
        var mine = items.Where(i => i.DocumentSha256 == analysis.Sha256).ToList();
        if (mine.Count == 0)
        {
            return analysis;
        }

        var byClause = mine.Where(i => i.Kind == ReviewItemKind.Clause && i.ClauseId is not null)
            .GroupBy(i => i.ClauseId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var clauses = new List<Clause>(analysis.Clauses.Count);
        foreach (var clause in analysis.Clauses)
        {
            if (!byClause.TryGetValue(clause.Id, out var item))
            {
                clauses.Add(clause);
            }
            else if (item.Status != ReviewStatus.Rejected)
            {
                clauses.Add(Apply(clause, item.Overrides));
            }
        }

        var deal = analysis.Deal;
        if (mine.FirstOrDefault(i => i.Kind == ReviewItemKind.DealTerms) is { } dealItem)
        {
            deal = dealItem.Status == ReviewStatus.Rejected ? DealTerms.Empty : Apply(deal, dealItem.Overrides);
        }

        return analysis with { Clauses = clauses, Deal = deal };
    }

    /// <summary>The clause with a reviewer's type and field corrections; its id and quote stay.</summary>
    public static Clause Apply(Clause clause, ReviewOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(clause);
        ArgumentNullException.ThrowIfNull(overrides);
        overrides = ReviewEdits.WithinBounds(overrides);
        if (!overrides.HasAny)
        {
            return clause;
        }

        var fields = clause.Fields with
        {
            Amount = overrides.Amount ?? clause.Fields.Amount,
            Currency = overrides.Currency ?? clause.Fields.Currency,
            Months = overrides.TermMonths ?? clause.Fields.Months,
            // A reviewer who states the amount has seen it: it is no longer unknown.
            Redacted = overrides.Amount is not null ? null : clause.Fields.Redacted,
        };
        return clause with { Type = overrides.Type ?? clause.Type, Fields = fields };
    }

    /// <summary>
    /// The deal terms with a reviewer's corrections. An amount with no stored value makes a binding value in the
    /// given (else USD) currency; the provider and customer are kept only if the corrected parties still name them.
    /// </summary>
    public static DealTerms Apply(DealTerms deal, ReviewOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(overrides);
        overrides = ReviewEdits.WithinBounds(overrides);
        if (!overrides.HasAny)
        {
            return deal;
        }

        var value = deal.TotalValue;
        if (overrides.Amount is not null || overrides.Currency is not null || overrides.Binding is not null)
        {
            value = value is null
                ? new DealValue(overrides.Amount, overrides.Currency ?? "USD", overrides.Binding ?? true, Redacted: false)
                : new DealValue(
                    overrides.Amount ?? value.Amount,
                    overrides.Currency ?? value.Currency,
                    overrides.Binding ?? value.Binding,
                    overrides.Amount is null && value.Redacted);
        }

        var parties = overrides.Parties ?? deal.Parties;
        return deal with
        {
            TotalValue = value,
            TermMonths = overrides.TermMonths ?? deal.TermMonths,
            Parties = parties,
            Provider = parties.Contains(deal.Provider ?? "", StringComparer.Ordinal) ? deal.Provider : null,
            Customer = parties.Contains(deal.Customer ?? "", StringComparer.Ordinal) ? deal.Customer : null,
        };
    }

    /// <summary>The report without the cycles reviewers rejected (named by <see cref="ReviewItemIds.CycleSubject"/>).</summary>
    public static RiskReport WithoutRejectedCycles(RiskReport report, IEnumerable<string> rejectedCycleSubjects)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rejectedCycleSubjects);
        var rejected = rejectedCycleSubjects.ToHashSet(StringComparer.Ordinal);
        return rejected.Count == 0
            ? report
            : report with { Cycles = report.Cycles.Where(c => !rejected.Contains(ReviewItemIds.CycleSubject(c))).ToList() };
    }
}
