using DealLens.Core.Deals;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 item 3: financing instruments as filings tell them, with the other side often a class of holders (notes
/// issued, credit agreements, warrants over the filer's stock, shares sold, guarantees, lease prepayments, spending
/// funded by a customer). Wording written for these tests with invented companies.
/// </summary>
public sealed class Issue18InstrumentReaderTests
{
    private static IReadOnlyList<ProseRelation> Read(string text, string? filer)
        => RelationReader.Read(text, filer, CompanyResolver.Bundled).Relations;

    [Fact]
    public void Issue18_Read_FilerIssuedNotes_LoanFromUnnamedNoteholders()
    {
        var relations = Read(
            "On March 3, 2026, Tallow Data Centers, Inc. (the \"Company\") issued $900 million aggregate principal amount of 8.5% Senior Notes due 2032.",
            "Tallow Data Centers, Inc.");

        var loan = Assert.Single(relations, r => r.Kind == RelationKind.Loan);
        Assert.Equal("noteholders of Tallow Data Centers" + InstrumentReader.UnnamedSuffix, loan.From);
        Assert.Equal("Tallow Data Centers, Inc.", loan.To);
        Assert.Equal(900_000_000m, loan.Amount);
        Assert.True(loan.Binding);
    }

    [Fact]
    public void Issue18_Read_NotesGuaranteedBySubsidiaries_BackstopOfTheFilerForNoteholders()
    {
        var relations = Read(
            "The Company completed the offering of its 7% Senior Notes due 2030. The notes are guaranteed on a senior unsecured basis by certain of the Company's wholly owned subsidiaries.",
            "Brightfold Cloud Corp.");

        var backstop = Assert.Single(relations, r => r.Kind == RelationKind.Backstop);
        Assert.Equal("subsidiaries of Brightfold Cloud", backstop.From);
        Assert.Equal("Brightfold Cloud Corp.", backstop.To);
        Assert.Equal("noteholders of Brightfold Cloud" + InstrumentReader.UnnamedSuffix, backstop.Beneficiary);
    }

    [Fact]
    public void Issue18_Read_CreditAgreementWithAgent_LoanFromTheNamedAgent()
    {
        var relations = Read(
            "On June 2, 2025, the Company entered into a credit agreement with Harrowgate Bank, N.A., as administrative agent, providing a $400 million term loan.",
            "Marrow Labs Inc.");

        var loan = Assert.Single(relations, r => r.Kind == RelationKind.Loan);
        Assert.Equal(("Harrowgate Bank", "Marrow Labs Inc."), (loan.From, loan.To));
    }

    [Fact]
    public void Issue18_Read_OwnWarrantsOutstanding_WarrantToUnnamedHolders()
    {
        var relations = Read("As of June 30, 2025, 12,000,000 of our Series B warrants were outstanding.", "Quillon Systems, Inc.");

        var warrant = Assert.Single(relations, r => r.Kind == RelationKind.Warrant);
        Assert.Equal(("Quillon Systems, Inc.", "warrant holders of Quillon Systems" + InstrumentReader.UnnamedSuffix), (warrant.From, warrant.To));
    }

    [Fact]
    public void Issue18_Read_CapexFundedByCustomer_PrepaymentFromTheCustomer()
    {
        var relations = Read(
            "Capital expenditures were $80.0 million, of which $61.5 million was funded by Marrow Labs, Inc. under the hosting agreements.",
            "Tallow Data Centers, Inc.");

        var prepayment = Assert.Single(relations, r => r.Kind == RelationKind.Prepayment);
        Assert.Equal(("Marrow Labs, Inc.", "Tallow Data Centers, Inc."), (prepayment.From, prepayment.To));
    }

    [Fact]
    public void Issue18_Read_NamedInvestorForNewShares_NoUnnamedPurchasersBesideIt()
    {
        var relations = Read(
            "Under the agreement, Harrowgate Capital will invest $2 billion in the Company in exchange for newly issued preferred shares of the Company.",
            "Tallow Data Centers, Inc.");

        var equity = Assert.Single(relations, r => r.Kind == RelationKind.Equity);
        Assert.Equal(("Harrowgate Capital", "Tallow Data Centers, Inc."), (equity.From, equity.To));
    }

    [Theory]
    // Risk wording, hypotheticals and plans are no transaction.
    [InlineData("If we are unable to pay principal and interest on the notes, the holders could declare them due.")]
    [InlineData("We may issue additional notes or enter into a new credit agreement to fund construction.")]
    [InlineData("Our ability to borrow under the credit facility depends on covenants we might not meet.")]
    public void Issue18_Read_HypotheticalFinancing_NoRelation(string sentence)
    {
        Assert.Empty(Read(sentence, "Tallow Data Centers, Inc."));
    }

    [Fact]
    public void Issue18_Read_InstrumentWithoutFiler_NoUnnamedCounterparty()
    {
        var relations = Read("The Company issued $500 million of convertible senior notes due 2031.", null);

        Assert.DoesNotContain(relations, r => r.From.EndsWith(InstrumentReader.UnnamedSuffix, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The total contract value is approximately $9.7 billion over the five-year term.", true)]
    [InlineData("The agreement is valued at $3 billion and includes a 20% prepayment.", true)]
    [InlineData("The customer has committed to purchase a minimum of $2 billion, out of a total contract value of $3 billion.", false)]
    [InlineData("Customer shall pay at least $50 million per year; the total value of the contract is $400 million.", false)]
    [InlineData("The take-or-pay contract value is $1.2 billion.", false)]
    public void Issue18_StatesOnlyValue_ContractValueWithoutFloor_IsNoMinimumCommitment(string clause, bool onlyValue)
    {
        Assert.Equal(onlyValue, CommitmentReader.StatesOnlyValue(clause));
    }
}
