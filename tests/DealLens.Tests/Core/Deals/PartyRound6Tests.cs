using DealLens.Core.Deals;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core.Deals;

/// <summary>
/// Issue 18, round 6: names a release shortens (tickers, initials, a legal name without its form, a possessive), a
/// subsidiary that signs for "the Company", roles a possessive gives ("Y's primary cloud provider", "deploy Y's
/// solutions") and a purpose clause with a subject of its own. Every wording is ours and every company invented.
/// </summary>
public sealed class PartyRound6Tests
{
    private static DealTerms Terms(string text)
        => DealTermsExtractor.Default.Extract(DocumentText.FromPages([text], DocumentFormat.Text)).Terms;

    [Fact]
    public void Issue18_Read_JointReleaseDatelineWithTwoCities_IsPressRelease()
    {
        var origin = DocumentOriginReader.Read(DocumentText.FromPages(
            ["Two Companies Join Forces\n\nPORTLAND and SAN DIEGO, Sept. 8, 2026 -- Marrowby Labs PBC and Quen Devices, Inc. today announced a collaboration."],
            DocumentFormat.Text));

        Assert.Equal(DocumentKinds.PressRelease, origin.Kind);
    }

    [Fact]
    public void Issue18_Extract_TickerAsShortName_ResolvesToTheLegalName()
    {
        var terms = Terms(
            "Querl and Parmenter Expand Partnership\n\nAUSTIN, Texas and RALEIGH, N.C., Oct. 2, 2026 -- Querl Corporation (NYSE: QRL) and Parmenter Devices, Inc. "
            + "(NASDAQ: PMD) today announced an expanded agreement. Under the agreement, PMD will supply Querl with 20,000 accelerators in 2027.");

        Assert.Equal("Parmenter Devices, Inc.", terms.Provider);
        Assert.Equal("Querl Corporation", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_InitialsAndPossessiveOwner_ReadTheCompanies()
    {
        var terms = Terms(
            "Lumen Fission and Regional Utility Collaborate\n\nKNOXVILLE, Tenn., Aug. 3, 2026 -- Lumen Fission LLC and the Ostrava Valley Authority (OVA) today announced "
            + "a power purchase agreement. Under the agreement, OVA will buy up to 40 megawatts of energy from Lumen Fission's Unit 2 plant.");

        Assert.Equal("Ostrava Valley Authority", terms.Customer);
        Assert.Equal("Lumen Fission LLC", terms.Provider);
        Assert.DoesNotContain(terms.Parties, p => p.Contains("Unit 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Issue18_Extract_PossessiveRoleNoun_MakesTheSubjectTheProvider()
    {
        var terms = Terms(
            "Nimbo Labs and Corvane Announce Strategic Collaboration\n\nSEATTLE and BOSTON, Sept. 1, 2026 -- Nimbo Labs PBC and Corvane Holdings, Inc. today "
            + "announced a strategic collaboration. Corvane Holdings will invest up to $2 billion in Nimbo Labs.\n\nAs part of the collaboration, Corvane Cloud Inc. "
            + "will become Nimbo Labs' primary cloud provider for training workloads.");

        Assert.Equal("Corvane Cloud Inc.", terms.Provider);
        Assert.Equal("Nimbo Labs PBC", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_SpendToDeployAnothersSolutions_MakesTheSpenderTheCustomer()
    {
        var terms = Terms(
            "Kobayashi and Veritas AI Announce Partnership\n\nOSAKA, Mar. 2, 2026 -- Kobayashi Holdings Corp. and Veritas AI today announced a partnership. "
            + "Kobayashi Holdings Corp. will spend $2 billion a year to deploy Veritas AI's solutions across its group companies.");

        Assert.Equal("Veritas AI", terms.Provider);
        Assert.Equal("Kobayashi Holdings Corp.", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_SubsidiaryOfTheCompanyWithShortName_SignsAsLandlord()
    {
        var terms = Terms(
            "FORM 8-K\nCURRENT REPORT\n\nGRAYSON DIGITAL INC.\n(Exact name of registrant as specified in its charter)\n\nItem 1.01 Entry into a Material Definitive Agreement.\n\n"
            + "On March 9, 2026, Tarrow Data LLC (\"Tarrow\"), a wholly owned subsidiary of the Company, entered into a data center lease with Pellam AI, Inc. "
            + "(\"Pellam\"), under which Pellam will lease 30 MW of critical IT load at the Company's Grayson campus for ten years.");

        Assert.Equal("Tarrow Data LLC", terms.Provider);
        Assert.Equal("Pellam AI, Inc.", terms.Customer);
        Assert.Contains(terms.Roles, r => r.Name == "Tarrow Data LLC" && r.Role == PartyRoles.Landlord);
    }

    [Fact]
    public void Issue18_Extract_PurposeClauseWithItsOwnSubject_BuyerIsThatSubject()
    {
        var terms = Terms(
            "FORM S-1\nREGISTRATION STATEMENT\n\nHALCYON WAFER SYSTEMS INC.\n(Exact name of registrant as specified in its charter)\n\nPROSPECTUS SUMMARY\n\n"
            + "Customer concentration. Under our agreements with Zephyr Compute Ltd, Zephyr Compute Ltd has committed to purchase $900 million of our systems and services.");

        Assert.Equal("HALCYON WAFER SYSTEMS INC.", terms.Provider);
        Assert.Equal("Zephyr Compute Ltd", terms.Customer);
    }

    [Fact]
    public void Issue18_Extract_WhatFollowsPurchase_IsTheThingBoughtNotTheSeller()
    {
        var terms = Terms("On March 3, 2026, we signed a five-year agreement under which Ravenmoor Labs will purchase TPU cloud capacity for $1.2 billion.");

        Assert.Equal("Ravenmoor Labs", terms.Customer);
        Assert.DoesNotContain(terms.Parties, p => p.StartsWith("TPU", StringComparison.Ordinal));
        Assert.Null(terms.Provider);
    }

    [Fact]
    public void Issue18_Extract_NoteHeadingsAboveTheirSentences_NameNoParty()
    {
        var terms = Terms(
            "Note 14. Subsequent events\n"
            + "Conditional Agreement\nOn January 15, 2026, the Company entered into a conditional agreement to provide data center capacity at its campus.\n"
            + "Hardware purchase agreements\nOn February 2, 2026, the Company entered into a purchase agreement with Tollgate Systems LLC for servers.");

        Assert.DoesNotContain(terms.Parties, p => p.StartsWith("Conditional", StringComparison.Ordinal) || p.StartsWith("Hardware", StringComparison.Ordinal));
        Assert.Contains("Tollgate Systems LLC", terms.Parties);
    }

    [Fact]
    public void Issue18_Extract_CustomersNamedOnlyInARevenueShareSentence_AreGroundedInIt()
    {
        const string text = "In 2025, Ashgrove AI and Morrow Labs represented 61% and 12% of the Company's revenue, respectively.";
        var result = DealTermsExtractor.Default.Extract(DocumentText.FromPages([text], DocumentFormat.Text));

        Assert.Equal("Ashgrove AI", result.Terms.Customer);
        Assert.Contains(result.Terms.Evidence, e => e.Field == DealTermFields.Parties && e.Start == 0 && e.End > 0);
    }
}
