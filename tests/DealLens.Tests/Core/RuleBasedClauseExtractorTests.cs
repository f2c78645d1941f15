using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Rules;
using DealLens.Core.Documents;

namespace DealLens.Tests.Core;

public sealed class RuleBasedClauseExtractorTests
{
    private static DocumentText Doc(params string[] pages) => DocumentText.FromPages(pages, DocumentFormat.Pdf);

    private static IReadOnlyList<Clause> Extract(string text) => RuleBasedClauseExtractor.Default.Extract(Doc(text));

    private static HashSet<string> TypesIn(string text) => [.. Extract(text).Select(c => c.Type)];

    private static bool Fires(string rule, string text) => ClauseRuleSet.Default.MatchAll(text).Any(m => m.RuleName == rule);

    [Theory]
    [InlineData(ClauseTypes.TakeOrPay, "This is a take-or-pay arrangement for the Committed Capacity.")]
    [InlineData(ClauseTypes.TakeOrPay, "Customer shall pay the Monthly Fee for the Reserved Capacity whether or not Customer uses such capacity.")]
    [InlineData(ClauseTypes.TakeOrPay, "Customer shall pay for the reserved capacity regardless of actual usage during the Term.")]
    [InlineData(ClauseTypes.MinimumCommitment, "Customer shall purchase a minimum of $50,000,000 of Services in each Contract Year.")]
    [InlineData(ClauseTypes.MinimumCommitment, "The Minimum Annual Commitment is set out in Schedule B.")]
    [InlineData(ClauseTypes.MinimumCommitment, "Licensee shall pay Licensor a minimum royalty of $100,000 per year.")]
    [InlineData(ClauseTypes.ChipAccess, "Provider shall allocate dedicated capacity of 4,096 NVIDIA H100 GPUs to Customer, with a right to upgrade to GB200 systems.")]
    [InlineData(ClauseTypes.VolumeRestriction, "If Customer's usage exceeds the Committed Volume, overage fees apply at the rates in Exhibit C.")]
    [InlineData(ClauseTypes.Exclusivity, "Distributor shall purchase all of its requirements of the Products exclusively from Supplier.")]
    [InlineData(ClauseTypes.Exclusivity, "Supplier appoints Distributor as its exclusive distributor of the Products in the Territory.")]
    [InlineData(ClauseTypes.TerminationForConvenience, "Either party may terminate this Agreement for convenience upon ninety (90) days' prior written notice.")]
    [InlineData(ClauseTypes.LiquidatedDamages, "Customer shall pay the Early Termination Fee as liquidated damages and not as a penalty.")]
    [InlineData(ClauseTypes.PriceRestriction, "The prices set forth in Exhibit A shall not be increased during the Initial Term.")]
    [InlineData(ClauseTypes.MostFavoredNation, "Supplier shall offer Customer prices no less favorable than those offered to any other customer purchasing similar volumes.")]
    [InlineData(ClauseTypes.RevenueSharing, "Licensee shall pay Licensor a royalty equal to five percent (5%) of Net Sales of Licensed Products.")]
    [InlineData(ClauseTypes.ChangeOfControl, "Provider may terminate this Agreement upon a Change of Control of Customer.")]
    [InlineData(ClauseTypes.AntiAssignment, "Neither party may assign this Agreement without the prior written consent of the other party.")]
    [InlineData(ClauseTypes.CapOnLiability, "In no event shall either party's aggregate liability exceed the fees paid in the twelve months preceding the claim.")]
    [InlineData(ClauseTypes.UncappedLiability, "The limitations of liability in this Section shall not apply to a party's indemnification obligations or gross negligence.")]
    [InlineData(ClauseTypes.RenewalTerm, "This Agreement shall automatically renew for successive one (1) year terms.")]
    [InlineData(ClauseTypes.GoverningLaw, "This Agreement shall be governed by the laws of the State of New York.")]
    [InlineData(ClauseTypes.NonCompete, "During the Term, Consultant shall not, directly or indirectly, engage in any business that competes with the Company.")]
    [InlineData(ClauseTypes.Rofr, "Company grants Investor a right of first refusal on any sale of the Facility.")]
    [InlineData(ClauseTypes.PostTerminationServices, "Upon termination, Provider shall provide transition services for up to six (6) months.")]
    [InlineData(ClauseTypes.EquityInvestment, "Investor will invest $2,000,000,000 in the Company by purchasing shares of its Series C Preferred Stock.")]
    [InlineData(ClauseTypes.Warrant, "The Company shall issue to Customer a warrant to purchase up to 160,000,000 shares of Common Stock, vesting on deployment milestones.")]
    [InlineData(ClauseTypes.Backstop, "Provider agrees to purchase any unused capacity not sold to third parties.")]
    [InlineData(ClauseTypes.Prepayment, "Customer shall prepay twenty percent (20%) of the Contract Value within ten days of signing.")]
    [InlineData(ClauseTypes.Loan, "Lender shall make available a term loan of $500,000,000 to Borrower.")]
    public void Extract_TypicalClause_FindsType(string type, string text)
    {
        Assert.Contains(type, TypesIn(text));
    }

    [Theory]
    [InlineData("Customer may purchase additional GPU capacity, subject to availability.")]
    [InlineData("Customer may purchase up to 500 units per year at the prices in Exhibit A.")]
    [InlineData("Customer shall use best efforts to purchase at least 100 units each quarter.")]
    [InlineData("Distributor shall not be subject to any minimum purchase requirements.")]
    [InlineData("Provider will make available up to 1,000 servers, subject to availability of supply.")]
    public void Extract_HedgedPurchase_IsNeitherMinimumCommitmentNorTakeOrPay(string text)
    {
        var types = TypesIn(text);

        Assert.DoesNotContain(ClauseTypes.MinimumCommitment, types);
        Assert.DoesNotContain(ClauseTypes.TakeOrPay, types);
    }

    [Theory]
    [InlineData("Late amounts bear interest of up to 1.5 percent per month.")] // money, not a quantity
    [InlineData("Customer may terminate this Agreement within up to 30 days after notice.")]
    [InlineData("Supplier's liability is limited to 12 months of fees.")]
    [InlineData("Up to the Effective Date, the parties shall cooperate in good faith.")]
    [InlineData("The Company issued to Vertex a warrant to purchase up to 160 million units of the Company.")]
    public void Match_NoCappedQuantity_IsNotUpToQuantityRule(string text)
    {
        Assert.DoesNotContain(ClauseRuleSet.Default.MatchAll(text), m => m.RuleName == "vr.up-to-quantity");
    }

    [Theory]
    [InlineData("If Supplier fails to meet the Specifications, Customer may reject the Products.")]
    [InlineData("If Provider fails to perform any of its obligations hereunder, Customer may terminate this Agreement.")]
    [InlineData("If the parties are unable to reach agreement on the price, either party may refer the matter to arbitration.")]
    [InlineData("Customer shall purchase at least 500 GPU hours per month.")] // a commitment, but not a missed one
    [InlineData("If Provider fails to meet the Availability Target in any month, Customer shall receive Service Credits.")]
    public void Match_NoMissedMinimum_IsNotFailureToMeetMinimumRule(string text)
    {
        Assert.DoesNotContain(ClauseRuleSet.Default.MatchAll(text), m => m.RuleName == "mc.failure-to-meet-minimum");
    }

    [Fact]
    public void Match_AutomaticRenewalEndingOnAnotherEvent_IsStillAutomaticRenewal()
    {
        // The agreement renews itself; that it also ends automatically on some other event does not undo that.
        const string text = "This Agreement will automatically renew for successive one-year terms unless either party gives 30 days' notice, "
            + "or Customer signs a direct agreement with the Operator, in which case this Agreement will automatically terminate.";

        Assert.Contains(ClauseRuleSet.Default.MatchAll(text), m => m.RuleName == "ren.automatic");
    }

    [Theory]
    [InlineData("Customer acknowledges Provider's exclusive right, title and interest in and to the Platform.")]
    [InlineData("Each Sponsor shall have the exclusive right to remove and replace its designees to the Steering Committee.")]
    [InlineData("Operator has exclusive rights and interests in all intellectual property arising from the Services.")]
    public void Extract_OwnershipOrGovernanceRight_IsNotExclusivity(string sentence)
    {
        Assert.DoesNotContain(ClauseTypes.Exclusivity, TypesIn(sentence));
    }

    [Theory]
    [InlineData("The Prices set forth in Schedule A for each Product shall not be increased during the Initial Term.")]
    [InlineData("Sponsor agrees that it will not increase the list price of the Designated Products.")]
    [InlineData("Women.com may not increase the Payment Schedule more than once in any year.")]
    [InlineData("Rates may not increase by more than ten percent (10%) during any Renewal Term.")]
    [InlineData("Price adjustments shall be limited to the change in the Producer Price Index, and no price increase shall exceed 3%.")]
    public void Extract_PriceRestriction_IsFound(string text)
    {
        Assert.Contains(ClauseTypes.PriceRestriction, TypesIn(text));
    }

    [Theory]
    // The price is neither the subject of "shall not be reduced" nor the object of "shall not reduce".
    [InlineData("If the Shipper has agreed to pay a premium rate for transportation of Product on the Pipeline, the Shipper Deliveries shall not be reduced under normal operating conditions.")]
    [InlineData("Shipper shall not have any liability for failure to deliver; provided, however, the foregoing sentence shall not reduce or eliminate Shipper's obligation to pay the fees provided herein.")]
    // "including, but not limited to" is no cap.
    [InlineData("Administrator shall indemnify the Trust for requests for transaction adjustments (including, but not limited to, the pricing of net purchases on an as-of basis).")]
    public void Extract_PriceMentionedNearAnotherRestriction_IsNotPriceRestriction(string text)
    {
        Assert.DoesNotContain(ClauseTypes.PriceRestriction, TypesIn(text));
    }

    [Theory]
    [InlineData("Company shall increase the rate of remuneration paid to Athlete up to the highest then-current rate paid by Company to any such quarterback.")]
    [InlineData("Licensee shall pay a royalty no lower than the highest royalty granted by Licensee to any other licensor of similar content.")]
    public void Extract_HighestRatePaidToOthers_IsMostFavoredNation(string text)
    {
        Assert.Contains(ClauseTypes.MostFavoredNation, TypesIn(text));
    }

    [Theory]
    [InlineData("The fee shall be the higher of $10,000 or the amount payable under Section 4.")]
    [InlineData("Customer shall pay the highest rate set out in Exhibit B for any overtime hours.")]
    public void Extract_HighestRateWithoutOtherPayees_IsNotMostFavoredNation(string text)
    {
        Assert.DoesNotContain(ClauseTypes.MostFavoredNation, TypesIn(text));
    }

    [Theory]
    [InlineData("Supplier grants Customer a non-exclusive, non-transferable license to use the Software.")]
    [InlineData("Licensor hereby grants a nonexclusive right to distribute the Products.")]
    [InlineData("The courts of Delaware shall have exclusive jurisdiction over any dispute.")]
    [InlineData("This remedy is Customer's sole and exclusive remedy for breach of warranty.")]
    public void Extract_NotExclusiveDealing_IsNotExclusivity(string text)
    {
        Assert.DoesNotContain(ClauseTypes.Exclusivity, TypesIn(text));
    }

    [Theory]
    [InlineData(ClauseTypes.Prepayment, "Notices shall be sent by certified mail, postage prepaid, to the addresses above.")]
    [InlineData(ClauseTypes.Loan, "The Bank is a savings and loan holding company in good standing.")]
    [InlineData(ClauseTypes.TerminationForConvenience, "Upon termination of this Agreement for any reason, all licenses granted hereunder shall terminate.")]
    [InlineData(ClauseTypes.MinimumCommitment, "The Receiving Party shall disclose only the minimum amount of Confidential Information required by law.")]
    [InlineData(ClauseTypes.RenewalTerm, "The term may be extended for additional one-year periods by mutual written agreement of the parties.")]
    [InlineData(ClauseTypes.MostFavoredNation, "The Transferor may then sell the shares to a third party on terms no more favorable than those offered to the other shareholders.")]
    public void Extract_HardNegative_IsNotThatType(string type, string text)
    {
        Assert.DoesNotContain(type, TypesIn(text));
    }

    [Fact]
    public void Extract_TerminationForCauseOnly_IsNotTerminationForConvenience()
    {
        var text = "Either party may terminate this Agreement upon thirty (30) days' written notice if the other party materially breaches it.";

        Assert.DoesNotContain(ClauseTypes.TerminationForConvenience, TypesIn(text));
    }

    [Fact]
    public void Extract_NoClauseWording_ReturnsNothing()
    {
        Assert.Empty(Extract("The parties met in Denver. The weather was fine."));
    }

    [Fact]
    public void Extract_OneSpanTwoTypes_ReturnsBothOnTheSameSpan()
    {
        var clauses = Extract("Customer shall purchase a minimum of $10,000,000 of compute per year and shall pay the Fees whether or not it uses the capacity.");

        Assert.Contains(clauses, c => c.Type == ClauseTypes.MinimumCommitment);
        Assert.Contains(clauses, c => c.Type == ClauseTypes.TakeOrPay);
        Assert.Single(clauses.Select(c => (c.Start, c.End)).Distinct());
    }

    [Fact]
    public void Extract_EveryClause_IsGroundedWithIdEmptyAndExtractorRules()
    {
        var document = Doc(
            "1. Term\nThis Agreement shall automatically renew for successive one-year terms.\n\n2. Law\nThis Agreement is governed by the laws of England.",
            "3. Assignment\nNeither party may assign this Agreement without the prior written consent of the other party.");

        var clauses = RuleBasedClauseExtractor.Default.Extract(document);

        Assert.NotEmpty(clauses);
        Assert.All(clauses, c =>
        {
            Assert.Equal(document.Text[c.Start..c.End], c.Text);
            Assert.Equal("", c.Id);
            Assert.Equal("rules", c.Extractor);
            Assert.Same(ClauseFields.None, c.Fields);
            Assert.InRange(c.Confidence, 0.0, 1.0);
        });
    }

    [Fact]
    public void Extract_TwoPageDocument_ReportsThePageOfEachClause()
    {
        var document = Doc(
            "This Agreement shall be governed by the laws of the State of Delaware.",
            "Neither party may assign this Agreement without the prior written consent of the other party.");

        var clauses = RuleBasedClauseExtractor.Default.Extract(document);

        Assert.Equal(1, Assert.Single(clauses, c => c.Type == ClauseTypes.GoverningLaw).Page);
        Assert.Equal(2, Assert.Single(clauses, c => c.Type == ClauseTypes.AntiAssignment).Page);
    }

    [Fact]
    public void Extract_StrongPatternScoresAboveWeakPattern()
    {
        var strong = Assert.Single(Extract("The fees are payable on a take-or-pay basis."), c => c.Type == ClauseTypes.TakeOrPay);
        var weak = Assert.Single(Extract("Maximum daily quantity is 1,000 units."), c => c.Type == ClauseTypes.VolumeRestriction);

        Assert.InRange(strong.Confidence, 0.85, 1.0);
        Assert.True(weak.Confidence < strong.Confidence);
    }

    [Fact]
    public void Extract_MinConfidenceAboveWeakRules_DropsWeakMatches()
    {
        var extractor = new RuleBasedClauseExtractor(new RuleBasedClauseExtractorOptions { MinConfidence = 0.9 });

        var clauses = extractor.Extract(Doc("Maximum daily quantity is 1,000 units. The fees are payable on a take-or-pay basis."));

        Assert.Equal(ClauseTypes.TakeOrPay, Assert.Single(clauses).Type);
    }

    [Fact]
    public void Extract_TypesOption_ReportsOnlyThoseTypes()
    {
        var extractor = new RuleBasedClauseExtractor(new RuleBasedClauseExtractorOptions { Types = new HashSet<string> { ClauseTypes.GoverningLaw } });

        var clauses = extractor.Extract(Doc("Governed by the laws of Texas. Neither party may assign this Agreement without consent of the other."));

        Assert.All(clauses, c => Assert.Equal(ClauseTypes.GoverningLaw, c.Type));
        Assert.Single(clauses);
    }

    [Fact]
    public void Extract_CustomRuleSet_UsesOnlyItsRules()
    {
        var rules = new ClauseRuleSet([new ClauseRule(ClauseTypes.Backstop, "test.backstop", 0.7, ["capacity guarantee"])]);
        var extractor = new RuleBasedClauseExtractor(new RuleBasedClauseExtractorOptions { Rules = rules });

        var clause = Assert.Single(extractor.Extract(Doc("The sponsor gives a capacity   guarantee. Governed by the laws of Texas.")));

        Assert.Equal(ClauseTypes.Backstop, clause.Type);
        Assert.Equal(0.7, clause.Confidence);
    }

    [Fact]
    public void ClauseRuleSet_UnknownType_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ClauseRuleSet([new ClauseRule("no_such_type", "x", 0.5, ["x"])]));
    }

    [Fact]
    public void ClauseRuleSet_Default_AllConfidencesInUnitRangeAndNamesUnique()
    {
        var rules = ClauseRuleSet.Default.Rules;

        Assert.All(rules, r => Assert.InRange(r.Confidence, 0.0, 1.0));
        Assert.Equal(rules.Count, rules.Select(r => r.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ClauseTypes.All, type => Assert.Contains(rules, r => r.Type == type));
    }

    [Fact]
    public async Task ExtractAsync_ReturnsSameAsExtract()
    {
        var document = Doc("This Agreement shall be governed by the laws of Ontario.");

        var clauses = await RuleBasedClauseExtractor.Default.ExtractAsync(document, CancellationToken.None);

        Assert.Equal(RuleBasedClauseExtractor.Default.Extract(document), clauses);
    }

    [Fact]
    public void Extract_LongDocument_FindsEveryRepeatedClause()
    {
        var page = string.Join(' ', Enumerable.Repeat(
            "The Supplier shall deliver the Products to the Customer in accordance with the delivery schedule. "
            + "Neither party may assign this Agreement without the prior written consent of the other party.", 20));
        var document = Doc([.. Enumerable.Repeat(page, 100)]);

        var clauses = RuleBasedClauseExtractor.Default.Extract(document);

        // Speed is measured by the benchmark command, not asserted here.
        Assert.Equal(2000, clauses.Count);
    }

    [Theory]
    [InlineData("The Company sold its Abilene data centre to Quarry Capital for $1.2 billion and leased it back for fifteen years.")]
    [InlineData("Quarry will acquire 20,000 GPUs from Cobalt in a sale-leaseback transaction.")]
    [InlineData("The parties entered into a sale and leaseback of the cluster.")]
    public void Extract_SaleLeasebackWording_FindsSaleLeaseback(string sentence)
    {
        Assert.Contains(ClauseTypes.SaleLeaseback, TypesIn(sentence));
    }

    [Theory]
    [InlineData("Customer shall lease the equipment for a term of three years.")]
    [InlineData("Provider may sell surplus capacity to third parties.")]
    public void Extract_PlainLeaseOrSale_IsNotSaleLeaseback(string sentence)
    {
        Assert.DoesNotContain(ClauseTypes.SaleLeaseback, TypesIn(sentence));
    }

    [Theory]
    // limit on recovery.
    [InlineData("No action arising out of this Agreement may be brought by either party more than one (1) year after the cause of action has arisen.", "cap.claims-time-limit", true)]
    [InlineData("Any claim against Provider must be commenced within twelve (12) months of the event giving rise to it.", "cap.claims-time-limit", true)]
    [InlineData("Service Credits are Customer's sole and exclusive remedy for any failure to meet the Availability Target.", "cap.sole-remedy", true)]
    // no limit on recovery.
    [InlineData("The remedies in this Section are cumulative and not the sole remedy of either party.", "cap.sole-remedy", false)]
    [InlineData("Termination shall not be construed as an exclusive remedy.", "cap.sole-remedy", false)]
    [InlineData("Claims for Service Credits must be submitted through the support portal.", "cap.claims-time-limit", false)]
    // renewal wording.
    [InlineData("It is established by calendar year and renewed tacitly every year.", "ren.automatic", true)]
    [InlineData("This Agreement shall be tacitly renewed for successive one-year periods.", "ren.automatic", true)]
    [InlineData("When this Agreement expires, you will have the option to continue the franchise relationship with us for two (2) additional terms of ten (10) years each.", "ren.renewal-term", true)]
    // word only in pattern.
    [InlineData("Licensor will grant Licensee certain profit participation rights, as set forth in Schedule A6.", "rs.share-revenue", true)]
    // vr.up-to-quantity: capped quantity.
    [InlineData("Provider will host up to 250 named users on the Platform.", "vr.up-to-quantity", true)]
    [InlineData("Licensee may install the Software on no more than five (5) servers.", "vr.up-to-quantity", true)]
    [InlineData("The Athlete shall make up to [***] personal appearances during each Contract Year.", "vr.up-to-quantity", true)]
    [InlineData("Company will provide up to 10 hours of training to Distributor's personnel.", "vr.up-to-quantity", true)]
    // rs.share-of-fees-or-units: share of fees or units.
    [InlineData("Licensee shall receive a rebate of fifteen percent (15%) of the Platform Fees paid each quarter.", "rs.share-of-fees-or-units", true)]
    [InlineData("Distributor shall pay Licensor 7% of the net wholesale price of each Product.", "rs.share-of-fees-or-units", true)]
    [InlineData("Reseller pays the Foundation $0.05 per unit sold in the Territory.", "rs.share-of-fees-or-units", true)]
    [InlineData("The profits of the program shall be divided equally between the Parties.", "rs.share-of-fees-or-units", true)]
    // rs.share-of-fees-or-units: no share of fees or units.
    [InlineData("Late payments bear interest at 1.5 percent of the fees outstanding.", "rs.share-of-fees-or-units", false)]
    [InlineData("Customer receives a discount of 10% of the list price for volume orders.", "rs.share-of-fees-or-units", false)]
    [InlineData("The Agreement Fees are set out in Schedule 2.", "rs.share-of-fees-or-units", false)]
    // mc.failure-to-meet-minimum: missed minimum.
    [InlineData("If Customer fails to purchase the Minimum Annual Commitment in any Contract Year, Provider may terminate this Agreement.", "mc.failure-to-meet-minimum", true)]
    [InlineData("Failure to meet the quarterly minimum purchase targets shall be a material breach of this Agreement.", "mc.failure-to-meet-minimum", true)]
    [InlineData("If Operator does not deliver the guaranteed number of GPU hours in a month, Customer may terminate this Order.", "mc.failure-to-meet-minimum", true)]
    [InlineData("If Publisher has not delivered 2,000,000 impressions by the end of the Term, the Term shall be extended.", "mc.failure-to-meet-minimum", true)]
    [InlineData("Reseller shall ensure that its purchases meet or exceed the Minimum Volume in each quarter.", "mc.failure-to-meet-minimum", true)]
    // tfc.list-item-on-notice: list item termination on notice.
    [InlineData("(e) Without cause on no less than seven (7) days prior written notice.", "tfc.list-item-on-notice", true)]
    [InlineData("13.1.3 By either party for any reason by providing six (6) months prior written notice expressly terminating this Agreement.", "tfc.list-item-on-notice", true)]
    [InlineData("This Agreement shall be earlier terminated (x) by mutual agreement of the parties, or (y) at any time upon sixty (60) days advance written notice to the other party.", "tfc.list-item-on-notice", true)]
    // tfc.list-item-on-notice: no list item termination.
    [InlineData("(ii) At any time during a Contract Year, upon written notice to the JRC, Ginkgo may accelerate its Production Purchases.", "tfc.list-item-on-notice", false)]
    [InlineData("(b) for any reason other than a breach of Section 4, upon thirty days' notice.", "tfc.list-item-on-notice", false)]
    [InlineData("Either party may send notice at any time, without cause, to the address in Section 12.", "tfc.list-item-on-notice", false)]
    // mc.spend-at-least: spend at least.
    [InlineData("Customer shall spend at least $50,000,000 on Compute Services in each Contract Year.", "mc.spend-at-least", true)]
    [InlineData("Franchisee must spend three percent (3%) or more of Gross Sales on local marketing each quarter.", "mc.spend-at-least", true)]
    [InlineData("Customer may spend up to $10,000 on training credits.", "mc.spend-at-least", false)]
    [InlineData("Time spent on support requests is billed at the hourly rate.", "mc.spend-at-least", false)]
    // coc.merger-consequence: merger treated as transfer or termination.
    [InlineData("Any merger or consolidation of Customer shall be considered an assignment of this Agreement.", "coc.merger-consequence", true)]
    [InlineData("A Transfer shall also be deemed to include a merger of Tenant with any other entity.", "coc.merger-consequence", true)]
    [InlineData("Provider may terminate this Agreement upon the merger of Customer with a competitor.", "coc.merger-consequence", true)]
    [InlineData("The merger of the two data centres' cooling systems shall be completed by June.", "coc.merger-consequence", false)]
    [InlineData("For two years after termination, Reseller will not market software for consolidation, reporting or data collection.", "coc.merger-consequence", false)]
    // aa.may-not-assign: assignment prohibited.
    [InlineData("No party to this Order has the right to assign any of its rights or obligations under it.", "aa.may-not-assign", true)]
    [InlineData("Neither Customer nor Provider shall have the right to sublicense or to assign, pledge or otherwise transfer this Agreement.", "aa.may-not-assign", true)]
    [InlineData("Neither party shall in any way sell, transfer, assign or sub-contract the Reserved Capacity.", "aa.may-not-assign", true)]
    [InlineData("This Order may not be amended or assigned except in a writing signed by both parties.", "aa.may-not-assign", true)]
    [InlineData("Capacity credits cannot be transferred or assigned.", "aa.may-not-assign", true)]
    [InlineData("This Advisory Agreement will terminate automatically in the event of its assignment.", "aa.may-not-assign", true)]
    [InlineData("This Sub-Advisory Agreement shall automatically terminate in the event the Advisory Agreement is assigned.", "aa.may-not-assign", true)]
    [InlineData("Provider has the right to assign this Agreement to any of its Affiliates.", "aa.may-not-assign", false)]
    [InlineData("Customer may assign this Order to a successor to its business on notice to Provider.", "aa.may-not-assign", false)]
    // ren.renewal-term: renewal option.
    [InlineData("Customer shall have the right to renew this Order for one additional year at the then-current rates.", "ren.renewal-term", true)]
    [InlineData("Customer may, at its option, renew this Agreement for one (1) further term of twelve months.", "ren.renewal-term", true)]
    [InlineData("This Lease may be renewed for an additional term of five (5) years by notice given before expiry.", "ren.renewal-term", true)]
    [InlineData("The Capacity Reservation is renewable for 1 year by amendment to this Order.", "ren.renewal-term", true)]
    [InlineData("Provider reserves the right to revise its prices at the end of the Initial Term.", "ren.renewal-term", false)]
    [InlineData("This Agreement may be renewed only by mutual written agreement of the parties.", "ren.renewal-term", false)]
    // tfc.by-any-party-on-notice: termination by any party on notice.
    [InlineData("At any time after the first Contract Year, this Order may be terminated by any party on six (6) months prior notice.", "tfc.by-any-party-on-notice", true)]
    [InlineData("The Term ends on the earlier of the fifth anniversary and termination by either party for any reason upon thirty (30) days' written notice.", "tfc.by-any-party-on-notice", true)]
    [InlineData("In the event of termination by either party for any reason, Provider shall return Customer's data.", "tfc.by-any-party-on-notice", false)]
    [InlineData("This Order may be terminated by either party on thirty (30) days notice if the other party breaches it.", "tfc.by-any-party-on-notice", false)]
    // tfc.list-item-on-notice: list item by either party on notice.
    [InlineData("This Order may be terminated as follows: 12.2.1 By either party providing one hundred and twenty (120) days prior written notice to the other.", "tfc.list-item-on-notice", true)]
    [InlineData("This Order may be terminated as follows: (b) by either party giving thirty (30) days notice if the other party fails to pay.", "tfc.list-item-on-notice", false)]
    // ld.sum-for-violation: sum owed for violation.
    [InlineData("In case of a violation of Section 9, the hiring party shall pay to the other party an amount equal to twelve months of the employee's salary.", "ld.sum-for-violation", true)]
    [InlineData("Customer shall pay the Monthly Fee within thirty (30) days of each invoice.", "ld.sum-for-violation", false)]
    // tfc.decision-to-terminate: decision to terminate.
    [InlineData("The Term shall end on the 60th day after one party notifies the other of its decision to terminate this Agreement.", "tfc.decision-to-terminate", true)]
    [InlineData("If Customer decides to terminate this Order before the Delivery Date, Customer shall notify Provider in writing.", "tfc.decision-to-terminate", true)]
    [InlineData("Provider's decision to terminate for Customer's failure to pay shall be final.", "tfc.decision-to-terminate", false)]
    // coc.merger-consequence: majority equity acquired.
    [InlineData("If a majority of the equity of Customer is acquired by a third party, Provider may terminate this Agreement.", "coc.merger-consequence", true)]
    [InlineData("Customer shall maintain a majority of the equity in the Project Company for the Term.", "coc.merger-consequence", false)]
    // rs.fee-on-sales: fee that moves with sales.
    [InlineData("Reseller's commission shall be eight percent (8%) of the purchase price of the GPU hours sold through the Marketplace.", "rs.fee-on-sales", true)]
    [InlineData("Operator shall pay Partner a referral fee based on annual Net Sales of Compute Services.", "rs.fee-on-sales", true)]
    [InlineData("The fee is based on the number of racks installed.", "rs.fee-on-sales", false)]
    [InlineData("Buyer shall pay ten percent (10%) of the purchase price on signing.", "rs.fee-on-sales", false)]
    // rs.redacted-share: redacted share of revenue.
    [InlineData("Operator shall pay Host [***] of Net Revenues from the Colocation Services.", "rs.redacted-share", true)]
    [InlineData("For each month, Customer will pay Partner [XXX] of Partner Sales.", "rs.redacted-share", true)]
    [InlineData("Licensee agrees to pay a royalty in the amount of [***]of Licensee’s revenues from the Course.", "rs.redacted-share", true)]
    [InlineData("The Monthly Fee is [***] per GPU hour.", "rs.redacted-share", false)]
    // Most favoured nation: the lowest price charged to others; arm's-length negotiation is not a negotiation exclusion.
    [InlineData("The GPU Hour Rate shall not exceed the lowest price charged to others for the same instance type.", "mfn.lowest-price", true)]
    [InlineData("The renewal order shall have commercial terms equal to or more favorable to Customer than fair market value terms as would be agreed by similarly situated parties negotiating at arm's length.", "mfn.no-less-favorable", true)]
    [InlineData("The parties shall negotiate in good faith terms no less favorable than those offered to any other customer.", "mfn.no-less-favorable", false)]
    // Liquidated damages: a set sum for a breach, across a section number or per violation.
    [InlineData("If a Party hires an employee of the other Party in violation of Section 14.4 (Non-Solicit), the hiring Party shall, [***], within thirty (30) days of such hire, pay the other Party an amount equal to the employee's annual salary.", "ld.sum-for-violation", true)]
    [InlineData("If the Operator's inspection finds that Tenant's racks are not in compliance with the Site Rules, Tenant shall pay a further deposit of RMB5,000 per violation.", "ld.sum-per-violation", true)]
    [InlineData("Landlord may elect to impose a penalty of $10,000 for each unauthorised power circuit.", "ld.sum-per-violation", true)]
    [InlineData("Tenant shall pay $5,000 per rack per month for the Reserved Capacity.", "ld.sum-per-violation", false)]
    // Revenue sharing: a named revenue ("project revenue", "Program EBIT"), redacted shares, proceeds to be shared.
    [InlineData("Reseller will receive a lead-finder fee of 10% to 20% of project revenue for each Cluster it introduces.", "rs.percent-of-revenue", true)]
    [InlineData("The Commission shall be 50% of the Program EBIT realised by the Inference Business.", "rs.percent-of-revenue", true)]
    [InlineData("Provider shall receive one third (33%) of the gross amounts earned by Customer from resold GPU hours.", "rs.percent-of-revenue", true)]
    [InlineData("Operator will pay Host [***] of the Net Transaction Revenues it receives from each New Customer.", "rs.redacted-share", true)]
    [InlineData("The proceeds from such sales of surplus GPUs will be shared as follows: 10% Provider, 90% Customer.", "rs.share-revenue", true)]
    [InlineData("Customer shall reserve 50% of the cluster capacity for training runs.", "rs.percent-of-revenue", false)]
    // Renewal: price to be agreed is still a renewal; an extension by mutual agreement is not.
    [InlineData("The Term shall be extended for subsequent one year periods upon the mutual agreement of the parties.", "ren.successive-periods", false)]
    [InlineData("This Agreement may be renewed for an additional term of ten (10) years, for a consideration to be mutually agreed.", "ren.renewal-term", true)]
    [InlineData("This Agreement shall not be renewed or extended beyond the Initial Term.", "ren.successive-periods", false)]
    // Anti-assignment: consent in a pronoun's name, a list of what the rights are not.
    [InlineData("Franchisee may not assign this Agreement without obtaining our prior written consent.", "aa.not-assign-without-consent", true)]
    [InlineData("All rights granted herein are not sublicenseable, transferable or assignable.", "aa.may-not-assign", true)]
    [InlineData("The rights granted herein are freely assignable by Customer.", "aa.may-not-assign", false)]
    // Price restrictions: a yearly adjustment capped in percent, with no price word.
    [InlineData("Following the Initial Term, the support fees are subject to adjustments proposed by Provider not to exceed 5% per year.", "pr.percent-capped-adjustment", true)]
    [InlineData("Any increase in the Colocation Fee shall be no more than three percent (3%) in any Contract Year.", "pr.percent-capped-adjustment", true)]
    [InlineData("Any increase in reserved capacity shall not exceed 500 GPUs in any Contract Year.", "pr.percent-capped-adjustment", false)]
    // Exclusivity: no other deal of the kind with anyone; not the promise that nothing conflicts.
    [InlineData("Provider shall not enter into any other capacity or colocation agreement with any company or person in the Territory.", "ex.no-other-agreement", true)]
    [InlineData("Host shall not enter into any agreement or arrangement with any provider of GPU cloud services other than Customer.", "ex.no-other-agreement", true)]
    [InlineData("Neither party shall enter into any agreement with any third party that would conflict with its obligations under this Agreement.", "ex.no-other-agreement", false)]
    // Minimum commitment: a floor on fees.
    [InlineData("Customer shall pay a service fee of $7.50 per GPU hour, subject to a monthly minimum of $250,000.", "mc.minimum-fee", true)]
    [InlineData("Customer agrees to pay Provider a non-refundable Guaranteed Service Fee of $55,000,000 in Contract Year 2026.", "mc.minimum-fee", true)]
    [InlineData("Provider guaranteed the availability of the cluster at all times.", "mc.minimum-fee", false)]
    // Termination for convenience: a list item at the option of any party, on notice.
    [InlineData("(a) at the option of any party, upon 90 days' advance written notice to the other parties; or", "tfc.list-item-on-notice", true)]
    [InlineData("(a) at the option of any party, if the other party is in breach of its payment obligations; or", "tfc.list-item-on-notice", false)]
    public void Match_ContractWording_FiresTheRuleForIt(string text, string rule, bool expected)
    {
        Assert.Equal(expected, Fires(rule, text));
    }

    [Fact]
    public void Match_OneItemOfAListIsTerminationForConvenience_FiresThoughAnotherItemNamesABreach()
    {
        const string List = "This Agreement may be terminated by Provider by written notice to Customer (i) at any time upon six (6) months prior written notice, (ii) on six (6) months prior notice following the sale of the Data Center, and/or (iii) if Customer is in material breach of its payment obligations.";
        const string Whole = "Provider may terminate this Agreement by written notice to Customer at any time upon six (6) months prior written notice if Customer is in material breach of its payment obligations.";

        Assert.True(Fires("tfc.on-notice", List));
        Assert.False(Fires("tfc.on-notice", Whole));
    }
}
