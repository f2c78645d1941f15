using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Pipeline;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 items 3 and 5: money relations that exhibits, 8-K items and notes state through roles and instruments
/// (a credit agreement's cover and preamble, a guarantor's defined role, a lender as subject of "lend", a facility
/// "arranged by" a bank, warrants issued to a named holder, an underwritten share offering) and a concentration note
/// that lists its periods after the shares. Wording written for these tests with invented companies, including
/// sentences that must not become relations.
/// </summary>
public sealed class Issue18RoleClauseReaderTests
{
    private static IReadOnlyList<ProseRelation> Read(string text, string? filer = null)
        => RelationReader.Read(text, filer, CompanyResolver.Bundled).Relations;

    // A contract exhibit: only its cover and preamble are read, for the relations its roles state.
    private static IReadOnlyList<ProseFact> ReadExhibit(string text)
        => MoneyGraphBuilder.ReadProse(Contract(text, []), CompanyResolver.Bundled).Relations;

    [Fact]
    public void Issue18_ReadExhibit_CreditAgreementCover_LoanFromTheAgentToTheBorrower()
    {
        const string text = "Exhibit 10.1\nCREDIT AGREEMENT\ndated as of March 2, 2026\namong\nHALBERD COMPUTE FINANCE I, LLC,\nas the Borrower,\n"
            + "THE LENDERS FROM TIME TO TIME PARTY HERETO,\nand\nKESTREL BANK, N.A.,\nas Administrative Agent\n";

        var loan = Assert.Single(ReadExhibit(text), r => r.Kind == RelationKind.Loan);

        Assert.Equal(("KESTREL BANK, N.A.", "HALBERD COMPUTE FINANCE I, LLC"), (loan.From, loan.To));
        Assert.True(loan.Binding);
    }

    [Fact]
    public void Issue18_ReadExhibit_GuarantyPreamble_LoanAndGuarantorBackstopOwedToTheCollateralAgent()
    {
        const string text = "THIS GUARANTY (this “Guaranty”) is made as of May 5, 2026 by Quillon Systems, Inc., a Delaware corporation (the “Guarantor”), "
            + "in favor of Ashgrove Trust Company, in its capacity as collateral agent (the “Collateral Agent”). "
            + "Quillon Compute Borrower LLC, a Delaware limited liability company (the “Borrower”), entered into a Credit Agreement with "
            + "Marlin Capital Bank as the Administrative Agent and the lenders party thereto, under which the lenders agreed to make loans to the Borrower.";

        var relations = ReadExhibit(text);

        var loan = Assert.Single(relations, r => r.Kind == RelationKind.Loan);
        Assert.Equal(("Marlin Capital Bank", "Quillon Compute Borrower LLC"), (loan.From, loan.To));
        var backstop = Assert.Single(relations, r => r.Kind == RelationKind.Backstop);
        Assert.Equal(("Quillon Systems, Inc.", "Quillon Compute Borrower LLC", "Ashgrove Trust Company"), (backstop.From, backstop.To, backstop.Beneficiary));
    }

    [Fact]
    public void Issue18_ReadExhibit_AmendmentRecitalWithInlineRoles_LoanFromTheAgent()
    {
        const string text = "AMENDMENT NO. 1. Recitals: On April 4, 2024, the parties entered into a credit agreement among Tallow Compute Holdings LLC, as borrower, "
            + "Harrowgate Bank, N.A., as administrative agent and collateral agent, and the lenders party thereto.";

        var loan = Assert.Single(ReadExhibit(text), r => r.Kind == RelationKind.Loan);

        Assert.Equal(("Harrowgate Bank, N.A.", "Tallow Compute Holdings LLC"), (loan.From, loan.To));
    }

    [Fact]
    public void Issue18_Read_ExhibitFiledAsProse_TheCoverIsStillRead()
    {
        const string text = "Exhibit 10.1\nCREDIT AGREEMENT\ndated as of March 2, 2026\namong\nHALBERD COMPUTE FINANCE I, LLC,\nas the Borrower,\n"
            + "THE LENDERS FROM TIME TO TIME PARTY HERETO,\nand\nKESTREL BANK, N.A.,\nas Administrative Agent\n";

        var loan = Assert.Single(Read(text), r => r.Kind == RelationKind.Loan);

        Assert.Equal(("KESTREL BANK, N.A.", "HALBERD COMPUTE FINANCE I, LLC"), (loan.From, loan.To));
    }

    [Fact]
    public void Issue18_Read_ItemDescribingAnotherAgreementsParties_NoRoleLoan()
    {
        const string text = "Item 1.01. On April 4, 2026, Tallow Compute Holdings LLC amended a credit agreement among Tallow Compute Holdings LLC, as borrower, "
            + "Harrowgate Bank, N.A., as administrative agent, and the lenders party thereto.";

        Assert.DoesNotContain(Read(text), r => r.Kind == RelationKind.Loan && r.From == "Harrowgate Bank, N.A." && r.To == "Tallow Compute Holdings LLC");
    }

    [Fact]
    public void Issue18_ReadExhibit_BorrowerWithOnlyTheLenderClass_LoanFromUnnamedLenders()
    {
        const string text = "TERM LOAN CREDIT AGREEMENT among NORTHWICK GPU FUNDING LLC, as Borrower, and the lenders from time to time party hereto.";

        var loan = Assert.Single(ReadExhibit(text), r => r.Kind == RelationKind.Loan);

        Assert.Equal(("lenders of NORTHWICK GPU FUNDING" + InstrumentReader.UnnamedSuffix, "NORTHWICK GPU FUNDING LLC"), (loan.From, loan.To));
    }

    [Fact]
    public void Issue18_ReadExhibit_RolesInASentenceThatSupposes_NoRelation()
    {
        const string text = "We may enter into a credit agreement with Harrowgate Bank, N.A., as administrative agent, under which Tallow Holdings LLC, "
            + "as borrower, could borrow up to $500 million of term loans.";

        Assert.DoesNotContain(ReadExhibit(text), r => r.Kind is RelationKind.Loan or RelationKind.Backstop);
    }

    [Fact]
    public void Issue18_ReadExhibit_DescriptionOfAnotherDocumentWithoutNames_NoRelation()
    {
        const string text = "The form of credit agreement, among the borrower, the lenders party thereto and the administrative agent, is filed as Exhibit 10.1. "
            + "Describe each borrower and the administrative agent in the schedule.";

        Assert.Empty(ReadExhibit(text));
    }

    [Fact]
    public void Issue18_ReadExhibit_LeaseRolesOnly_NoLoan()
    {
        const string text = "This LEASE is made among Corvid Land LLC, as landlord, and Brightfold Cloud Corp., as tenant, for the data center at 12 Mill Road. "
            + "The tenant shall pay rent of $4 million per month.";

        Assert.DoesNotContain(ReadExhibit(text), r => r.Kind is RelationKind.Loan or RelationKind.Backstop);
    }

    [Fact]
    public void Issue18_Read_NamedLenderAsSubjectOfLend_LoanToTheFiler()
    {
        var relations = Read(
            "Tallow Data Centers, Inc. today announced a $300 million debt facility. Pelham Credit Partners LP will lend against Tallow Data Centers' GPU fleet and customer contracts.",
            "Tallow Data Centers, Inc.");

        var loan = Assert.Single(relations, r => r.Kind == RelationKind.Loan);
        Assert.Equal(("Pelham Credit Partners LP", "Tallow Data Centers, Inc."), (loan.From, loan.To));
    }

    [Fact]
    public void Issue18_Read_FacilityArrangedByABank_TheArrangerStandsForTheLenders()
    {
        var relations = Read(
            "On May 1, 2026, the Company closed a $750 million senior secured credit facility arranged by Harrowgate Bank.",
            "Brightfold Cloud Corp.");

        var loan = Assert.Single(relations, r => r.Kind == RelationKind.Loan);
        Assert.Equal(("Harrowgate Bank", "Brightfold Cloud Corp."), (loan.From, loan.To));
        Assert.Equal(750_000_000m, loan.Amount);
    }

    [Fact]
    public void Issue18_Read_WarrantsIssuedToANamedHolder_WarrantToThatHolderOnly()
    {
        var relations = Read(
            "In exchange for the backstop, the Company issued to Halden Ventures LLC warrants to purchase 5,000,000 shares of its common stock at $0.01 per share.",
            "Quillon Systems, Inc.");

        var warrant = Assert.Single(relations, r => r.Kind == RelationKind.Warrant);
        Assert.Equal(("Quillon Systems, Inc.", "Halden Ventures LLC"), (warrant.From, warrant.To));
        Assert.DoesNotContain(relations, r => r.Kind == RelationKind.Equity);
    }

    [Fact]
    public void Issue18_Read_NotesIssuedOnADateInMay_TheMonthIsNotAModal()
    {
        var relations = Read(
            "On May 21, 2026, the Company issued $2.0 billion aggregate principal amount of 9.0% Senior Notes due 2031.",
            "Brightfold Cloud Corp.");

        var loan = Assert.Single(relations, r => r.Kind == RelationKind.Loan);
        Assert.Equal(("noteholders of Brightfold Cloud" + InstrumentReader.UnnamedSuffix, "Brightfold Cloud Corp."), (loan.From, loan.To));
    }

    [Fact]
    public void Issue18_Read_WarrantsThatMayBeIssued_NoWarrant()
    {
        var relations = Read(
            "The Company may issue to Halden Ventures LLC warrants to purchase up to 5,000,000 shares if the backstop becomes effective.",
            "Quillon Systems, Inc.");

        Assert.DoesNotContain(relations, r => r.Kind == RelationKind.Warrant);
    }

    [Fact]
    public void Issue18_Read_UnderwrittenOfferingOfClassAShares_EquityFromUnnamedPurchasers()
    {
        var relations = Read(
            "On June 9, 2026, Ferrow Group N.V. (the \"Company\") closed its underwritten public offering of 8,000,000 Class A shares for gross proceeds of $400 million.",
            "Ferrow Group N.V.");

        var equity = Assert.Single(relations, r => r.Kind == RelationKind.Equity);
        Assert.Equal(("share purchasers of Ferrow Group" + InstrumentReader.UnnamedSuffix, "Ferrow Group N.V."), (equity.From, equity.To));
        Assert.Equal(400_000_000m, equity.Amount);
    }

    [Fact]
    public void Issue18_Read_SharesForYearsListedAfterThem_OnePeriodPerShare()
    {
        var shares = RevenueConcentrationReader.Read(
            DocumentText.FromPages(["Orion Cloud accounted for 48% and 30% of the Company's revenue for the years ended December 31, 2025 and 2024, respectively."], DocumentFormat.Text),
            "Cobalt Cloud");

        Assert.Equal(
            [("Orion Cloud", 48m, "year ended December 31, 2025"), ("Orion Cloud", 30m, "year ended December 31, 2024")],
            shares.Select(s => (s.Customer, s.Percent, s.Period)));
        Assert.All(shares, s => Assert.Null(s.Rank));
    }

    [Fact]
    public void Issue18_Read_SharesWithoutRespectively_NoPeriodGuessedPerShare()
    {
        var shares = RevenueConcentrationReader.Read(
            DocumentText.FromPages(["Our two largest customers accounted for 48% and 30% of revenue for the years ended December 31, 2025 and 2024."], DocumentFormat.Text),
            "Cobalt Cloud");

        Assert.DoesNotContain(shares, s => s.Period == "year ended December 31, 2024");
    }

    private static DocumentAnalysis Contract(string text, IReadOnlyList<string> parties)
        => new("exhibit.txt", "sha", DocumentText.FromPages([text], DocumentFormat.Text), [], DealTerms.Empty with { Parties = parties }, [], "rules")
        {
            Origin = new DocumentOrigin(DocumentKinds.Contract, null, [], []),
        };

    [Fact]
    public void Issue18_Build_CreditAgreementExhibit_TheGraphHoldsTheLoanOfItsCover()
    {
        var analysis = Contract(
            "CREDIT AGREEMENT dated as of March 2, 2026 among HALBERD COMPUTE FINANCE I, LLC, as the Borrower, the Lenders party hereto, "
            + "and KESTREL BANK, N.A., as Administrative Agent. Section 1. The Lenders shall make term loans to the Borrower.",
            ["HALBERD COMPUTE FINANCE I, LLC", "KESTREL BANK, N.A."]);

        var relation = Assert.Single(MoneyGraphBuilder.Build([analysis], CompanyResolver.Empty).Relations);

        Assert.Equal((RelationKind.Loan, "kestrel bank na", "halberd compute finance i"), (relation.Kind, relation.From, relation.To));
    }

    [Fact]
    public void Issue18_ReadProse_ServicesContractWithoutRoles_NotRead()
    {
        var analysis = Contract(
            "This Master Services Agreement is made between Cobalt Cloud, LLC (\"Provider\") and Beacon AI, Inc. (\"Customer\"). Customer shall pay the fees.",
            ["Cobalt Cloud, LLC", "Beacon AI, Inc."]);

        Assert.False(MoneyGraphBuilder.ReadProse(analysis, CompanyResolver.Empty).ReadsProse);
    }
}
