using DealLens.Core.Reports;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Reports;

public sealed class ReportTextTests
{
    private static Report ReportOf(RiskReport risk)
        => ReportBuilder.Build(ReportScope.All, [], new MoneyGraph([], [], []), risk, ReviewStatuses.None, new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public void WriteRisk_EverySection_OneFormatForMoneyPercentAndSeverity()
    {
        // Arrange
        var equity = new MoneyRelation("r1", "a", "b", RelationKinds.Equity, 3_000_000_000m, "USD", true, false, false, [new("x.txt", null, "q")]);
        var purchase = new MoneyRelation("r2", "b", "a", RelationKinds.Purchase, null, null, false, true, false, [new("y.txt", null, "q")]);
        var cycle = new FinancingCycle("vendor_equity_for_purchase", Severity.High, "a", ["a", "b"], ["Alpha", "Beta"], [equity, purchase],
            3_000_000_000m, 10_000_000_000m, 0.3m, null, true, ["x.txt", "y.txt"]);
        var revenue = new RevenueConcentration("f", "Filer Inc.", "Customer A", null, 1, 12.25m, "2024", Severity.Medium,
            new DisclosureEvidence("10k.txt", 3, 0, 5, "Customer A accounted for 12.25%"));
        var deal = new DealRisk("x.txt", Severity.High, 3, 10_000_000_000m, 10_000_000_000m, "USD", 10_000_000_000m, 60,
            [new DealFlag("take_or_pay", Severity.High, "take-or-pay obligation of $10B", null)]);
        var risk = new RiskReport([], [cycle], [deal], [new SkippedRelation("y.txt", null, "loan", "direction not stated", "q")], [revenue]);

        // Act
        var text = ReportText.WriteRisk(ReportOf(risk));

        // Assert
        Assert.Equal(
            """
            Circular financing (1)
              HIGH   Alpha -> Beta -> Alpha  [vendor_equity_for_purchase]
                   circularity 0.30; financing vests on purchase milestones
                   Alpha -> Beta: equity $3B  (x.txt)
                   Beta -> Alpha: purchase redacted (non-binding)  (y.txt)

            Customer concentration (0 providers)

            Revenue concentration (disclosed) (1)
              MEDIUM Filer Inc.: Customer A (#1) 12.25 % of revenue (2024)
                   10k.txt p.3: "Customer A accounted for 12.25%"

            Deal risks (1 documents)
              HIGH   x.txt  (score 3)
                   high   take-or-pay obligation of $10B

            Left out (1: direction or parties not stated)
              loan in y.txt: direction not stated

            """.ReplaceLineEndings("\n"),
            text);
    }

    [Fact]
    public void WriteRisk_Nothing_SectionsWithZeroCounts()
        => Assert.Equal(
            "Circular financing (0)\n\nCustomer concentration (0 providers)\n\nRevenue concentration (disclosed) (0)\n\nDeal risks (0 documents)\n",
            ReportText.WriteRisk(ReportOf(new RiskReport([], [], [], [], []))));
}
