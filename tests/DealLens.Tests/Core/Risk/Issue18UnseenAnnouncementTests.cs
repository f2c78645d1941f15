using DealLens.Core.Risk;
using static DealLens.Tests.TestSupport.ProseRelations;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 items 3 and 7, seventh round: shapes found missing on the development halves of the announcement batches
/// (compute rented out to a buyer, a model hosted on a cloud named at the end of its clause, a share of a company's
/// rounds, "the company" inside a clause reported by another company), and party names that are not companies
/// (headings, rating codes, the first word of a defined thing, a cover form's joined lines). Every text is invented.
/// </summary>
public sealed class Issue18UnseenAnnouncementTests
{
    [Fact]
    public void Issue18_Read_ComputeRentedOutToABuyer_IsAPurchaseFromTheRenter()
    {
        var relations = Read("Pellucid Corporation will rent the computing power to Quarry Labs LLC from next spring.");

        Assert.True(Has(relations, RelationKind.Purchase, "Quarry Labs LLC", "Pellucid Corporation"));
    }

    [Fact]
    public void Issue18_Read_ABuildingRentedOut_IsNoPurchase()
    {
        var relations = Read("Harbor Realty LLC will rent the whole building to Quarry Labs LLC for ten years.");

        Assert.False(Has(relations, RelationKind.Purchase, "Quarry Labs LLC", "Harbor Realty LLC"));
    }

    [Fact]
    public void Issue18_Read_ModelHostedOnACloudAtTheClauseEnd_IsAPurchaseOfThatCloud()
    {
        var relations = Read("Quarry Labs LLC will host its newest assistant model on Microsoft Azure.");

        Assert.True(Has(relations, RelationKind.Purchase, "Quarry Labs LLC", "Microsoft"));
    }

    [Fact]
    public void Issue18_Read_HostedOnACloudBeforeMoreWords_NeedsThoseWordsToBeAClauseBreak()
    {
        var relations = Read("Quarry Labs LLC will host a dinner on Pellucid Corporation premises next week.");

        Assert.False(Has(relations, RelationKind.Purchase, "Quarry Labs LLC", "Pellucid Corporation"));
    }

    [Fact]
    public void Issue18_Read_InvestedInBothOfACompanysRounds_IsEquity()
    {
        var relations = Read("Marrowgate Partners LLC invested in both of Quarry Labs LLC's big rounds.");

        Assert.True(Has(relations, RelationKind.Equity, "Marrowgate Partners LLC", "Quarry Labs LLC"));
    }

    [Fact]
    public void Issue18_Read_TheCompanyInAClauseReportedByAnother_IsTheReporter()
    {
        var relations = Read(
            "Zephyr Corporation has become a shareholder in one of its own customers. Quarry Labs LLC, a cloud provider based in Ohio, said Zephyr Corporation and Harlow Capital LP put $200 million into the company.");

        Assert.True(Has(relations, RelationKind.Equity, "Zephyr Corporation", "Quarry Labs LLC"));
        Assert.True(Has(relations, RelationKind.Equity, "Harlow Capital LP", "Quarry Labs LLC"));
    }

    [Fact]
    public void Issue18_Read_TheCompanyWithNoReportedSubject_StaysThePreviousSubject()
    {
        var relations = Read("Quarry Labs LLC is moving its models onto Pellucid Corporation's cloud. In return, Pellucid Corporation said it is putting $2 billion into the company.");

        Assert.True(Has(relations, RelationKind.Equity, "Pellucid Corporation", "Quarry Labs LLC"));
    }

    [Theory]
    [InlineData("Aa2")]
    [InlineData("Baa1")]
    [InlineData("BBB+")]
    public void Issue18_Usable_CreditRatingCode_IsNoCompany(string rating)
        => Assert.Null(PartyNameCheck.Usable(rating, $"Harlow Bank LLC (Moody's: {rating}) guarantees the lease.", _ => false));

    [Fact]
    public void Issue18_Usable_NoteHeadingLine_IsNoCompany()
    {
        const string text = "Subsequent Events\nOn March 3, the Company signed a lease with Quarry Labs LLC.\n";

        Assert.Null(PartyNameCheck.Usable("Subsequent Events", text, _ => false));
        Assert.Equal("Quarry Labs LLC", PartyNameCheck.Usable("Quarry Labs LLC", text, _ => false));
    }

    [Fact]
    public void Issue18_Usable_FirstWordOfADefinedThing_IsNoCompany()
    {
        const string text = "The Company paid $4.0 million in cash (the \u201cCash Rent Prepayment\u201d) and signed Indemnification Agreements with each director.";

        Assert.Null(PartyNameCheck.Usable("Cash", text, _ => false));
        Assert.Null(PartyNameCheck.Usable("Indemnification", text, _ => false));
    }

    [Fact]
    public void Issue18_Usable_PlainWordWrittenAsANameMidSentence_IsKept()
    {
        const string text = "Under the agreement, Marrowgate will supply the racks, and Marrowgate will be paid monthly.";

        Assert.Equal("Marrowgate", PartyNameCheck.Usable("Marrowgate", text, _ => false));
    }

    [Fact]
    public void Issue18_Usable_CoverLinesJoinedAsOneName_KeepTheLineWithALegalForm()
    {
        const string joined = "K\nREPORT OF FOREIGN PRIVATE ISSUER\nQUARRY HOLDINGS N.V.";

        Assert.Equal("QUARRY HOLDINGS N.V.", PartyNameCheck.Usable(joined, "FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\nQUARRY HOLDINGS N.V.\n", _ => false));
        Assert.Null(PartyNameCheck.Usable("FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER", "FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\n", _ => false));
    }

    [Fact]
    public void Issue18_Usable_NameWrappedAtALineEnd_IsOneName()
        => Assert.Equal("Zephyr Systems\nCorporation", PartyNameCheck.Usable("Zephyr Systems\nCorporation", "an agreement with Zephyr Systems\nCorporation (\"Zephyr\")", _ => false));

    [Fact]
    public void Issue18_Read_RatingCodeHandedOverAsAParty_GivesNoBackstop()
    {
        const string text = "Counterparty support: Harlow Bank LLC, a subsidiary of Harlow Group Inc. (S&P: AA+, Moody's: Aa2), is providing a financial backstop of the lease payments owed by Quarry Labs LLC.";

        var relations = RelationReader.Read(text, null, CompanyResolver.Bundled, ["Aa2", "Quarry Labs LLC"]).Relations;

        Assert.DoesNotContain(relations, r => r.From == "Aa2" || r.To == "Aa2");
    }
}
