using DealLens.Core.Risk;
using static DealLens.Tests.TestSupport.ProseRelations;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 items 3 and 7, fifth round: relations whose parties stand in different sentences (a pronoun or "the
/// company" for the previous sentence's subject, the investors named after a round is told), a relative clause that
/// holds another party, gapped owners, datelines and headlines, goods the seller builds for the buyer to integrate,
/// and loops that close through a vehicle's owner. Every sentence is written for these tests with invented companies.
/// </summary>
public sealed class Issue18CrossSentenceRelationsTests
{
    [Fact]
    public void Issue18_Read_ItOpeningASentence_IsThePreviousSubject()
    {
        var relations = Read("Tallowmere LLC will anchor the first building. It has agreed to lease 200 MW from Brightfold Energy LLC for 12 years.");

        Assert.True(Has(relations, RelationKind.Lease, "Tallowmere LLC", "Brightfold Energy LLC"));
    }

    [Fact]
    public void Issue18_Read_TheCompanyWithNoSpeaker_IsThePreviousSubject()
    {
        var relations = Read("Quarry Labs LLC is moving its data platform onto Pellucid Corporation's cloud. In return for a board seat, Pellucid Corporation is putting $2 billion into the company.");

        Assert.True(Has(relations, RelationKind.Equity, "Pellucid Corporation", "Quarry Labs LLC"));
        Assert.True(Has(relations, RelationKind.Purchase, "Quarry Labs LLC", "Pellucid Corporation"));
    }

    [Fact]
    public void Issue18_Read_TheCompanyWithASpeaker_StaysTheSpeaker()
    {
        var relations = Read("Vantora LLC today announced a partnership with Quillby Corporation The company will buy 5,000 GPUs from Quillby Corporation");

        Assert.True(Has(relations, RelationKind.Purchase, "Vantora LLC", "Quillby Corporation"));
    }

    [Fact]
    public void Issue18_Read_InvestorsNamedAfterTheRound_InvestInTheIssuer()
    {
        var relations = Read("Vantora LLC today announced that it has closed a $900 million Series C financing. Investors include Redwood Peak LLC and Harlow Capital LP. Kestrel Systems LLC also took part.");

        Assert.True(Has(relations, RelationKind.Equity, "Redwood Peak LLC", "Vantora LLC"));
        Assert.True(Has(relations, RelationKind.Equity, "Harlow Capital LP", "Vantora LLC"));
        Assert.True(Has(relations, RelationKind.Equity, "Kestrel Systems LLC", "Vantora LLC"));
    }

    [Fact]
    public void Issue18_Read_ParticipantsWithAnotherParty_AreNotRoundInvestors()
    {
        var relations = Read("Vantora LLC has closed a $900 million Series C financing. Kestrel Systems LLC also invested in Marrow Labs Corporation");

        Assert.False(Has(relations, RelationKind.Equity, "Kestrel Systems LLC", "Vantora LLC"));
    }

    [Fact]
    public void Issue18_Read_PartyInsideARelativeClause_IsNotTheMainVerbsSubject()
    {
        var relations = Read("Orbitron LLC, which will supply Quillby Corporation with 10,000 GPUs from May, gets most of its GPUs from Zephyr Corporation");

        Assert.True(Has(relations, RelationKind.Purchase, "Orbitron LLC", "Zephyr Corporation"));
        Assert.True(Has(relations, RelationKind.Purchase, "Quillby Corporation", "Orbitron LLC"));
        Assert.False(Has(relations, RelationKind.Purchase, "Quillby Corporation", "Zephyr Corporation"));
    }

    [Fact]
    public void Issue18_Read_WhoseClause_IsAboutTheSubject()
    {
        var relations = Read("Harlow Cloud LLC sold $300 million of new shares. The company intends to use the money to expand its regional hosting business, whose GPU clusters are built on Zephyr Corporation accelerators.");

        Assert.True(Has(relations, RelationKind.Purchase, "Harlow Cloud LLC", "Zephyr Corporation"));
    }

    [Fact]
    public void Issue18_Read_GappedOwner_OwnsTheSameCompany()
    {
        var relations = Read("Harlow Capital LP will own 70% of Quillby Corporation and Kestrel Systems LLC the remaining 30%.");

        Assert.True(Has(relations, RelationKind.Equity, "Harlow Capital LP", "Quillby Corporation"));
        Assert.True(Has(relations, RelationKind.Equity, "Kestrel Systems LLC", "Quillby Corporation"));
        Assert.False(Has(relations, RelationKind.Equity, "Harlow Capital LP", "Kestrel Systems LLC"));
    }

    [Fact]
    public void Issue18_Read_GoodsTheBuyerIntegrates_ArePurchasedFromTheirMaker()
    {
        var relations = Read("Orbitron LLC will build custom CPUs that Zephyr Corporation will integrate into its servers.");

        Assert.True(Has(relations, RelationKind.Purchase, "Zephyr Corporation", "Orbitron LLC"));
    }

    [Fact]
    public void Issue18_Read_PassiveInvestment_RunsFromTheAgent()
    {
        var relations = Read("Up to $40 billion is to be invested in Quillby Corporation by Zephyr Corporation in stages.");

        Assert.True(Has(relations, RelationKind.Equity, "Zephyr Corporation", "Quillby Corporation"));
    }

    [Fact]
    public void Issue18_Read_LightVerbInvestment_IsEquity()
    {
        var relations = Read("Pellucid Corporation today announced a $750 million investment in Marrow Labs Corporation for a minority stake.");

        Assert.True(Has(relations, RelationKind.Equity, "Pellucid Corporation", "Marrow Labs Corporation"));
    }

    [Fact]
    public void Issue18_Companies_DatelinePlaces_AreNotCompanies()
    {
        var text = "DOVER, Del., March 3, 2026 -- Vantora LLC today announced a supply agreement.";
        var companies = new ProseCompanies(text, null, CompanyResolver.Bundled);

        Assert.DoesNotContain(companies.Mentions, m => m.Name.StartsWith("Del", StringComparison.Ordinal) || m.Name.StartsWith("DOVER", StringComparison.Ordinal));
        Assert.Equal(CompanyResolver.Bundled.Resolve("Vantora LLC"), CompanyResolver.Bundled.Resolve(ProseCompanies.Announcer(text, CompanyResolver.Bundled) ?? ""));
    }

    [Fact]
    public void Issue18_Companies_NationalityInADescription_IsNoCompany()
    {
        var companies = new ProseCompanies("The Finnish group has agreed to buy equipment from Zephyr Corporation", null, CompanyResolver.Bundled);

        Assert.DoesNotContain(companies.Mentions, m => m.Name == "Finnish");
    }

    [Fact]
    public void Issue18_Read_HeadlineWithoutFullStop_IsItsOwnSentence()
    {
        // Joined to the dateline sentence, the headline's company would become the subject of "invested".
        var relations = Read("Zephyr Corporation hires Quillby Corporation for chips\n\nSAN JOSE, May 4 (DealWire) - Harlow Capital LP has invested $200 million in Quillby Corporation");

        Assert.True(Has(relations, RelationKind.Equity, "Harlow Capital LP", "Quillby Corporation"));
        Assert.False(Has(relations, RelationKind.Equity, "Zephyr Corporation", "Quillby Corporation"));
    }

    private static MoneyRelation Rel(string from, string to, RelationKind kind)
        => new($"{from}-{to}-{kind}", from, to, kind, null, null, true, false, false, [new RelationEvidence("doc.txt", null, "quote")]);

    private static MoneyGraph Graph(params MoneyRelation[] relations)
    {
        var keys = relations.SelectMany(r => new[] { r.From, r.To }).Distinct().Order(StringComparer.Ordinal);
        return new MoneyGraph(keys.Select(k => new Company(k, k, k, [k])).ToList(), relations, []);
    }

    private const string Venture = "joint venture of halden (unnamed)";

    [Fact]
    public void Issue18_Cycles_LeaseFromAVentureItOwns_ClosesThroughTheOwner()
    {
        var graph = Graph(Rel("halden", Venture, RelationKind.Equity), Rel("halden", Venture, RelationKind.Lease), Rel("ostrava", Venture, RelationKind.Equity));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Equal(CycleKinds.LeaseFromOwnVehicle, cycle.Kind);
        Assert.Equal(["halden", Venture], cycle.Companies);
        Assert.Contains(cycle.Relations, r => r.Kind == RelationKind.Equity && r.From == "halden");
    }

    [Fact]
    public void Issue18_Cycles_OwnersStakesAlone_MakeNoLoop()
    {
        var graph = Graph(Rel("halden", Venture, RelationKind.Equity), Rel("ostrava", Venture, RelationKind.Equity), Rel("halden", "ostrava", RelationKind.Equity));

        Assert.Empty(new RiskScorer().Cycles(graph));
    }

    [Fact]
    public void Issue18_Cycles_BackstopThroughAVenturesParent_IsBackstopForWarrants()
    {
        // The guarantor backstops the tenant of a venture whose parent issued the guarantor warrants.
        var graph = Graph(
            Rel("grove", "tenantco", RelationKind.Backstop),
            Rel("tenantco", Venture, RelationKind.Lease),
            Rel("halden", Venture, RelationKind.Equity),
            Rel("halden", "grove", RelationKind.Warrant));

        var cycle = Assert.Single(new RiskScorer().Cycles(graph));

        Assert.Equal(CycleKinds.BackstopForWarrants, cycle.Kind);
        Assert.Equal(4, cycle.Companies.Count);
    }

    [Fact]
    public void Issue18_Cycles_NamedCompanyStake_IsNoStepBack()
    {
        // Only vehicles pass money to their owners: a stake in a named company and a loan to it are no loop.
        var graph = Graph(Rel("magna", "orbitron", RelationKind.Equity), Rel("magna", "orbitron", RelationKind.Loan));

        Assert.Empty(new RiskScorer().Cycles(graph));
    }
}
