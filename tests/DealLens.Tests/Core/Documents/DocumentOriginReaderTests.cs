using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Documents;

public sealed class DocumentOriginReaderTests
{
    private static DocumentOrigin Read(string text) => DocumentOriginReader.Read(DocumentText.FromPages([text], DocumentFormat.Text));

    [Fact]
    public void Read_EdgarHeader_GivesFormKindAndConformedName()
    {
        var origin = Read("<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\nFILER:\n\tCOMPANY CONFORMED NAME:\t\t\tLARKSPUR COMPUTE INC\n</SEC-HEADER>\nItem 8.01 Other Events.");

        Assert.Equal(DocumentKinds.CurrentReport, origin.Kind);
        Assert.Equal("LARKSPUR COMPUTE INC", origin.Filer);
        Assert.Contains(origin.Evidence, e => e.Field == DocumentOrigin.FilerField && e.Text == "LARKSPUR COMPUTE INC");
    }

    [Fact]
    public void Read_QuarterlyCoverPage_RegistrantAboveCaptionIsFiler()
    {
        var origin = Read(
            "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 10-Q\nQUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d)\n\n"
            + "Bramble Grid Holdings, Inc.\n(Exact name of registrant as specified in its charter)\nDelaware\n\nWe lease our sites.");

        Assert.Equal(DocumentKinds.PeriodicReport, origin.Kind);
        Assert.Equal("Bramble Grid Holdings, Inc.", origin.Filer);
        Assert.Equal("Bramble Grid Holdings, Inc.", origin.Resolve("the Registrant"));
        Assert.Equal("Bramble Grid Holdings, Inc.", origin.Resolve("We"));
    }

    [Fact]
    public void Read_EightKItem_CompanyDefinedInFirstSentenceIsFiler()
    {
        var origin = Read(
            "Item 1.01 Entry into a Material Definitive Agreement.\nOn March 3, 2026, Quarry Cloud Corp., a Nevada corporation (the “Company”), entered into a supply agreement.");

        Assert.Equal(DocumentKinds.CurrentReport, origin.Kind);
        Assert.Equal("Quarry Cloud Corp.", origin.Filer);
        Assert.Equal("Quarry Cloud Corp.", origin.Resolve("the Company"));
        Assert.Equal("Quarry Cloud Corp.", origin.Resolve("the Company’s"));
        Assert.Null(origin.Resolve("the Purchaser"));
    }

    [Fact]
    public void Read_WireRelease_ListedCompanyThatAnnouncesIsFiler()
    {
        var origin = Read(
            "Ostrava Data Names New Chief Engineer\nSEATTLE--(BUSINESS WIRE)--Ostrava Data Systems, Inc. (NYSE: ODS), a builder of liquid-cooled halls, today announced a new site.");

        Assert.Equal(DocumentKinds.PressRelease, origin.Kind);
        Assert.Equal("Ostrava Data Systems, Inc.", origin.Filer);
    }

    [Fact]
    public void Read_DatelineWithoutWire_ShortNameResolvesToFiler()
    {
        var origin = Read(
            "PHOENIX, AZ, March 4, 2026 – Fenwick Power Ltd. (Nasdaq: FWP) (“Fenwick” or the “Company”) today announced a lease.");

        Assert.Equal(DocumentKinds.PressRelease, origin.Kind);
        Assert.Equal("Fenwick Power Ltd.", origin.Filer);
        Assert.Equal("Fenwick Power Ltd.", origin.Resolve("Fenwick"));
    }

    [Fact]
    public void Read_OtherListedCompanyInSubtitle_IsNotTheFiler()
    {
        var origin = Read(
            "Partners on the build include Vexel Industries (NYSE: VXL)\nBOSTON, May 2, 2026 /PRNewswire/ -- Halden Systems Inc. (Nasdaq: HDN), a maker of racks, today announced the campus.");

        Assert.Equal("Halden Systems Inc.", origin.Filer);
    }

    [Fact]
    public void Read_ContractPreamble_ContractWithoutFiler()
    {
        var origin = Read(
            "COLOCATION AGREEMENT\nThis Colocation Agreement (this “Agreement”) is entered into as of May 1, 2026 by and between Pike Street Data LLC (the “Company”) and Orrin Labs Inc. (“Customer”).");

        Assert.Equal(DocumentKinds.Contract, origin.Kind);
        Assert.Null(origin.Filer);
        Assert.Null(origin.Resolve("the Company"));
    }

    [Fact]
    public void Read_StatementNotePage_PeriodicReportWithUnknownFiler()
    {
        var origin = Read("|\nLeases\n|9 Months Ended\nSep. 30, 2026\n|Leases [Abstract]\nThe Company leases data centers as a lessee.");

        Assert.Equal(DocumentKinds.PeriodicReport, origin.Kind);
        Assert.Null(origin.Filer);
    }

    [Fact]
    public void Read_PlainProse_OtherAndNoFiler()
    {
        var origin = Read("The weather in the valley was fine for most of the spring, and the river stayed low.");

        Assert.Equal(DocumentKinds.Other, origin.Kind);
        Assert.Null(origin.Filer);
        Assert.Empty(origin.Evidence);
    }

    [Fact]
    public void Issue18_Read_SixKTranslationCaption_FilerAndUndefinedCompanyResolve()
    {
        var origin = Read(
            "FORM 6-K\n\nREPORT OF FOREIGN PRIVATE ISSUER\n\nFor the month of April 2026\n\nTHALASSA COMPUTE N.V.\n(Translation of registrant's name into English)\n\n"
            + "On April 2, 2026, the Company signed a capacity agreement.");

        Assert.Equal(DocumentKinds.CurrentReport, origin.Kind);
        Assert.Equal("THALASSA COMPUTE N.V.", origin.Filer);
        Assert.Equal("THALASSA COMPUTE N.V.", origin.Resolve("the Company"));
    }
}
