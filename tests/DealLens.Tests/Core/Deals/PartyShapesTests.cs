using DealLens.Core.Deals;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Deals;

/// <summary>
/// Issue 18: the party shapes of real filings that open without "between", told in our own words with invented
/// companies (none of this wording comes from the documents the readers were measured on).
/// </summary>
public sealed class PartyShapesTests
{
    private static DealTerms Terms(string text)
        => DealTermsExtractor.Default.Extract(DocumentText.FromPages([text], DocumentFormat.Text)).Terms;

    [Fact]
    public void Issue18_Extract_EnglishNumberedParties_ReadsSupplierAndCustomer()
    {
        var terms = Terms(
            "THIS AGREEMENT is dated 2 March 2026\n\nPARTIES\n\n(1) HALDANE COMPUTE LIMITED, a company incorporated in Scotland whose registered office is at "
            + "4 Quay Road, Leith (\"Supplier\"); and\n\n(2) ORRIN ANALYTICS LTD, a company incorporated in England and Wales (\"Customer\").\n\nBACKGROUND\n\n(A) The Supplier runs GPU clusters.");

        Assert.Equal("HALDANE COMPUTE LIMITED", terms.Provider);
        Assert.Equal("ORRIN ANALYTICS LTD", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_GermanHereinafterLayout_ReadsBothParties()
    {
        var terms = Terms(
            "RAHMENVERTRAG / FRAMEWORK AGREEMENT\n\nbetween\n\nKessler Rechenzentren GmbH, Hafenstraße 12, 20457 Hamburg, Germany\n- hereinafter \"Kessler\" -\n\n"
            + "and\n\nVolta Maschinen AG, Ringstraße 3, 80331 München, Germany\n- hereinafter \"Volta\" -\n\nPreamble\n\nKessler operates data centres.");

        Assert.Contains("Kessler Rechenzentren GmbH", terms.Parties);
        Assert.Contains("Volta Maschinen AG", terms.Parties);
    }

    [Fact]
    public void Issue18_Extract_WarrantCertificate_CompanyIsIssuerAndHolderHolds()
    {
        var terms = Terms(
            "WARRANT TO PURCHASE SHARES OF COMMON STOCK\n\nPELLUCID SYSTEMS, INC., a Delaware corporation (the \"Company\"), hereby certifies that, for value "
            + "received, GANNET LABS LLC, a Delaware limited liability company, or its registered assigns (the \"Holder\"), may purchase up to 2,000,000 shares.");

        Assert.Contains(terms.Roles, r => r.Name == "PELLUCID SYSTEMS, INC." && r.Role == PartyRoles.Issuer);
        Assert.Contains(terms.Roles, r => r.Name == "GANNET LABS LLC" && r.Role == PartyRoles.Holder);
        Assert.Null(terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_CreditAgreementCoverWithAsRoles_ReadsBorrowerGuarantorAndAgent()
    {
        var terms = Terms(
            "TERM LOAN AGREEMENT\n\ndated as of May 1, 2026\n\namong\n\nMERIDIAN GPU FUNDING II, LLC,\nas Borrower,\n\nMERIDIAN CLOUD, INC.,\nas Parent Guarantor,\n\n"
            + "THE LENDERS PARTY HERETO FROM TIME TO TIME,\n\nand\n\nSTANHOPE BANK, N.A.,\nas Administrative Agent and Collateral Agent");

        Assert.Contains(terms.Roles, r => r.Name == "MERIDIAN GPU FUNDING II, LLC" && r.Role == PartyRoles.Borrower);
        Assert.Contains(terms.Roles, r => r.Name == "MERIDIAN CLOUD, INC." && r.Role == PartyRoles.Guarantor);
        Assert.Contains(terms.Roles, r => r.Name == "STANHOPE BANK, N.A." && r.Role == PartyRoles.Agent);
        Assert.DoesNotContain(terms.Parties, p => p.Contains("LENDERS", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue18_Extract_GuarantyForTheBenefitOf_GuarantorLandlordAndTenantFromRecital()
    {
        var terms = Terms(
            "GUARANTY\n\nThis GUARANTY is made as of April 9, 2026, by ALDER PARENT CORP., a Delaware corporation (\"Guarantor\"), for the benefit of "
            + "NORTHFIELD SITES LLC, a Delaware limited liability company (\"Landlord\").\n\nWHEREAS, Landlord and ALDER COMPUTE LLC, a Delaware limited "
            + "liability company (\"Tenant\"), are parties to a lease of data center space.");

        Assert.Contains(terms.Roles, r => r.Name == "ALDER PARENT CORP." && r.Role == PartyRoles.Guarantor);
        Assert.Equal("NORTHFIELD SITES LLC", terms.Provider);
        Assert.Equal("ALDER COMPUTE LLC", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_KeyTermsTable_ReadsProviderAndCustomerCells()
    {
        var terms = Terms("CAPACITY RESERVATION - KEY TERMS\n\n| Role | Party |\n| Provider | Tamsin Grid Ltd | \n| Customer | Oberon Models, Inc. |\n\nThe Provider reserves 40 MW.");

        Assert.Equal("Tamsin Grid Ltd", terms.Provider);
        Assert.Equal("Oberon Models, Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_ShortNamesAsTerms_FirstObligationGivesSides()
    {
        var terms = Terms(
            "CLOUD SERVICES AGREEMENT\n\nThis Agreement is entered into by and between Lumen Forge, Inc., a Delaware corporation (\"Lumen\"), and Pallas Robotics SAS, "
            + "a French société par actions simplifiée (\"Pallas\").\n\n1. Services. Lumen will provide Pallas with GPU capacity as set out in each order.");

        Assert.Equal("Lumen Forge, Inc.", terms.Provider);
        Assert.Equal("Pallas Robotics SAS", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_SharePurchaseWithPurchaserSignature_IssuerAndInvestorNoDealSides()
    {
        var terms = Terms(
            "SHARE PURCHASE AGREEMENT\n\nThis SHARE PURCHASE AGREEMENT is dated as of June 3, 2026, by and among Corvid Cloud N.V., a public company incorporated "
            + "in the Netherlands (the \"Company\"), and each purchaser named on the signature pages (each a \"Purchaser\").\n\n[Signature pages follow]\n\n"
            + "PURCHASER:\n\nHELIX VENTURES LLC\n\nBy: ____________\nName:\nTitle:\n");

        Assert.Contains(terms.Roles, r => r.Name == "Corvid Cloud N.V." && r.Role == PartyRoles.Issuer);
        Assert.Contains(terms.Roles, r => r.Name == "HELIX VENTURES LLC" && r.Role == PartyRoles.Investor);
        Assert.Null(terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_ReleaseWhereSubsidiarySigns_SubsidiaryIsLandlordWithParent()
    {
        var terms = Terms(
            "DENVER, Feb. 2, 2026 (GLOBE NEWSWIRE) -- Ridgeway Power Corp. (Nasdaq: RDGW) (\"Ridgeway\" or the \"Company\") today announced that Ridgeway Sites LLC, "
            + "a wholly-owned subsidiary of Ridgeway Power Corp., has signed a 12-year lease with Quantel AI Inc. for 90 MW at its Pueblo campus.");

        Assert.Equal("Ridgeway Sites LLC", terms.Provider);
        Assert.Equal("Quantel AI Inc.", terms.Customer);
        Assert.Contains(terms.Roles, r => r.Name == "Ridgeway Sites LLC" && r.Parent == "Ridgeway Power Corp.");
    }

    [Fact]
    public void Issue18_Extract_NoteWhereTenantLeasesAtCompanysCampus_TenantAndFilerLandlord()
    {
        var terms = Terms(
            "<SEC-HEADER>\nCONFORMED SUBMISSION TYPE: 10-Q\nFILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME: Basalt Digital Inc.\n</SEC-HEADER>\n\n"
            + "Note 9. Leases\n\nIn May 2026, Cirrus Labs, Inc. (\"Cirrus\") exercised its option to lease a further 60 MW at the Company's Amarillo data center campus.");

        Assert.Equal("Basalt Digital Inc.", terms.Provider);
        Assert.Equal("Cirrus Labs, Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_LowerCaseBrandDigitLetterNameAndTradeName_KeepsWholeNames()
    {
        var terms = Terms(
            "This Reseller Agreement is made by and between 4SIGHT.NET, INC., a Nevada corporation (\"Reseller\"), and voltcore.io, Inc. d/b/a Voltcore "
            + "Cloud, a Delaware corporation (\"Vendor\").");

        Assert.Contains("4SIGHT.NET, INC.", terms.Parties);
        Assert.Equal("voltcore.io, Inc. d/b/a Voltcore Cloud", terms.Provider);
    }

    [Fact]
    public void Issue18_Extract_BankActingThroughBranch_BranchStaysInAgentName()
    {
        var terms = Terms(
            "LOAN AGREEMENT\n\ndated as of March 3, 2026\n\namong\n\nCORVID PARK HOLDINGS LLC,\nas Borrower,\n\nTHE LENDERS PARTY HERETO,\n\nand\n\n"
            + "HALVARD BANK AG, SINGAPORE BRANCH,\nas Administrative Agent");

        Assert.Contains(terms.Roles, r => r.Name == "HALVARD BANK AG, SINGAPORE BRANCH" && r.Role == PartyRoles.Agent);
        Assert.DoesNotContain(terms.Parties, p => p == "SINGAPORE BRANCH");
    }

    [Fact]
    public void Issue18_Extract_CounterpartyBankWithBranchInProse_KeepsBranch()
    {
        var terms = Terms(
            "FACILITY AGREEMENT dated as of June 9, 2026 between Tamsin Data Halls LLC, a Delaware limited liability company (the \"Borrower\"), "
            + "and the lenders party hereto (the \"Lenders\"), with Kellin Bank, Ltd., London Branch as the Administrative Agent.");

        Assert.Contains(terms.Parties, p => p == "Kellin Bank, Ltd., London Branch");
        Assert.DoesNotContain(terms.Parties, p => p == "London Branch");
    }
}
