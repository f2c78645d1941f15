using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 items 3 and 4: sentence shapes beyond subject-verb-object (passives, nominalisations, gapping, "our" as an
/// owner, role fields of a term sheet, a letter's writer). Sentences written for these tests with invented companies.
/// </summary>
public sealed class Issue18RelationGrammarTests
{
    private static IReadOnlyList<ProseRelation> Read(string text, string? filer = null)
        => RelationReader.Read(text, filer, CompanyResolver.Bundled).Relations;

    [Theory]
    // Passive with the landlord in a prepositional phrase before the agent.
    [InlineData("A lease for 80 MW at a Tallow Data Centers campus in Ohio has been signed by Brightfold Cloud.", "lease", "Brightfold Cloud", "Tallow Data Centers")]
    [InlineData("All 200 MW at the Ridge campus are leased by Marrow Labs under ten-year leases with Tallow Data Centers.", "lease", "Marrow Labs", "Tallow Data Centers")]
    // Nominalisations with a possessive owner.
    [InlineData("Marrow Labs' twelve-year lease of 90 MW at Tallow Data Centers' Ridge site starts in May.", "lease", "Marrow Labs", "Tallow Data Centers")]
    [InlineData("Tallow Data Centers' warrants to Quillon Systems cover nine million shares.", "warrant", "Tallow Data Centers", "Quillon Systems")]
    [InlineData("Quillon Systems' guarantee of $700 million of Marrow Labs' lease obligations supports the project debt.", "backstop", "Quillon Systems", "Marrow Labs")]
    // Orders and capacity taken.
    [InlineData("Marrow Labs placed a $600 million order with Brightfold Cloud for GPU servers.", "purchase", "Marrow Labs", "Brightfold Cloud")]
    [InlineData("Quillon Systems agreed to purchase Brightfold Cloud's unsold capacity through 2031.", "purchase", "Quillon Systems", "Brightfold Cloud")]
    [InlineData("Marrow Labs has tapped Brightfold Cloud for a multiyear deployment of inference clusters.", "purchase", "Marrow Labs", "Brightfold Cloud")]
    [InlineData("Marrow Labs' new campus is to be built with Quillon Systems accelerators.", "purchase", "Marrow Labs", "Quillon Systems")]
    public void Issue18_Read_ShapeBeyondActiveVoice_FindsDirectedRelation(string sentence, string kind, string from, string to)
    {
        var relation = Assert.Single(Read(sentence), r => r.Kind == kind);

        Assert.Equal(from, relation.From);
        Assert.Equal(to, relation.To);
        Assert.Equal(sentence, relation.Quote);
    }

    [Fact]
    public void Issue18_Read_GappedInvestors_EachInvestsItsOwnAmount()
    {
        var relations = Read("Quillon Systems will invest $2 billion and Brightfold Cloud $1 billion in Marrow Labs.")
            .Where(r => r.Kind == RelationKinds.Equity).OrderBy(r => r.From, StringComparer.Ordinal).ToList();

        Assert.Equal(["Brightfold Cloud", "Quillon Systems"], relations.Select(r => r.From));
        Assert.All(relations, r => Assert.Equal("Marrow Labs", r.To));
        Assert.Equal([1_000_000_000m, 2_000_000_000m], relations.Select(r => r.Amount ?? 0));
    }

    [Fact]
    public void Issue18_Read_FilerSellsOurStock_InvestorToFilerWithoutTheSharePrice()
    {
        var relation = Assert.Single(
            Read("In May we agreed to sell $1 billion of our common stock to Quillon Systems at $20.50 per share.", filer: "Tallow Data Centers"),
            r => r.Kind == RelationKinds.Equity);

        Assert.Equal(("Quillon Systems", "Tallow Data Centers"), (relation.From, relation.To));
        Assert.Equal(1_000_000_000m, relation.Amount);
    }

    [Fact]
    public void Issue18_Read_FundingCommitmentsOfTheFiler_AreEquity()
    {
        var relation = Assert.Single(
            Read("We have made funding commitments of $4 billion to Marrow Labs.", filer: "Quillon Systems"), r => r.Kind == RelationKinds.Equity);

        Assert.Equal(("Quillon Systems", "Marrow Labs"), (relation.From, relation.To));
    }

    [Fact]
    public void Issue18_Read_TermSheetRoleFields_PurchaseAndLoanByRole()
    {
        const string text = "Term sheet\n- Buyer: Marrow Labs\n- Supplier: Brightfold Cloud\n- Scope: 2 GW of GPU capacity.\n\n"
            + "Financing\nBorrower: Marrow Labs\nLender: Quillon Systems\n";

        var relations = Read(text);

        var purchase = Assert.Single(relations, r => r.Kind == RelationKinds.Purchase);
        Assert.Equal(("Marrow Labs", "Brightfold Cloud"), (purchase.From, purchase.To));
        Assert.Equal(text[purchase.Start..purchase.End], purchase.Quote);
        var loan = Assert.Single(relations, r => r.Kind == RelationKinds.Loan);
        Assert.Equal(("Quillon Systems", "Marrow Labs"), (loan.From, loan.To));
    }

    [Fact]
    public void Issue18_Read_LetterSignedByItsWriter_WeIsTheSignatory()
    {
        const string text = "Dear shareholders,\n\nThis year we signed a contract under which we will supply Marrow Labs with GPU clusters.\n\n"
            + "Jane Roe\nChief Executive Officer, Brightfold Cloud\n";

        var relation = Assert.Single(Read(text), r => r.Kind == RelationKinds.Purchase);

        Assert.Equal(("Marrow Labs", "Brightfold Cloud"), (relation.From, relation.To));
    }

    [Theory]
    [InlineData("Commercial agreement for GPU services\nOn May 1 the Company signed a commercial agreement with Marrow Labs.", "Commercial")]
    [InlineData("Subsequent Events [Abstract]\nOn May 1 the Company signed an agreement with Marrow Labs.", "Abstract")]
    [InlineData("On May 1 the Company entered into a new agreement with Marrow Labs (the \u201cNew Ground Lease\u201d).", "New Ground")]
    public void Issue18_ProseCompanies_HeadingsLabelsAndDefinedDocuments_AreNotCompanies(string text, string notCompany)
    {
        var companies = new ProseCompanies(text, "Tallow Data Centers", CompanyResolver.Bundled);

        Assert.DoesNotContain(companies.Mentions, m => m.Name.StartsWith(notCompany, StringComparison.Ordinal));
        Assert.Contains(companies.Mentions, m => m.Name == "Marrow Labs");
    }
}
