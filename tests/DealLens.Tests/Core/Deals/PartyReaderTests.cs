using DealLens.Core.Deals;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Deals;

/// <summary>The party readers, through the deal-terms stage that uses them; every wording here is our own.</summary>
public sealed class PartyReaderTests
{
    private static DealTermsResult Extract(string text) => DealTermsExtractor.Default.Extract(DocumentText.FromPages([text], DocumentFormat.Text));

    private static DealTerms Terms(string text) => Extract(text).Terms;

    [Fact]
    public void Extract_PreambleWithStateAddressAndAffiliates_ReadsBothPartiesAndRoles()
    {
        var terms = Terms(
            "This Master Hosting Agreement is made by and between NORTHWIND DIGITAL INFRASTRUCTURE, LLC, a Texas limited liability company "
            + "with offices at 400 Elm Street, Suite 9, Austin, Texas 78701 (\"Host\"), and Quillon Labs GmbH, together with its Affiliates (\"Client\").");

        Assert.Equal(["NORTHWIND DIGITAL INFRASTRUCTURE, LLC", "Quillon Labs GmbH"], terms.Parties);
        Assert.Equal("NORTHWIND DIGITAL INFRASTRUCTURE, LLC", terms.Provider);
        Assert.Equal("Quillon Labs GmbH", terms.Customer);
        Assert.Contains(terms.Roles, r => r.Name == "NORTHWIND DIGITAL INFRASTRUCTURE, LLC" && r.Role == PartyRoles.Host);
    }

    [Fact]
    public void Extract_PropertyCompanyNamedByStreetNumber_LandlordAndForeignTenant()
    {
        var terms = Terms(
            "This Lease is entered into by and between 1600 Harbor Road LLC, a Delaware limited liability company (\"Landlord\"), "
            + "and Tessaly AI Pte. Ltd., a Singapore private company (\"Tenant\").");

        Assert.Equal("1600 Harbor Road LLC", terms.Provider);
        Assert.Equal("Tessaly AI Pte. Ltd.", terms.Customer);
        Assert.Equal([PartyRoles.Landlord, PartyRoles.Tenant], terms.Roles.Select(r => r.Role));
    }

    [Fact]
    public void Extract_TradeNameAndLuxembourgForm_KeepsWholeNames()
    {
        var terms = Terms(
            "This Agreement is made between Marlow Holdings LLC d/b/a Marlow Cloud (\"Provider\") and Kestrel Bio S.à r.l. (\"Customer\").");

        Assert.Equal("Marlow Holdings LLC d/b/a Marlow Cloud", terms.Provider);
        Assert.Equal("Kestrel Bio S.à r.l.", terms.Customer);
    }

    [Fact]
    public void Extract_SubsidiarySigningForParent_KeepsLinkToParent()
    {
        var terms = Terms(
            "This Equipment Lease is made by and between Verdant Compute Sub LLC, a Delaware limited liability company and a wholly-owned "
            + "subsidiary of Verdant Compute Holdings, Inc. (\"Lessor\"), and Arden Analytics B.V. (\"Lessee\").");

        Assert.Equal("Verdant Compute Sub LLC", terms.Provider);
        var lessor = Assert.Single(terms.Roles, r => r.Role == PartyRoles.Lessor);
        Assert.Equal("Verdant Compute Holdings, Inc.", lessor.Parent);
        Assert.Equal("Arden Analytics B.V.", terms.Customer);
    }

    [Fact]
    public void Extract_CreditAgreementPreamble_FinancingRolesWithoutDealSides()
    {
        var terms = Terms(
            "This Credit Agreement is entered into as of June 1, 2026, by and among Peregrine Data Centers, LLC, a Delaware limited liability company "
            + "(the \"Borrower\"), the lenders from time to time party hereto (the \"Lenders\") and Castle Rock Bank, N.A., as administrative agent "
            + "(the \"Administrative Agent\").");

        Assert.Contains(terms.Roles, r => r.Name == "Peregrine Data Centers, LLC" && r.Role == PartyRoles.Borrower);
        Assert.Contains(terms.Roles, r => r.Name == "Castle Rock Bank, N.A." && r.Role == PartyRoles.Agent);
        Assert.Null(terms.Provider);
        Assert.Null(terms.Customer);
    }

    [Fact]
    public void Extract_CoverFormAndPassiveBody_CustomerFromFieldProviderFromBody()
    {
        var terms = Terms(
            "ORDER FORM\nCustomer Legal Name: Halcyon Robotics Inc.\nBilling Contact: accounts payable\n\n"
            + "The compute capacity in this Order Form is provided by Sable Compute, Inc. under its cloud terms.");

        Assert.Equal("Halcyon Robotics Inc.", terms.Customer);
        Assert.Equal("Sable Compute, Inc.", terms.Provider);
    }

    [Fact]
    public void Extract_SignatureBlocksOnly_RolesFromCaptions()
    {
        var terms = Terms(
            "Schedule 2 sets out the delivery dates.\n\nIN WITNESS WHEREOF, the parties have signed below.\n\n"
            + "PROVIDER:\nSable Compute, Inc.\nBy: ____________\nName: Jo Park\nTitle: CEO\n\n"
            + "CUSTOMER: Halcyon Robotics Inc.\nBy: ____________\nName: Sam Lee\nTitle: CFO\n");

        Assert.Equal("Sable Compute, Inc.", terms.Provider);
        Assert.Equal("Halcyon Robotics Inc.", terms.Customer);
    }

    [Fact]
    public void Extract_SignatureBlockContradictsPreamble_PreambleKeptWithWarning()
    {
        var result = Extract(
            "This Services Agreement is entered into by and between Sable Compute, Inc. (\"Provider\") and Halcyon Robotics Inc. (\"Customer\").\n\n"
            + "1. Services. Provider shall deliver the services.\n\n"
            + "CUSTOMER:\nSable Compute, Inc.\nBy: ____________\nName: Jo Park\n");

        Assert.Equal("Sable Compute, Inc.", result.Terms.Provider);
        Assert.Contains(result.Warnings, w => w.Contains("preamble is kept", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_EightKCompanyAgreesToProvide_FilerIsProvider()
    {
        var terms = Terms(
            "Item 1.01 Entry into a Material Definitive Agreement.\nOn June 2, 2026, Quarry Cloud Corp. (the “Company”) entered into a "
            + "Master Services Agreement with Lumen Fields AI, Inc. to provide GPU compute capacity for four years.");

        Assert.Equal("Quarry Cloud Corp.", terms.Parties[0]);
        Assert.Contains("Lumen Fields AI, Inc.", terms.Parties);
        Assert.Equal("Quarry Cloud Corp.", terms.Provider);
        Assert.Equal("Lumen Fields AI, Inc.", terms.Customer);
    }

    [Fact]
    public void Extract_EightKCompanyAgreesToPurchase_FilerIsCustomer()
    {
        var terms = Terms(
            "Item 1.01 Entry into a Material Definitive Agreement.\nOn June 2, 2026, Quarry Cloud Corp. (the “Company”) entered into an "
            + "agreement with Tarn Semiconductor Ltd. to purchase 4,000 accelerators.");

        Assert.Equal("Quarry Cloud Corp.", terms.Customer);
        Assert.Equal("Tarn Semiconductor Ltd.", terms.Provider);
    }

    [Fact]
    public void Extract_ReleaseSignsAgreementToProvideCompute_IssuerProvides()
    {
        var terms = Terms(
            "DENVER, April 1, 2026 – Pellucid Cloud, Inc. (Nasdaq: PLCD) today announced that it signed a $2 billion agreement with Morrow Labs "
            + "to provide AI compute over five years.");

        Assert.Equal("Pellucid Cloud, Inc.", terms.Provider);
        Assert.Equal("Morrow Labs", terms.Customer);
    }

    [Fact]
    public void Extract_PayerNamedFirst_PayerIsCustomer()
    {
        var terms = Terms(
            "Under the new contract, Morrow Labs will pay Pellucid Cloud approximately $400 million per year for reserved capacity.");

        Assert.Equal("Morrow Labs", terms.Customer);
        Assert.Equal("Pellucid Cloud", terms.Provider);
    }

    [Fact]
    public void Extract_WillSupplyWith_SupplierIsProvider()
    {
        var terms = Terms("Under the multi-year agreement, Gannet Networks will supply Ashgrove AI with 20,000 accelerators.");

        Assert.Equal("Gannet Networks", terms.Provider);
        Assert.Equal("Ashgrove AI", terms.Customer);
    }

    [Fact]
    public void Extract_PassiveVoice_AgentAfterByProvides()
    {
        var terms = Terms("Under the agreement, 80 MW of capacity will be provided by Gannet Networks to Ashgrove AI from 2027.");

        Assert.Equal("Gannet Networks", terms.Provider);
        Assert.Equal("Ashgrove AI", terms.Customer);
    }

    [Fact]
    public void Extract_AgreementWithBoardMembers_NoCounterpartyInvented()
    {
        var terms = Terms(
            "Item 1.01 Entry into a Material Definitive Agreement.\nOn June 2, 2026, Quarry Cloud Corp. (the “Company”) entered into an "
            + "indemnification agreement with each member of its Board of Directors.");

        Assert.Equal(["Quarry Cloud Corp."], terms.Parties);
        Assert.Null(terms.Provider);
        Assert.Null(terms.Customer);
    }

    [Fact]
    public void Extract_CompanyLeasedLandFrom_FilerIsTenant()
    {
        var terms = Terms(
            "Item 8.01 Other Events.\nOn May 5, 2026, Fenwick Power Ltd. (the “Company”) signed a ground lease. The Company leased 40 acres of land from Redfield County for the new campus.");

        Assert.Equal("Fenwick Power Ltd.", terms.Customer);
        Assert.Equal("Redfield County", terms.Provider);
        Assert.Contains(terms.Roles, r => r.Name == "Redfield County" && r.Role == PartyRoles.Landlord);
    }

    [Fact]
    public void Extract_RevenueShareSentence_NamedCustomersArePartiesLargestFirst()
    {
        var terms = Terms("NOTE 9 — MAJOR CUSTOMERS\nIn 2025, Ashgrove AI, Morrow Labs and Tarn Semiconductor represented 61%, 12% and 9% of the Company's revenue, respectively.");

        Assert.Equal(["Ashgrove AI", "Morrow Labs", "Tarn Semiconductor"], terms.Parties);
        Assert.Equal("Ashgrove AI", terms.Customer);
    }

    [Fact]
    public void Extract_HeadingWordsAndProducts_AreNotParties()
    {
        var terms = Terms(
            "SEATTLE--(BUSINESS WIRE)--Ostrava Data Systems, Inc. (NYSE: ODS) today announced results.\n"
            + "Secured Total Contract Value with Expansion to 40k GPUs from ASICs by End of 2027 under the agreement.");

        Assert.Equal(["Ostrava Data Systems, Inc."], terms.Parties);
    }
}
