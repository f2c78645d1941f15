using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 item 3, seventh round: party names handed to the money graph that are not companies (headings, rating
/// codes, the first word of a defined thing, a cover form's joined lines), and names wrapped at a line end that are.
/// Every text is invented.
/// </summary>
public sealed class PartyNameCheckTests
{
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
