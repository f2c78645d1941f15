using DealLens.Core.Documents;
using DealLens.Core.Risk;
using static DealLens.Tests.TestSupport.ProseRelations;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 items 3, 5 and 7, fourth round: who speaks in a filing excerpt with a plain-text cover, verb frames whose
/// object decides the relation (a holding, rent, warrants over a named company's shares, a sale of shares told as a
/// noun), and concentration sentences with an appositive customer, a compared period and a list broken over two lines.
/// Every sentence is written for these tests with invented companies.
/// </summary>
public sealed class Issue18ClauseFramesTests
{
    [Theory]
    [InlineData("HARROW COMPUTE, INC.\nFORM 10-Q\n\nNote 9. Leases\n", "HARROW COMPUTE, INC.")]
    [InlineData("UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nFORM 6-K\nCorvane Labs N.V.\n\nOn May 2 we signed.", "Corvane Labs N.V.")]
    public void Issue18_Registrant_NameLineNextToFormLine_IsTheFiler(string text, string expected)
        => Assert.Equal(expected, FormCover.Registrant(text));

    [Theory]
    [InlineData("FORM 10-K\n\nItem 1. Business\nWe design chips.")]
    [InlineData("The quarterly report on Form 10-Q of Harrow Compute describes the leases.")]
    public void Issue18_Registrant_NoNameLineBesideTheForm_IsNull(string text)
        => Assert.Null(FormCover.Registrant(text));

    [Fact]
    public void Issue18_Read_PlainTextCover_GivesTheCompanyItsName()
    {
        var relations = Read("QUILLON SYSTEMS CORPORATION\nFORM 10-Q\n\nNote 5. Revenue\n\nThe Company signed a contract with Marrow Labs under which Marrow Labs will pay the Company approximately $4 billion for capacity over six years.");

        Assert.True(Has(relations, RelationKind.Purchase, "Marrow Labs", "Quillon Systems Corporation"));
    }

    [Fact]
    public void Issue18_Read_PaymentNamedAsRent_IsALease()
    {
        var relations = Read("Brightfold Cloud signed two colocation agreements with Ostrava Power, under which Brightfold Cloud will pay Ostrava Power about $2.1 billion in contracted rent over ten years.");

        Assert.True(Has(relations, RelationKind.Lease, "Brightfold Cloud", "Ostrava Power"));
        Assert.False(Has(relations, RelationKind.Purchase, "Brightfold Cloud", "Ostrava Power"));
    }

    [Fact]
    public void Issue18_Read_PaymentForCapacity_StaysAPurchase()
    {
        var relations = Read("Brightfold Cloud will pay Ostrava Power about $2.1 billion for GPU capacity over ten years.");

        Assert.True(Has(relations, RelationKind.Purchase, "Brightfold Cloud", "Ostrava Power"));
    }

    [Theory]
    [InlineData("Pellucid Chips holds an investment in Harrow Compute valued at about $9 billion.")]
    [InlineData("Pellucid Chips owns roughly 12% of Harrow Compute after the round.")]
    [InlineData("Pellucid Chips, which kept a minority stake in Harrow Compute, was not repaid.")]
    public void Issue18_Read_Holding_IsEquityFromHolderToCompany(string sentence)
        => Assert.True(Has(Read(sentence), RelationKind.Equity, "Pellucid Chips", "Harrow Compute"));

    [Fact]
    public void Issue18_Read_WarrantsOverANamedCompanysShares_ComeFromThatCompany()
    {
        var relations = Read("As part of the deal, Corvane Labs is receiving warrants for about 9 million Ostrava Power shares.");

        Assert.True(Has(relations, RelationKind.Warrant, "Ostrava Power", "Corvane Labs"));
    }

    [Fact]
    public void Issue18_Read_SaleOfSharesToNamedInvestors_IsEquityFromEachInvestor()
    {
        var relations = Read("Harrow Compute completed the sale of $450 million of new ordinary shares to a group of investors led by Pellucid Chips and Marrow Labs.");

        Assert.True(Has(relations, RelationKind.Equity, "Pellucid Chips", "Harrow Compute"));
        Assert.True(Has(relations, RelationKind.Equity, "Marrow Labs", "Harrow Compute"));
    }

    [Fact]
    public void Issue18_Read_LowerCaseTheCompanyInARelease_IsTheAnnouncer()
    {
        var relations = Read("Ostrava Power (Nasdaq: OSTP) today announced a new lease.\n\nSeparately, the company closed a $75 million debt financing with Kestrel Bank.");

        Assert.True(Has(relations, RelationKind.Loan, "Kestrel Bank", "Ostrava Power"));
    }

    [Fact]
    public void Issue18_Read_UnnamedVehicleManagedBySponsor_IsOneCompanyThatBuysAndLeases()
    {
        var relations = Read("A special purpose vehicle managed by Kestrel Partners will buy Pellucid Chips accelerators and lease them to Harrow Compute for four years. The vehicle is funded with $3 billion of debt.");

        var vehicle = Assert.Single(relations, r => r.Kind == RelationKind.Purchase).From;
        Assert.Contains("vehicle", vehicle, StringComparison.Ordinal);
        Assert.Contains("Kestrel Partners", vehicle, StringComparison.Ordinal);
        Assert.True(Has(relations, RelationKind.Purchase, vehicle, "Pellucid Chips"));
        Assert.True(Has(relations, RelationKind.Lease, "Harrow Compute", vehicle));
        Assert.DoesNotContain(relations, r => r.From == "Kestrel Partners" || r.To == "Kestrel Partners");
    }

    [Fact]
    public void Issue18_Read_JointVentureReferredToLater_IsTheSameCompany()
    {
        var relations = Read("Ostrava Power contributed its Larch campus to a newly formed joint venture. Marrow Labs will own 70% of the joint venture, and Ostrava Power will lease the buildings from the venture.");

        var owned = Assert.Single(relations, r => r.Kind == RelationKind.Equity && r.From == "Marrow Labs").To;
        Assert.Contains("joint venture of Ostrava Power", owned, StringComparison.Ordinal);
        Assert.True(Has(relations, RelationKind.Equity, "Ostrava Power", owned));
        Assert.DoesNotContain(relations, r => r.Kind == RelationKind.Equity && r.To == "Ostrava Power");
        Assert.True(Has(relations, RelationKind.Lease, "Ostrava Power", owned));
    }

    [Fact]
    public void Issue18_Read_TheEquityOfAVehicleJustDescribed_IsEquityInTheVehicle()
    {
        var relations = Read("Harrow Compute is renting its next cluster from a special purpose vehicle that will buy Pellucid Chips processors. The vehicle's $9 billion comes from $3 billion of equity and $6 billion of debt, and Pellucid Chips has agreed to contribute $1 billion of the equity.");

        var vehicle = Assert.Single(relations, r => r.Kind == RelationKind.Purchase).From;
        Assert.True(Has(relations, RelationKind.Equity, "Pellucid Chips", vehicle));
    }

    [Theory]
    [InlineData("Harrow Compute is backed by a venture capital firm and sees the deal as a vehicle for growth.")]
    [InlineData("Harrow Compute's joint venture partner declined to comment.")]
    public void Issue18_Read_VentureCapitalOrFigurativeVehicle_IsNoCompany(string sentence)
        => Assert.DoesNotContain(Read(sentence), r => r.From.Contains("unnamed", StringComparison.Ordinal) || r.To.Contains("unnamed", StringComparison.Ordinal));

    private static IReadOnlyList<DisclosedRevenueShare> Shares(string text, string? filer = "Cobalt Cloud")
        => RevenueConcentrationReader.Read(DocumentText.FromPages([text], DocumentFormat.Text), filer);

    [Fact]
    public void Issue18_Concentration_NamedCustomerWithRoleAppositive_IsTheNamedCustomer()
    {
        var shares = Shares("Marrow Labs, our largest customer, represented approximately 58% of our revenue for the year ended December 31, 2025, compared with 31% for the year ended December 31, 2024.");

        Assert.Contains(shares, s => s.Customer == "Marrow Labs" && s.Percent == 58m && s.Period!.Contains("2025", StringComparison.Ordinal));
        Assert.Contains(shares, s => s.Customer == "Marrow Labs" && s.Percent == 31m && s.Period!.Contains("2024", StringComparison.Ordinal));
        Assert.DoesNotContain(shares, s => s.Customer == RevenueConcentrationReader.Unnamed);
    }

    [Fact]
    public void Issue18_Concentration_ListBrokenOverTwoLines_PairsEachCustomerWithItsShare()
    {
        var shares = Shares("For the third quarter of fiscal year 2025, Customer C and\nCustomer D represented 21% and 13% of total revenue, respectively.");

        Assert.Contains(shares, s => s.Label == "Customer C" && s.Percent == 21m);
        Assert.Contains(shares, s => s.Label == "Customer D" && s.Percent == 13m);
    }

    [Fact]
    public void Issue18_Concentration_HeadingLinesWithADate_AreNotPartOfTheCustomer()
    {
        var shares = Shares("Concentration of Risk\n12 Months Ended\nMar. 31, 2025\nMajor customers\nQuillon Systems accounted for 44% of the Company's revenue for the year ended March 31, 2025.");

        Assert.Contains(shares, s => s.Customer == "Quillon Systems" && s.Percent == 44m);
    }

    [Fact]
    public void Issue18_Concentration_TwoCustomersTogether_IsNeverACompany()
    {
        var shares = Shares("Our two largest customers together accounted for 70% of revenue in 2025.");

        Assert.All(shares, s => Assert.Equal(RevenueConcentrationReader.Unnamed, s.Customer));
    }
}
