using DealLens.Core.Text;

namespace DealLens.Tests.Core.Text;

public sealed class ClauseShapeTests
{
    [Theory]
    [InlineData("“Lender” has the meaning set forth in the Loan Agreement.")]
    [InlineData("“Minimum Fee” has the meaning assigned to it in Section 7.2.")]
    [InlineData("1.135 “Upfront Payment” has the meaning set forth in Section 7.1 (Upfront Payment).")]
    [InlineData("\"Quotas\" has the meaning ascribed to that term in Section 4.11 of this\nAgreement.")]
    public void IsDefinitionReference_PointsElsewhere_True(string text) => Assert.True(ClauseShape.IsDefinitionReference(text));

    [Theory]
    [InlineData("“Minimum Payment” means the amounts set forth on Attachment B as payable by Integra.")]
    [InlineData("“Lender” has the meaning set forth in the Loan Agreement, and Customer shall repay the Lender $5 million by June 30.")]
    [InlineData("Customer shall pay the fees set forth in Section 7.2.")]
    public void IsDefinitionReference_StatesSomething_False(string text) => Assert.False(ClauseShape.IsDefinitionReference(text));

    [Theory]
    [InlineData("(y) “Up-Front Payment” means the one-time payment of $50,000 to be made by MBRK to DD upon execution.")]
    [InlineData("“Minimum Payment” shall mean the amounts set forth on Attachment B.")]
    public void IsDefinition_DefinedTermFirst_True(string text) => Assert.True(ClauseShape.IsDefinition(text));

    [Fact]
    public void IsDefinition_ObligationUsingADefinedTerm_False()
        => Assert.False(ClauseShape.IsDefinition("Customer shall pay the “Minimum Payment” each quarter."));

    [Theory]
    [InlineData("Upon the expiration or termination of this Agreement:")]
    [InlineData("In the event of termination, Distributor will:\n6")]
    public void IsLeadIn_EndsAtItsColon_True(string text) => Assert.True(ClauseShape.IsLeadIn(text));

    [Fact]
    public void IsLeadIn_ColonInside_False()
        => Assert.False(ClauseShape.IsLeadIn("Fees: Customer shall pay $10 million per year."));

    [Fact]
    public void IsRecital_Whereas_True()
        => Assert.True(ClauseShape.IsRecital("WHEREAS, PrimeCall desires to begin selling its prepaid calling products;"));

    [Fact]
    public void IsSignatureBlock_ByNameTitle_True()
        => Assert.True(ClauseShape.IsSignatureBlock("CURO RECEIVABLES FINANCE II, LLC\nBy: /s/Don Gayhardt\nName: Donald F. Gayhardt Jr.\nTitle: President"));

    [Theory]
    [InlineData("(ii) preparing officer’s certificates with respect to the Loan Agreement;")]
    [InlineData("(v) administering payoffs, prepayments, defaults and delinquencies;")]
    public void IsListFragment_VerblessItem_True(string text) => Assert.True(ClauseShape.IsListFragment(text));

    [Fact]
    public void IsListFragment_ItemWithItsOwnObligation_False()
        => Assert.False(ClauseShape.IsListFragment("(a) Customer shall pay a termination fee of $20 million; and"));
}
