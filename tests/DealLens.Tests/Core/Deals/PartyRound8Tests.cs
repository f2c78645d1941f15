using DealLens.Core.Deals;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Deals;

/// <summary>
/// Issue 18, round 8: parties that no sentence names in full. A release speaker without a ticker, a running head that
/// names the filer of a report page or newsroom post, an order form written on its provider's letterhead, a provider
/// named only as the owner of what the filer uses ("to use Y's cloud infrastructure"), signature captions that are no
/// role words, a signing subsidiary's parent, a joint release's speakers with descriptions, a brand that runs a legal
/// name's words together. Every wording is ours and every company invented.
/// </summary>
public sealed class PartyRound8Tests
{
    private static DocumentText Text(string text) => DocumentText.FromPages([text], DocumentFormat.Text);

    private static DealTerms Terms(string text) => DealTermsExtractor.Default.Extract(Text(text)).Terms;

    [Fact]
    public void Issue18_Read_ReleaseSpeakerWithoutTicker_IsTheFiler()
    {
        var origin = DocumentOriginReader.Read(Text(
            "BOISE, Idaho, March 3, 2027 /PRNewswire/ -- Tallowmere Compute, a provider of liquid-cooled GPU clusters for research labs, today announced "
            + "an agreement with Quorra Analytics LLC."));

        Assert.Equal(DocumentKinds.PressRelease, origin.Kind);
        Assert.Equal("Tallowmere Compute", origin.Filer);
        Assert.Equal("Tallowmere Compute", origin.Resolve("we"));
    }

    [Fact]
    public void Issue18_Read_JointReleaseSpeakers_HaveNoSingleFiler()
    {
        var text = "RENO, Nev., May 5, 2027 /PRNewswire/ -- Brisk Fabric, the maker of optical switches, and Pellam Cloud, the Oregon GPU host, today announced "
            + "Project Juniper, a chain of linked clusters.";
        var origin = DocumentOriginReader.Read(Text(text));
        var terms = Terms(text);

        Assert.Null(origin.Filer);
        Assert.Contains(terms.Parties, p => p == "Brisk Fabric");
        Assert.Contains(terms.Parties, p => p == "Pellam Cloud");
    }

    [Fact]
    public void Issue18_Extract_SpeakerWithoutTickerAndAgreementWithY_SellsToY()
    {
        var terms = Terms(
            "TUCSON, Ariz., Feb. 2, 2027 /PRNewswire/ -- Saguaro Fusion Works, a developer of compact fusion plants, today announced an offtake agreement with "
            + "Verdant Search LLC. Under the agreement, Verdant Search will purchase 150 MW from the company's first plant.");

        Assert.Equal("Saguaro Fusion Works", terms.Provider);
        Assert.Equal("Verdant Search LLC", terms.Customer);
    }

    [Theory]
    [InlineData("Under the partnership, Brannock Servers will supply Ostrava Cloud with GPU platforms and liquid-cooled racks.", "GPU")]
    [InlineData("Brannock Servers will provide Ostrava Cloud with NVIDIA Blackwell systems for its Ohio campus.", "NVIDIA Blackwell")]
    [InlineData("Brannock Servers has equipped Ostrava Cloud with Helix Storage arrays.", "Helix Storage")]
    public void Issue18_Extract_WhatFollowsSupplyYWith_IsTheThingSuppliedNotAParty(string sentence, string thing)
    {
        var terms = Terms("Brannock Servers and Ostrava Cloud LLC today announced a supply agreement. " + sentence);

        Assert.DoesNotContain(terms.Parties, p => p.StartsWith(thing, StringComparison.Ordinal));
        Assert.Contains(terms.Parties, p => p.StartsWith("Ostrava Cloud", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue18_Extract_AgreementWithY_AfterASupplyVerbElsewhere_StillNamesY()
    {
        var terms = Terms("Brannock Servers, which will supply racks, today signed an agreement with Ostrava Cloud LLC to provide GPU capacity.");

        Assert.Contains(terms.Parties, p => p == "Ostrava Cloud LLC");
    }

    [Theory]
    [InlineData("Quillon Systems, Inc. | Quarterly Report on Form 10-Q | June 30, 2027    17\n\nNote 9. Commitments\n\nWe have purchase obligations.", "Quillon Systems, Inc.", DocumentKinds.PeriodicReport)]
    [InlineData("QUILLON SYSTEMS, INC.\nNOTES TO CONDENSED CONSOLIDATED FINANCIAL STATEMENTS (UNAUDITED)\n\nWe have purchase obligations.", "QUILLON SYSTEMS, INC.", DocumentKinds.PeriodicReport)]
    [InlineData("Marrowby | Newsroom\nMay 2027\n\nToday we are adding capacity in Ohio.", "Marrowby", DocumentKinds.PressRelease)]
    public void Issue18_Read_RunningHead_NamesTheFiler(string text, string filer, string kind)
    {
        var origin = DocumentOriginReader.Read(Text(text));

        Assert.Equal(filer, origin.Filer);
        Assert.Equal(kind, origin.Kind);
        Assert.Equal(filer, origin.Resolve("we"));
    }

    [Theory]
    [InlineData("QUILLON SYSTEMS, INC.\n12 Harbor Way, Portland, Oregon\n\nSUMMARY OF TERMS\n\nWe have purchase obligations.")]
    [InlineData("Quillon Systems, Inc. | Investor Day | June 30, 2027\n\nWe have purchase obligations.")]
    public void Issue18_Read_FirstLineNameWithoutReportHeading_IsNoRunningHead(string text)
        => Assert.Null(DocumentOriginReader.Read(Text(text)).Filer);

    [Fact]
    public void Issue18_Extract_RunningHeadFilerUsesYsInfrastructure_FilerBuysFromY()
    {
        var terms = Terms(
            "Harrowgate Media, Inc. | Quarterly Report on Form 10-Q | March 31, 2027    21\n\nNote 12. Commitments\n\n"
            + "In February 2027 we entered into a five-year agreement to use Pellucid Cloud's GPU infrastructure for our recommendation models.");

        Assert.Equal("Pellucid Cloud", terms.Provider);
        Assert.Equal("Harrowgate Media, Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_LowerCaseTheCompanyDeploysYsAccelerators_CompanyBuys()
    {
        var terms = Terms(
            "ORVELL — Form 10-Q — Notes to Consolidated Financial Statements (unaudited)\n\nNote 4. Commitments\n\n"
            + "In the second quarter, the company entered into a collaboration to deploy Tessel's Arcwing accelerators as a service on its cloud.");

        Assert.Equal("Tessel", terms.Provider);
        Assert.Equal("ORVELL", terms.Customer);
    }

    [Theory]
    [InlineData("KESTREL COMPUTE LLC\n400 Mill Street, Fargo, North Dakota\n\nRESERVED CAPACITY ORDER FORM\n\nCustomer: Ambry Robotics Inc.\nTerm: 12 months\n\n"
        + "1. Service. Provider will make the Capacity available to Customer.", "KESTREL COMPUTE LLC")]
    [InlineData("STATEMENT OF WORK No. 7 — KESTREL COMPUTE LLC\n\nCustomer: Ambry Robotics Inc.\n\n1. Scope. The Service Provider will deliver a cluster.", "KESTREL COMPUTE LLC")]
    public void Issue18_Extract_OrderFormOnProvidersLetterhead_LetterheadIsTheProvider(string text, string provider)
    {
        var terms = Terms(text);

        Assert.Equal(provider, terms.Provider);
        Assert.Equal("Ambry Robotics Inc.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_PurchaseOrderOnBuyersLetterhead_LetterheadIsNotTheProvider()
    {
        var terms = Terms(
            "AMBRY ROBOTICS INC.\nPURCHASE ORDER No. 4410\n\nCustomer: Ambry Robotics Inc.\nVendor: see below\n\n1. Goods. Twenty GPU servers.");

        Assert.NotEqual("AMBRY ROBOTICS INC.", terms.Provider);
    }

    [Fact]
    public void Issue18_Extract_SignatureCaptionThatIsNoRoleWord_StillNamesTheParty()
    {
        var terms = Terms(
            "CAPACITY FRAMEWORK AGREEMENT\n\nThis Framework Agreement is made between the parties whose signatures appear below. The Developer will offer the "
            + "Buyer the output of each project.\n\nIN WITNESS WHEREOF, the parties have signed.\n\nDEVELOPER:\nFENWICK SOLAR PARTNERS L.P.,\nby its general partner, "
            + "Fenwick GP Limited\nBy: ______________\nName:\n\nBUYER:\nHALDANE SOFTWARE CORPORATION\nBy: ______________\nName:");

        Assert.Contains(terms.Parties, p => p == "FENWICK SOLAR PARTNERS L.P.");
        Assert.Equal("HALDANE SOFTWARE CORPORATION", terms.Customer);
        Assert.Equal("FENWICK SOLAR PARTNERS L.P.", terms.Provider);
    }

    [Fact]
    public void Issue18_Extract_SignatureOfftakerSubsidiary_KeepsItsParent()
    {
        var terms = Terms(
            "MASTER POWER AGREEMENT\n\n1. Framework. The Supplier intends to sell power to the Offtaker.\n\nSUPPLIER: ARDEN REACTORS INC.\nBy: ____________\n"
            + "Name:\n\nOFFTAKER: BELLWEATHER DATA, LLC, a Nevada limited liability company and a subsidiary of Bellweather Holdings, Inc., for itself\nBy: ____________\nName:");

        Assert.Equal("ARDEN REACTORS INC.", terms.Provider);
        Assert.Equal("BELLWEATHER DATA, LLC", terms.Customer);
        Assert.Contains(terms.Roles, r => r.Name == "BELLWEATHER DATA, LLC" && r.Parent == "Bellweather Holdings, Inc.");
    }

    [Fact]
    public void Issue18_Extract_SignatureNameAndAddressCaptions_AreNoParties()
    {
        var terms = Terms(
            "SERVICES AGREEMENT\n\nThis Services Agreement is between the parties below.\n\nPROVIDER: ARDEN REACTORS INC.\nBy: ____________\n"
            + "Name: Jane Roe\nAddress: Harbor Holdings LLC, 1 Main Street\nBy: ____________\n");

        Assert.DoesNotContain(terms.Parties, p => p.Contains("Harbor Holdings", StringComparison.Ordinal) || p.Contains("Jane", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue18_Extract_BrandRunningLegalWordsTogether_ResolvesToTheLegalName()
    {
        var terms = Terms(
            "DENVER, Colo., April 9, 2027 /PRNewswire/ -- Halvard Data, a builder of desert data centres, today announced a partnership with Hyper Rack Systems, Inc. "
            + "Under the partnership, Hyperrack will supply Halvard Data with liquid-cooled racks.");

        Assert.Equal("Hyper Rack Systems, Inc.", terms.Provider);
        Assert.Equal("Halvard Data", terms.Customer);
    }
}
