using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Reports;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Reports;

/// <summary>A one-document report built through the real builder, with a hostile quote and two review decisions.</summary>
internal static class ReportSamples
{
    public const string HostileQuote = "Pay $250,000,000, \"firm\" <script>alert(1)</script><img src=x onerror=alert(2)>";

    public static Report Small()
    {
        var text = "Preamble. " + HostileQuote + " The rest. Total value $1 billion.";
        var start = 10;
        var clause = new Clause("c1", ClauseTypes.TakeOrPay, HostileQuote, 2, start, start + HostileQuote.Length, 0.9, "rules",
            new ClauseFields { Amount = 250_000_000m, Currency = "USD" });
        var valueAt = text.IndexOf("$1 billion", StringComparison.Ordinal);
        var deal = DealTerms.Empty with
        {
            Parties = ["Alpha Inc.", "Beta LLC"],
            TotalValue = new DealValue(1_000_000_000m, "USD", true, false),
            Evidence = [new FieldEvidence(DealTermFields.TotalValue, 2, valueAt, valueAt + 10, "$1 billion")],
        };
        var analysis = new DocumentAnalysis("docs/a.txt", "abc123", DocumentText.FromPages([text], DocumentFormat.Text), [clause], deal, [], "rules");
        var graph = new MoneyGraph([], [], []);
        var risk = new RiskScorer().Score(graph, [analysis]);
        var reviews = new ReviewStatuses([new(("abc123", "c1"), "accepted")], [new("abc123", "edited")]);
        return ReportBuilder.Build(ReportScope.All, [analysis], graph, risk, reviews, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }
}
