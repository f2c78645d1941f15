using DealLens.Core.Deals;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Deals;

/// <summary>
/// Issue 18, round 9: sides given by a contract's obligations and by where it defines its terms. Who "shall provide ...
/// to" whom, who "shall pay" or "hereby engages" whom, a definitions clause that defines role words after the names, a
/// parent named in one party's description before the next party, a trade name after a legal form. Every wording is
/// ours and every company invented.
/// </summary>
public sealed class PartyRound9Tests
{
    private static DocumentText Text(string text) => DocumentText.FromPages([text], DocumentFormat.Text);

    private static DealTerms Terms(string text) => DealTermsExtractor.Default.Extract(Text(text)).Terms;

    private static DealTerms RulesOnly(string text)
        => new DealTermsExtractor(new DealTermsOptions { PartySides = null, CompanyKinds = null }).Extract(Text(text)).Terms;

    [Fact]
    public void Issue18_Extract_ShortNamesAndProvideToPay_GiveTheSides()
    {
        var terms = RulesOnly(
            "CAPACITY AGREEMENT\n\nThis Capacity Agreement is made as of March 2, 2027 by and between Harrow Fields Compute Inc., an Ohio corporation "
            + "(\"Harrow\"), and Quillon Labs LLC, a Delaware limited liability company (\"Quillon\").\n\n"
            + "1. Beginning on the Start Date, Harrow shall provide to Quillon 12 MW of liquid-cooled capacity in Hall B.\n\n"
            + "2. Quillon shall pay Harrow the monthly Capacity Fee set out in Schedule 1.");

        Assert.Equal("Harrow Fields Compute Inc.", terms.Provider);
        Assert.Equal("Quillon Labs LLC", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_PayerNamedFirst_IsStillTheCustomer()
    {
        // The first-named party pays: the order of the preamble says nothing about the sides.
        var terms = RulesOnly(
            "SERVICES AGREEMENT\n\nThis Services Agreement is entered into as of May 1, 2027 between Osprey Mills Inc., a Texas corporation (\"Osprey\"), and "
            + "Tindall Grid Services LLC, a Delaware limited liability company (\"Tindall\").\n\n"
            + "1. Osprey shall pay Tindall a fixed fee of $40,000 per month.\n\n"
            + "2. Tindall shall furnish the maintenance services in Exhibit A for the benefit of Osprey.");

        Assert.Equal("Tindall Grid Services LLC", terms.Provider);
        Assert.Equal("Osprey Mills Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_EngagesAndParentBetweenParties_GivesBothParties()
    {
        var terms = RulesOnly(
            "DESIGN SERVICES AGREEMENT\n\nTHIS AGREEMENT is dated as of July 9, 2027, by and between KESTREL RIDGE SITE LLC, a Delaware limited liability company "
            + "(\"Site Owner\"), a wholly owned subsidiary of Marrow Basin Corp., and B9 BUILD PARTNERS, LLC, a Nevada limited liability company (\"Consultant\").\n\n"
            + "1. Site Owner hereby engages Consultant, and Consultant shall perform the design services in Exhibit A for Site Owner.\n\n"
            + "2. Site Owner shall pay Consultant the fees in Exhibit B.");

        Assert.Contains("B9 BUILD PARTNERS, LLC", terms.Parties);
        Assert.DoesNotContain(terms.Parties, p => p == "Marrow Basin Corp." && terms.Provider == p);
        Assert.Equal("B9 BUILD PARTNERS, LLC", terms.Provider);
        Assert.Equal("KESTREL RIDGE SITE LLC", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_ObligationsThatDisagree_LeaveTheSidesOpen()
    {
        // Each party provides something to the other: no side can be read from the obligations.
        var terms = RulesOnly(
            "EXCHANGE AGREEMENT\n\nThis Exchange Agreement is made as of June 3, 2027 between Pell Coastal Inc., a Maine corporation (\"Pell\"), and "
            + "Drummond Yards LLC, a Vermont limited liability company (\"Drummond\").\n\n"
            + "1. Pell shall provide to Drummond 2 MW of backup power at the north site.\n\n"
            + "2. Drummond shall provide to Pell 2 MW of backup power at the south site.");

        Assert.Null(terms.Provider);
        Assert.Null(terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_RoleWordsDefinedAfterTheNames_GiveTheSides()
    {
        var terms = RulesOnly(
            "ACCESS AGREEMENT\n\nThis Access Agreement is made as of April 4, 2027 between Calloway Accelerators Inc., a Delaware corporation, and "
            + "Brightwater Render LLC, a Delaware limited liability company.\n\n"
            + "1. DEFINITIONS\n\n\"Reserve Buyer\" means Calloway Accelerators Inc.\n\n\"Operator\" means Brightwater Render LLC and its permitted successors.");

        Assert.Equal("Brightwater Render LLC", terms.Provider);
        Assert.Equal("Calloway Accelerators Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_OrderFormWhoseBodyNamesTheProvider_AddsTheProvider()
    {
        var terms = RulesOnly(
            "SERVICE ORDER No. 7\n\nCustomer Legal Name: Fenwick Vision Inc.\nOrder Date: June 1, 2027\n\n"
            + "This Service Order is issued under the Master Agreement between the parties. Arbour Racks, Inc. will install, operate and make available to "
            + "Customer the dedicated clusters described above, and Customer will pay the monthly charges.");

        Assert.Equal("Arbour Racks, Inc.", terms.Provider);
        Assert.Equal("Fenwick Vision Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_TenantLeasesFromLandlord_IsNotAProvider()
    {
        var terms = RulesOnly(
            "SPACE AGREEMENT\n\nThis agreement is made as of May 5, 2027 between Orrin Estates Inc., an Idaho corporation (\"Orrin\"), and Vesper Nodes LLC, "
            + "a Delaware limited liability company (\"Vesper\").\n\nVesper hereby leases from Orrin the building known as Hall 4 for ten years.");

        Assert.Equal("Orrin Estates Inc.", terms.Provider);
        Assert.Equal("Vesper Nodes LLC", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_StreetNumberNameWithTradeName_IsAParty()
    {
        var terms = Terms(
            "LEASE\n\nThis Lease is entered into as of May 2, 2027 by and between 48 Quarry Lane Holdings LLC d/b/a Ridgeback Data, a Delaware limited liability "
            + "company (\"Landlord\"), and Sable Compute, Inc., a Delaware corporation (\"Tenant\").");

        Assert.Equal("48 Quarry Lane Holdings LLC d/b/a Ridgeback Data", terms.Provider);
        Assert.Equal("Sable Compute, Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_SideHeldByTheFirstWordsOfAFullerName_GoesToTheFullName()
    {
        var terms = Terms(
            "Corvane and Hollis sign a capacity agreement\n\nDENVER, Colo., June 2, 2027 /PRNewswire/ -- Corvane Fusion Works, a developer of compact "
            + "fusion plants, today announced an agreement with Hollis Search LLC. Under the agreement, Hollis Search will purchase 50 MW from Corvane.");

        Assert.Equal("Corvane Fusion Works", terms.Provider);
        Assert.DoesNotContain(terms.Roles, r => r.Name == "Corvane" && PartyRoles.SideOf(r.Role) is not null);
    }

    [Fact]
    public void Issue18_Extract_PromiseUnderACondition_GivesNoSide()
    {
        // A backstop buys only if the capacity stays unsold: a contingent promise, not the deal's sale.
        var terms = RulesOnly(
            "RESERVE AGREEMENT\n\nThis Reserve Agreement is made as of August 8, 2027 by and between Tamsin Ridge Partners LP (\"Reserve Party\") and "
            + "Ostler Compute, Inc. (\"Operator\").\n\n1. If any of Operator's clusters remain unsold at the end of a quarter, the Reserve Party agrees to "
            + "purchase such clusters at the contract rate.");

        Assert.Equal("Ostler Compute, Inc.", terms.Provider);
        Assert.Null(terms.Customer);
    }
}
