using DealLens.Core.Clauses;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

public sealed class MoneyGraphBuilderTests
{
    private static DocumentAnalysis Analysis(string text, IReadOnlyList<string> parties, string? provider, string? customer, params (string Type, string Sentence, decimal? Amount)[] clauses)
    {
        var list = clauses.Select((c, i) =>
        {
            var start = text.IndexOf(c.Sentence, StringComparison.Ordinal);
            return new Clause("c" + i, c.Type, c.Sentence, 1, start, start + c.Sentence.Length, 0.9, "rules",
                new ClauseFields { Amount = c.Amount, Currency = c.Amount is null ? null : "USD" });
        }).ToList();
        var deal = DealTerms.Empty with { Parties = parties, Provider = provider, Customer = customer };
        return new DocumentAnalysis("doc.txt", "sha", DocumentText.FromPages([text], DocumentFormat.Text), list, deal, [], "rules");
    }

    [Fact]
    public void Build_InvestInWording_InvestorToCompany()
    {
        const string text = "Helios AI Labs, LLC (the \"Company\") signed with Vertex Semiconductor Corp. (\"Vertex\"). Vertex will invest $2 billion in the Company.";
        var analysis = Analysis(text, ["Helios AI Labs, LLC", "Vertex Semiconductor Corp."], null, null,
            (ClauseTypes.EquityInvestment, "Vertex will invest $2 billion in the Company.", 2_000_000_000m));

        var relation = Assert.Single(MoneyGraphBuilder.Build([analysis], CompanyResolver.Empty).Relations);

        Assert.Equal(("vertex semiconductor", "helios ai labs", RelationKind.Equity), (relation.From, relation.To, relation.Kind));
        Assert.Equal(2_000_000_000m, relation.Amount);
    }

    [Fact]
    public void Build_IssuedToWording_IssuerToHolderWithMilestoneVesting()
    {
        const string text = "Helios AI Labs, LLC (the \"Company\") signed with Vertex Semiconductor Corp. (\"Vertex\"). The Company issued to Vertex a warrant which vests as purchases reach milestones.";
        var analysis = Analysis(text, ["Helios AI Labs, LLC", "Vertex Semiconductor Corp."], null, null,
            (ClauseTypes.Warrant, "The Company issued to Vertex a warrant which vests as purchases reach milestones.", null));

        var relation = Assert.Single(MoneyGraphBuilder.Build([analysis], CompanyResolver.Empty).Relations);

        Assert.Equal(("helios ai labs", "vertex semiconductor"), (relation.From, relation.To));
        Assert.True(relation.VestsOnPurchaseMilestones);
        Assert.Null(relation.Amount);
    }

    [Fact]
    public void Build_SellerSellsAndLeasesBack_BuyerToSeller()
    {
        const string text = "Cobalt Cloud Inc. (\"Cobalt\") and Quarry Capital Partners LP (\"Quarry\") signed today. Cobalt will sell its Abilene data centre to Quarry for $1.2 billion and lease it back for fifteen years.";
        var analysis = Analysis(text, ["Cobalt Cloud Inc.", "Quarry Capital Partners LP"], null, null,
            (ClauseTypes.SaleLeaseback, "Cobalt will sell its Abilene data centre to Quarry for $1.2 billion and lease it back for fifteen years.", 1_200_000_000m));

        var relation = Assert.Single(MoneyGraphBuilder.Build([analysis], CompanyResolver.Empty).Relations);

        Assert.Equal(("quarry capital partners", "cobalt cloud", RelationKind.SaleLeaseback), (relation.From, relation.To, relation.Kind));
        Assert.True(RelationKinds.IsFinancing(relation.Kind));
        Assert.Equal(1_200_000_000m, relation.Amount);
    }

    [Fact]
    public void Build_BuyerAcquiresInSaleLeaseback_BuyerToSeller()
    {
        const string text = "Cobalt Cloud Inc. (\"Cobalt\") and Quarry Capital Partners LP (\"Quarry\") signed today. Quarry will acquire 20,000 GPUs from Cobalt in a sale-leaseback transaction.";
        var analysis = Analysis(text, ["Cobalt Cloud Inc.", "Quarry Capital Partners LP"], null, null,
            (ClauseTypes.SaleLeaseback, "Quarry will acquire 20,000 GPUs from Cobalt in a sale-leaseback transaction.", null));

        var relation = Assert.Single(MoneyGraphBuilder.Build([analysis], CompanyResolver.Empty).Relations);

        Assert.Equal(("quarry capital partners", "cobalt cloud"), (relation.From, relation.To));
        Assert.Null(relation.Amount);
    }

    [Fact]
    public void Build_NoDirectionInWording_SkippedWithReason()
    {
        const string text = "Alpha Corp. and Beta Inc. are parties. A loan facility of $5 million is described in Exhibit 10.";
        var analysis = Analysis(text, ["Alpha Corp.", "Beta Inc."], null, null,
            (ClauseTypes.Loan, "A loan facility of $5 million is described in Exhibit 10.", 5_000_000m));

        var graph = MoneyGraphBuilder.Build([analysis], CompanyResolver.Empty);

        Assert.Empty(graph.Relations);
        var skipped = Assert.Single(graph.Skipped);
        Assert.Equal(RelationKind.Loan, skipped.Kind);
        Assert.NotEmpty(skipped.Reason);
    }

    [Fact]
    public void Build_AliasSpellings_OneCompany()
    {
        var a = Analysis("x", ["Beacon AI, Inc.", "Cobalt Cloud, LLC"], "Cobalt Cloud, LLC", "Beacon AI, Inc.");
        var b = Analysis("y", ["Beacon AI OpCo, LLC", "Cobalt Cloud Holdings"], "Cobalt Cloud Holdings", "Beacon AI OpCo, LLC") with { SourcePath = "b.txt", Sha256 = "sha2" };

        var graph = MoneyGraphBuilder.Build([a with { Deal = a.Deal with { TotalValue = new DealValue(1, "USD", true, false) } }, b], CompanyResolver.Empty);

        var beacon = Assert.Single(graph.Companies, c => c.Id == "beacon-ai");
        Assert.Equal(["Beacon AI OpCo, LLC", "Beacon AI, Inc."], beacon.Aliases);
        Assert.Equal(2, graph.Companies.Count);
    }

    private static DocumentAnalysis Purchase(string path, int? year, string sentence, decimal? amount)
    {
        var text = "Cobalt Cloud, LLC (\"Provider\") and Beacon AI, Inc. (\"Customer\"). " + sentence;
        var analysis = Analysis(text, ["Beacon AI, Inc.", "Cobalt Cloud, LLC"], "Cobalt Cloud, LLC", "Beacon AI, Inc.", (ClauseTypes.TakeOrPay, sentence, amount));
        return analysis with
        {
            SourcePath = path,
            Sha256 = "sha-" + path,
            Deal = analysis.Deal with { EffectiveDate = year is { } y ? new DateOnly(y, 1, 1) : null },
        };
    }

    [Fact]
    public void Build_EightKRestatingContract_OneRelationWithLatestAmount()
    {
        var contract = Purchase("msa.txt", 2025, "Customer shall pay $8 billion whether or not it uses the capacity.", 8_000_000_000m);
        var eightK = Purchase("8k.txt", 2026, "Customer committed to pay $9 billion for capacity on a take-or-pay basis.", 9_000_000_000m);

        var relation = Assert.Single(MoneyGraphBuilder.Build([contract, eightK], CompanyResolver.Empty).Relations);

        Assert.Equal(9_000_000_000m, relation.Amount);
        Assert.Equal(["8k.txt", "msa.txt"], relation.Documents);
    }

    [Fact]
    public void Build_RestatementWithoutDates_LargestAmountNotSum()
    {
        var contract = Purchase("msa.txt", null, "Customer shall pay $8 billion whether or not it uses the capacity.", 8_000_000_000m);
        var eightK = Purchase("8k.txt", 2026, "Customer committed to pay $7 billion for capacity on a take-or-pay basis.", 7_000_000_000m);

        var relation = Assert.Single(MoneyGraphBuilder.Build([contract, eightK], CompanyResolver.Empty).Relations);

        Assert.Equal(8_000_000_000m, relation.Amount);
    }

    [Fact]
    public void Build_LaterAmendmentExpandsDeal_AmountsAdd()
    {
        var contract = Purchase("msa.txt", 2025, "Customer shall pay $8 billion whether or not it uses the capacity.", 8_000_000_000m);
        var amendment = Purchase("amendment.txt", 2026, "The amendment expands the deal: Customer shall pay an additional $2 billion.", 2_000_000_000m);

        var relation = Assert.Single(MoneyGraphBuilder.Build([contract, amendment], CompanyResolver.Empty).Relations);

        Assert.Equal(10_000_000_000m, relation.Amount);
        Assert.Equal(["amendment.txt", "msa.txt"], relation.Documents);
    }

    [Fact]
    public void Build_ExpansionOfUnknownSize_AmountStaysUnknown()
    {
        var contract = Purchase("msa.txt", 2025, "Customer shall pay $8 billion whether or not it uses the capacity.", 8_000_000_000m);
        var amendment = Purchase("amendment.txt", 2026, "The amendment expands the deal with additional capacity.", null);

        var relation = Assert.Single(MoneyGraphBuilder.Build([contract, amendment], CompanyResolver.Empty).Relations);

        Assert.Null(relation.Amount);
    }

    [Fact]
    public void Build_RestatementsWithUnknownAmounts_AmountStaysUnknown()
    {
        var contract = Purchase("msa.txt", 2025, "Customer shall pay for the capacity whether or not it uses it.", null);
        var eightK = Purchase("8k.txt", 2026, "Customer committed to pay for capacity on a take-or-pay basis.", null);

        var relation = Assert.Single(MoneyGraphBuilder.Build([contract, eightK], CompanyResolver.Empty).Relations);

        Assert.Null(relation.Amount);
        Assert.Equal(2, relation.Documents.Count);
    }
}
