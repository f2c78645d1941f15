using DealLens.Core.Risk;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 items 3 and 4, round 6: financing in filings told through layout (title-case headings, bullets and numbered
/// items under a lead-in) and through frames the instrument reader lacked (an issuer's equity bought by a named
/// investor, a consideration note held by the defined sellers, security granted by a company, debt the filer repays,
/// warrants it remeasures). Wording written for these tests with invented companies.
/// </summary>
public sealed class Issue18FilingLayoutTests
{
    private static IReadOnlyList<ProseRelation> Read(string text, string? filer)
        => RelationReader.Read(text, filer, CompanyResolver.Bundled).Relations;

    private static IReadOnlyList<string> Names(string text, string? filer)
        => new ProseCompanies(text, filer, CompanyResolver.Bundled).Mentions.Select(m => m.Name).ToList();

    [Fact]
    public void Issue18_Companies_TitleCaseHeadingLine_NoCompanyFromItsCapitals()
    {
        var text = "NEWS – The $2.0 Billion Facility Could Fund Nearly 900 MW Of New Halls\n"
            + "Pellmore Digital Inc. today entered into a financing facility with Ardent Capital Partners LP.";

        var names = Names(text, null);

        Assert.DoesNotContain(names, n => n.Contains("Facility Could", StringComparison.Ordinal) || n.Contains("Billion", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("Pellmore Digital", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue18_Companies_AdverbOpeningASentence_IsNoCompany()
    {
        var names = Names("Pellmore Digital Inc. sold 4 million shares. Simultaneously, the Company repaid its bridge loan.", "Pellmore Digital Inc.");

        Assert.DoesNotContain("Simultaneously", names);
    }

    [Fact]
    public void Issue18_Companies_PlainWordOpeningABullet_IsNoCompany()
    {
        var text = "Second quarter highlights:\n- Gross margin was $4.1 million.\n- Ravelin Compute funded $2.0 million of construction.";

        var names = Names(text, null);

        Assert.DoesNotContain("Gross", names);
        Assert.Contains("Ravelin Compute", names);
    }

    [Fact]
    public void Issue18_Companies_DefinedTermAfterACoverLine_DefinesTheNameInItsOwnSentence()
    {
        // A party reader upstream may hand over the cover's lines as one name; the term still belongs to the sentence's own name.
        var text = "FORM 6-K\nREPORT OF FOREIGN PRIVATE ISSUER\nORMSBY HOLDINGS N.V.\nOn May 4, 2026, Ormsby Holdings N.V. (the \"Company\") sold 2,000,000 Class A shares. "
            + "Concurrently, the Company issued $500 million of 3.5% Convertible Notes due 2031.";

        var relations = RelationReader.Read(text, "Ormsby Holdings N.V.", CompanyResolver.Bundled, ["K\nREPORT OF FOREIGN PRIVATE ISSUER\nORMSBY HOLDINGS N.V."]).Relations;

        var loan = Assert.Single(relations, r => r.Kind == RelationKind.Loan);
        Assert.Equal("Ormsby Holdings N.V.", loan.To);
    }

    [Fact]
    public void Issue18_Companies_DefinedTermUnderABullet_IsNotGivenToTheHeadlineAbove()
    {
        var text = "Pellmore Digital Expands Its Partnership With Growth Funding\n"
            + "- Funds managed by Ardent Capital Partners (\"ACP\") to invest up to $300 million in the Company's campus.\n"
            + "Under the unit purchase agreement, Pellmore Campus Holdings LLC will issue preferred units for an investment by ACP of $40 million.";

        var names = new ProseCompanies(text, "Pellmore Digital Inc.", CompanyResolver.Bundled).Mentions
            .Where(m => text[m.Start..m.End] == "ACP").Select(m => m.Name).Distinct().ToList();

        Assert.Equal(["Ardent Capital Partners"], names);
    }

    [Fact]
    public void Issue18_Read_SubsidiaryIssuesUnitsForAnInvestmentByANamedInvestor_EquityIntoTheIssuer()
    {
        var relations = Read(
            "Under the agreement signed today, Quarry Compute Holdings LLC will issue perpetual preferred units and common units for an investment by Hollis Infrastructure Fund LP of $75 million.",
            "Quarry Digital Corp.");

        Assert.True(ProseRelations.Has(relations, RelationKind.Equity, "Hollis Infrastructure Fund LP", "Quarry Compute Holdings LLC"));
    }

    [Fact]
    public void Issue18_Read_NumberedItemUnderTheFilersLeadIn_ConsiderationNoteHeldByTheDefinedSellers()
    {
        var text = "On May 2, 2025, Tamsin Compute Ltd. (the \"Company\") agreed to buy all shares of Fjordhall DC AS from Brekke Invest AS and Solvik Holding AS (collectively, the \"Sellers\").\n"
            + "At closing, the Company entered into the following agreements:\n"
            + "(1) A consideration loan note maturing four years after closing, with a first priority share pledge to be granted by Tamsin Nordic AS; and\n"
            + "(2) A transition services agreement.";

        var relations = Read(text, "Tamsin Compute Ltd.");

        Assert.True(ProseRelations.Has(relations, RelationKind.Loan, "Brekke Invest AS", "Tamsin Compute Ltd."));
        Assert.True(ProseRelations.Has(relations, RelationKind.Loan, "Solvik Holding AS", "Tamsin Compute Ltd."));
        var pledge = Assert.Single(relations, r => r.Kind == RelationKind.Backstop);
        Assert.Equal(("Tamsin Nordic AS", "Tamsin Compute Ltd."), (pledge.From, pledge.To));
        Assert.NotNull(pledge.Beneficiary);
    }

    [Fact]
    public void Issue18_Read_ItemWithoutALeadInOfTheFiler_NoLoan()
    {
        var text = "The seller's advisers listed the following papers:\n(1) A consideration loan note maturing in 2029; and\n(2) A services agreement.";

        var relations = Read(text, "Tamsin Compute Ltd.");

        Assert.DoesNotContain(relations, r => r.Kind == RelationKind.Loan);
    }

    [Fact]
    public void Issue18_Read_FilerRepaysProjectLevelDebt_LoanFromUnnamedProjectLenders()
    {
        var relations = Read(
            "The proceeds of the investment are to be used to repay project-level debt and allow the Company to recover part of its equity.",
            "Quarry Digital Corp.");

        var loan = Assert.Single(relations, r => r.Kind == RelationKind.Loan);
        Assert.Equal(("project lenders of Quarry Digital" + InstrumentReader.UnnamedSuffix, "Quarry Digital Corp."), (loan.From, loan.To));
    }

    [Fact]
    public void Issue18_Read_DebtRepaidOnlyIfItHappens_NoLoan()
    {
        var relations = Read("The Company could repay its project-level debt if the sale closes.", "Quarry Digital Corp.");

        Assert.DoesNotContain(relations, r => r.Kind == RelationKind.Loan);
    }

    [Fact]
    public void Issue18_Read_FairValueAdjustmentOnWarrants_TheFilersOwnWarrants()
    {
        var text = "Ostrava Mining, Inc. (NASDAQ: OSTM) reported its results.\n"
            + "- Net loss was $120.4 million, due to fair value adjustments of $98.0 million related to warrants driven by a higher stock price.";

        var relations = Read(text, "Ostrava Mining, Inc.");

        var warrant = Assert.Single(relations, r => r.Kind == RelationKind.Warrant);
        Assert.Equal("Ostrava Mining, Inc.", warrant.From);
    }

    [Fact]
    public void Issue18_Read_OwnWarrantsWithALongQualifier_WarrantToUnnamedHolders()
    {
        var relations = Read(
            "The loss came from a $50 million change in the value of our series 1 and series 2 public warrants.",
            "Ostrava Mining, Inc.");

        var warrant = Assert.Single(relations, r => r.Kind == RelationKind.Warrant);
        Assert.Equal("warrant holders of Ostrava Mining" + InstrumentReader.UnnamedSuffix, warrant.To);
    }

    [Fact]
    public void Issue18_Read_HeadingAboveANoteSentence_HeadingIsNotItsSubject()
    {
        // A party reader upstream may take a heading's first word for a party ("Hardware"); the heading is still its own sentence.
        var text = "Convertible notes offering\n"
            + "On October 2, 2025, the Company completed the issuance of $600 million of 1.25% Convertible Senior Notes due 2030.\n"
            + "Hardware purchase agreement\n"
            + "On October 9, 2025, the Company entered into a purchase agreement with Corvane Systems Inc. to acquire servers for $1.2 billion.";

        var relations = RelationReader.Read(text, "Hollowell Cloud Inc.", CompanyResolver.Bundled, ["Hardware", "Corvane Systems Inc."]).Relations;

        Assert.True(ProseRelations.Has(relations, RelationKind.Loan, "noteholders of Hollowell Cloud" + InstrumentReader.UnnamedSuffix, "Hollowell Cloud Inc."));
        Assert.DoesNotContain(relations, r => r.From == "Hardware" || r.To == "Hardware");
    }
}
