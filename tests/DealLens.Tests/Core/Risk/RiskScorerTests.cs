using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

public sealed class RiskScorerTests
{
    private static MoneyRelation Rel(string from, string to, string kind, decimal? amount, bool binding = true, bool redacted = false)
        => new($"{from}-{to}-{kind}", from, to, kind, amount, amount is null ? null : "USD", binding, redacted, false,
            [new RelationEvidence("doc.txt", null, "quote")]);

    private static MoneyGraph Graph(params MoneyRelation[] relations)
    {
        var keys = relations.SelectMany(r => new[] { r.From, r.To }).Distinct().Order(StringComparer.Ordinal);
        return new MoneyGraph(keys.Select(k => new Company(k, k, k.ToUpperInvariant(), [k])).ToList(), relations, []);
    }

    [Fact]
    public void Concentration_SharesAndHhi_MatchHandArithmetic()
    {
        // Provider p: a 60, b 30, c 10 (binding); d 100 headline only. Binding shares .6/.3/.1 -> HHI 3600+900+100 = 4600.
        var graph = Graph(
            Rel("a", "p", RelationKinds.Purchase, 60),
            Rel("b", "p", RelationKinds.Purchase, 30),
            Rel("c", "p", RelationKinds.Purchase, 10),
            Rel("d", "p", RelationKinds.Purchase, 100, binding: false));

        var c = Assert.Single(new RiskScorer().Concentration(graph));

        Assert.Equal(100m, c.Binding.Total);
        Assert.Equal(0.6m, c.Binding.Top1Share);
        Assert.Equal(1m, c.Binding.Top3Share);
        Assert.Equal(4600m, c.Binding.Hhi);
        // Headline: d 100, a 60, b 30, c 10 of 200 -> .5/.3/.15/.05 -> 2500+900+225+25 = 3650.
        Assert.Equal(0.5m, c.Headline.Top1Share);
        Assert.Equal(0.95m, c.Headline.Top3Share);
        Assert.Equal(3650m, c.Headline.Hhi);
        Assert.Equal(Severity.High, c.Severity);
    }

    [Fact]
    public void Concentration_UnknownAmounts_ExcludedAndCounted()
    {
        var graph = Graph(
            Rel("a", "p", RelationKinds.Purchase, 50),
            Rel("b", "p", RelationKinds.Purchase, 50),
            Rel("c", "p", RelationKinds.Purchase, null, redacted: true),
            Rel("d", "p", RelationKinds.Purchase, null));

        var c = Assert.Single(new RiskScorer().Concentration(graph));

        Assert.Equal(0.5m, c.Binding.Top1Share);
        Assert.Equal(2, c.Binding.UnknownAmountRelations);
        Assert.Equal("2 relations with unknown amount not included", c.Binding.Note);
        Assert.DoesNotContain(c.Binding.Customers, s => s.Customer is "c" or "d");
    }

    [Fact]
    public void Concentration_OnlyUnknownAmounts_SharesNullNotZero()
    {
        var c = Assert.Single(new RiskScorer().Concentration(Graph(Rel("a", "p", RelationKinds.Purchase, null, redacted: true))));

        Assert.Null(c.Binding.Top1Share);
        Assert.Null(c.Binding.Hhi);
        Assert.Empty(c.Flags);
    }

    [Fact]
    public void Cycles_VendorEquityForPurchase_RatioIsFinancingOverPurchases()
    {
        var graph = Graph(Rel("v", "l", RelationKinds.Equity, 2), Rel("v", "l", RelationKinds.Loan, 1), Rel("l", "v", RelationKinds.Purchase, 6));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Equal("vendor_equity_for_purchase", cycle.Kind);
        Assert.Equal("v", cycle.Vendor);
        Assert.Equal(3m, cycle.FinancingProvided);
        Assert.Equal(6m, cycle.PurchasesCommitted);
        Assert.Equal(0.5m, cycle.CircularityRatio);
    }

    [Fact]
    public void Cycles_ThreeCompanies_FoundOnceWithVendorFirst()
    {
        var graph = Graph(Rel("v", "l", RelationKinds.Equity, 3), Rel("l", "c", RelationKinds.Purchase, 8), Rel("c", "v", RelationKinds.Purchase, 5));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Equal(["v", "l", "c"], cycle.Companies);
        Assert.Equal(0.6m, cycle.CircularityRatio);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cycles_UnknownOrRedactedAmount_RatioNullNeverZero(bool redacted)
    {
        var graph = Graph(Rel("v", "l", RelationKinds.Equity, null, redacted: redacted), Rel("l", "v", RelationKinds.Purchase, 6));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Null(cycle.FinancingProvided);
        Assert.Null(cycle.CircularityRatio);
        Assert.NotNull(cycle.RatioNote);
    }

    [Fact]
    public void Cycles_UnknownPurchase_RatioNull()
    {
        var graph = Graph(Rel("v", "l", RelationKinds.Equity, 3), Rel("l", "v", RelationKinds.Purchase, null, redacted: true));

        Assert.Null(Assert.Single(new RiskScorer().Cycles(graph)).CircularityRatio);
    }

    [Fact]
    public void Issue18_Cycles_BackstopForWarrants_RelatedPartyCreditSupportNotVendorFinancing()
    {
        // The backstopper sells nothing: the loop is credit support paid in warrants, named as such.
        var graph = Graph(Rel("q", "n", RelationKinds.Backstop, 1500), Rel("n", "q", RelationKinds.Warrant, null));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Equal(CycleKinds.BackstopForWarrants, cycle.Kind);
        Assert.Equal(Severity.Medium, cycle.Severity);
        Assert.DoesNotContain(cycle.Structures, s => s.StartsWith("vendor_", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue18_Cycles_BackstopOfTenantPaidByLandlordsWarrants_ThreeCompanyCreditSupport()
    {
        // g backstops tenant f's lease with landlord t; t pays g in warrants.
        var graph = Graph(Rel("g", "f", RelationKinds.Backstop, 1800), Rel("f", "t", RelationKinds.Lease, null), Rel("t", "g", RelationKinds.Warrant, null));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Equal(CycleKinds.BackstopForWarrants, cycle.Kind);
        Assert.Equal(["g", "f", "t"], cycle.Companies);
        Assert.Equal(3, cycle.Relations.Count);
    }

    [Fact]
    public void Issue18_Cycles_PurchasesBothWays_CapacityBuyback()
    {
        var graph = Graph(Rel("cloud", "chips", RelationKinds.Purchase, 5000), Rel("chips", "cloud", RelationKinds.Purchase, 1300));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Equal(CycleKinds.CapacityBuyback, cycle.Kind);
    }

    [Fact]
    public void Issue18_Cycles_VendorEquityAndCapacityBoughtBack_ListsBothStructures()
    {
        var graph = Graph(
            Rel("chips", "cloud", RelationKinds.Equity, 100),
            Rel("cloud", "chips", RelationKinds.Purchase, 5000),
            Rel("chips", "cloud", RelationKinds.Purchase, 1300));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Equal("vendor_equity_for_purchase", cycle.Kind);
        Assert.Equal(["vendor_equity_for_purchase", CycleKinds.CapacityBuyback], cycle.Structures);
    }

    [Fact]
    public void Issue18_Concentration_OnePricedDeal_ListedButNotScored()
    {
        var graph = Graph(Rel("a", "p", RelationKinds.Purchase, 500), Rel("b", "p", RelationKinds.Purchase, null));

        var c = Assert.Single(new RiskScorer().Concentration(graph));

        Assert.Empty(c.Flags);
        Assert.Equal(Severity.Low, c.Severity);
        Assert.Contains("only 1 priced customer", c.Headline.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Issue18_Concentration_LeasesCountAsCommitments()
    {
        var graph = Graph(Rel("a", "landlord", RelationKinds.Lease, 900), Rel("b", "landlord", RelationKinds.Lease, 100));

        var c = Assert.Single(new RiskScorer().Concentration(graph));

        Assert.Equal(0.9m, c.Headline.Top1Share);
    }

    [Fact]
    public void Cycles_FinancingLoopWithoutPurchaseBackToFinancier_NotCircular()
    {
        // a funds b, b buys from c, c funds a: money into a is financing, not a purchase.
        var graph = Graph(Rel("a", "b", RelationKinds.Equity, 1), Rel("b", "c", RelationKinds.Purchase, 1), Rel("c", "a", RelationKinds.Loan, 1));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        // c's loan to a comes back to c as b's purchase... only through b; the vendor is c.
        Assert.Equal("c", cycle.Vendor);
        Assert.Equal("vendor_loan_for_purchase", cycle.Kind);
    }

    private static DealLens.Core.Deals.DealTerms Deal(IReadOnlyList<string> parties)
        => DealLens.Core.Deals.DealTerms.Empty with { Parties = parties };

    [Theory]
    [InlineData(9.9, "low")]
    [InlineData(10, "medium")]
    [InlineData(49.9, "medium")]
    [InlineData(50, "high")]
    [InlineData(100, "high")]
    public void RevenueSeverity_Thresholds(double percent, string severity)
        => Assert.Equal(severity, Vocabulary.Name(new RiskScorer().RevenueSeverity((decimal)percent)));

    [Fact]
    public void RevenueConcentrations_FilerIsFirstPartyAndCustomerJoinsGraph_MostSevereFirst()
    {
        var text = "Beacon AI accounted for 64% of our revenue. Customer B accounted for 11% of revenue. Customer C accounted for 9.9% of revenue.";
        var analysis = new DealLens.Core.Pipeline.DocumentAnalysis(
            "10q.txt", "sha", DealLens.Core.Documents.DocumentText.FromPages([text], DealLens.Core.Documents.DocumentFormat.Text), [],
            Deal(["Cobalt Cloud Holdings, LLC", "Beacon AI"]), [], "rules");
        var graph = new MoneyGraph(
            [new Company("cobalt-cloud", "cobalt cloud", "Cobalt Cloud", ["Cobalt Cloud Holdings, LLC"]), new Company("beacon-ai", "beacon ai", "Beacon AI", ["Beacon AI"])],
            [], []);

        var found = new RiskScorer().RevenueConcentrations(graph, [analysis]);

        Assert.Equal([Severity.High, Severity.Medium, Severity.Low], found.Select(r => r.Severity));
        Assert.All(found, r => Assert.Equal("cobalt cloud", r.Company));
        Assert.Equal("beacon ai", found[0].CustomerKey);
        Assert.Null(found[1].CustomerKey);
        Assert.Equal("Beacon AI accounted for 64% of our revenue.", found[0].Evidence.Quote);
    }

    [Fact]
    public void RevenueConcentrations_NoParties_CompanyUnknown()
    {
        var analysis = new DealLens.Core.Pipeline.DocumentAnalysis(
            "10q.txt", "sha", DealLens.Core.Documents.DocumentText.FromPages(["One customer accounted for 71% of total revenues."], DealLens.Core.Documents.DocumentFormat.Text), [],
            Deal([]), [], "rules");

        var found = Assert.Single(new RiskScorer().RevenueConcentrations(Graph(), [analysis]));

        Assert.Null(found.Company);
        Assert.Null(found.CompanyName);
    }
}
