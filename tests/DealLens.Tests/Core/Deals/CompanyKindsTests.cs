using DealLens.Core;
using DealLens.Core.Deals;
using DealLens.Core.Documents;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Deals;

/// <summary>
/// Issue 18, round 7: the bundled table of what companies are, and its use as a tie-break for deal sides the text
/// leaves open. Documents are our own wording about invented companies, with a table of invented kinds.
/// </summary>
public sealed class CompanyKindsTests
{
    private static readonly CompanyKinds s_invented = new(
        [
            new CompanyKind("Ferrowind Data Parks", CompanyKinds.DataCentre, "test"),
            new CompanyKind("Quillon Labs", CompanyKinds.AiLab, "test"),
            new CompanyKind("Brasswell Cloud", CompanyKinds.GpuCloud, "test"),
            new CompanyKind("Tarrow Racks", CompanyKinds.Equipment, "test"),
            new CompanyKind("Oxley Capital", CompanyKinds.LenderFund, "test"),
        ],
        [new CompanyAlias("QLN", "Quillon Labs", "ticker", "test")]);

    private static DealTerms Terms(string text, CompanyKinds? kinds, bool learnedSides = true)
        => new DealTermsExtractor(DealTermsOptions.Default with { CompanyKinds = kinds, PartySides = learnedSides ? PartyRoleModel.Default : null })
            .Extract(DocumentText.FromPages([text], DocumentFormat.Text)).Terms;

    [Fact]
    public void Bundled_EveryRow_HasAKnownKindAndASource()
    {
        var rows = CompanyKinds.Parse(ReadBundledTable());

        Assert.InRange(rows.Count, 60, 400);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.Contains(rows, r => r.Kind == CompanyKinds.GpuCloud);
        Assert.Contains(rows, r => r.Kind == CompanyKinds.Hyperscaler);
    }

    [Fact]
    public void Parse_UnknownKind_Throws()
    {
        Assert.Throws<DealLensException>(() => CompanyKinds.Parse("Acme\tbakery\tsomewhere\n"));
    }

    [Fact]
    public void Parse_BadLine_NamesTheTableAndTheLine()
    {
        var kinds = Assert.Throws<DealLensException>(() => CompanyKinds.Parse("# comment\nAcme\tai_lab\tS-1\nAcme Two\tai_lab\n"));
        var aliases = Assert.Throws<DealLensException>(() => CompanyAliases.Parse("\nAcme\tAcme Inc.\t\tS-1\n"));

        Assert.StartsWith("company-kinds.tsv line 3: expected 3 tab-separated cells", kinds.Message, StringComparison.Ordinal);
        Assert.StartsWith("company-aliases.tsv line 2: expected 4 tab-separated cells", aliases.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Google LLC", CompanyKinds.Hyperscaler)]
    [InlineData("NVDA", CompanyKinds.ChipVendor)]
    [InlineData("Amazon Data Services, Inc.", CompanyKinds.Hyperscaler)]
    [InlineData("CoreWeave, Inc.", CompanyKinds.GpuCloud)]
    public void KindOf_BundledSpellings_ResolveThroughNamesAliasesAndLegalNames(string name, string kind)
    {
        Assert.Equal(kind, CompanyKinds.Bundled.KindOf(name));
    }

    [Theory]
    [InlineData("NVIDIA GB300 NVL72")]
    [InlineData("Intelsat Corporation")]
    public void KindOf_ProductOrLongerWord_IsNoTableCompany(string name)
    {
        Assert.Null(CompanyKinds.Bundled.KindOf(name));
    }

    [Fact]
    public void KindOf_SubsidiaryWithoutKind_TakesItsParents()
    {
        Assert.Equal(CompanyKinds.DataCentre, s_invented.KindOf("Harbor Lot 4 LLC", parent: "Ferrowind Data Parks, Inc."));
    }

    [Fact]
    public void SellsTo_ChipVendorAndGpuCloud_IsNoTieBreakEitherWay()
    {
        Assert.False(CompanyKinds.SellsTo(CompanyKinds.ChipVendor, CompanyKinds.GpuCloud));
        Assert.False(CompanyKinds.SellsTo(CompanyKinds.GpuCloud, CompanyKinds.ChipVendor));
        Assert.True(CompanyKinds.SellsTo(CompanyKinds.GpuCloud, CompanyKinds.AiLab));
    }

    // Rules only (no learned reader), so the sides are open unless the table fills them.
    private const string BothOpen =
        "CAPACITY AGREEMENT\n\nThis Capacity Agreement is entered into as of March 3, 2027 by and between Quillon Labs, Inc., a Delaware corporation "
        + "(\"Quillon\"), and Ferrowind Data Parks, Inc., a Delaware corporation (\"Ferrowind\").\n\n1. Capacity. The parties agree on 120 megawatts of "
        + "capacity at the Dunmore campus for ten years.";

    [Fact]
    public void Issue18_Extract_BothSidesOpen_KindsOrderTheSides()
    {
        var terms = Terms(BothOpen, s_invented, learnedSides: false);

        Assert.Equal("Ferrowind Data Parks, Inc.", terms.Provider);
        Assert.Equal("Quillon Labs, Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_BothSidesOpenWithoutTable_StayOpen()
    {
        var terms = Terms(BothOpen, kinds: null, learnedSides: false);

        Assert.Null(terms.Provider);
        Assert.Null(terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_DefinedRoleTerms_WinOverKinds()
    {
        var terms = Terms(
            "SUBLEASE AGREEMENT\n\nThis Sublease Agreement is made as of May 1, 2027 by and between Quillon Labs, Inc., a Delaware corporation "
            + "(\"Sublandlord\"), and Ferrowind Data Parks, Inc., a Delaware corporation (\"Subtenant\").", s_invented);

        Assert.Equal("Quillon Labs, Inc.", terms.Provider);
        Assert.Equal("Ferrowind Data Parks, Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_OneSideGiven_OtherFilledByTheOnlyCompanyThatFits()
    {
        var terms = Terms(
            "MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement is entered into as of June 2, 2027 by and among Quillon Labs, Inc., a Delaware "
            + "corporation (\"Customer\"), Oxley Capital LLC, a Delaware limited liability company (\"Oxley\"), and Brasswell Cloud, Inc., a Delaware "
            + "corporation (\"Brasswell\").", s_invented);

        Assert.Equal("Quillon Labs, Inc.", terms.Customer);
        Assert.Equal("Brasswell Cloud, Inc.", terms.Provider);
    }

    [Fact]
    public void Issue18_Extract_TwoCompaniesFitTheOpenSide_StaysOpen()
    {
        var terms = Terms(
            "MASTER SERVICES AGREEMENT\n\nThis Master Services Agreement is entered into as of June 2, 2027 by and among Quillon Labs, Inc., a Delaware "
            + "corporation (\"Customer\"), Tarrow Racks, Inc., a Delaware corporation (\"Tarrow\"), and Brasswell Cloud, Inc., a Delaware corporation "
            + "(\"Brasswell\").", s_invented);

        Assert.Equal("Quillon Labs, Inc.", terms.Customer);
        Assert.Null(terms.Provider);
    }

    [Fact]
    public void Issue18_Extract_FinancingRoleTerm_GivesNoSidesFromKinds()
    {
        var terms = Terms(
            "CREDIT AGREEMENT\n\nThis Credit Agreement is entered into as of July 7, 2027 by and between Brasswell Cloud, Inc., a Delaware corporation "
            + "(the \"Borrower\"), and Quillon Labs, Inc., a Delaware corporation (the \"Lender\"), for compute capacity purchases.", s_invented);

        Assert.Null(terms.Provider);
        Assert.Null(terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_UnnamedWeSpeaker_GetsNoSideFromKinds()
    {
        // "We" is the provider here but never named; Tarrow (equipment, which sells to AI labs) must not take its side.
        var terms = Terms(
            "Item 1.01 Entry into a Material Definitive Agreement.\n\nOn April 2, 2027, we entered into a Master Services Agreement (the \"Agreement\") "
            + "with Quillon Labs, Inc. (the \"Customer\") and Tarrow Racks, Inc. for GPU cloud capacity.", s_invented);

        Assert.Equal("Quillon Labs, Inc.", terms.Customer);
        Assert.Null(terms.Provider);
    }

    private static string ReadBundledTable()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DealLens.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        return File.ReadAllText(Path.Combine(dir.FullName, "src", "DealLens.Core", "Deals", "company-kinds.tsv"));
    }
}
