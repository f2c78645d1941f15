using DealLens.Core.Clauses;

namespace DealLens.Tests.Core;

public sealed class ClauseFieldReaderTests
{
    [Fact]
    public void Read_MinimumCommitmentPerContractYear_AnnualAmount()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.MinimumCommitment, "Customer shall purchase Services of at least $500 million in each Contract Year.");
        Assert.Equal(500_000_000m, fields.Amount);
        Assert.Equal("USD", fields.Currency);
        Assert.Equal("annual", fields.Period);
        Assert.Null(fields.Redacted);
    }

    [Fact]
    public void Read_TakeOrPayPerMonth_Monthly()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.TakeOrPay, "Customer shall pay $10 million per month whether or not it uses the Capacity, invoiced quarterly.");
        Assert.Equal(10_000_000m, fields.Amount);
        Assert.Equal("monthly", fields.Period);
    }

    [Fact]
    public void Read_QuarterlyPayment_Quarterly()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.TakeOrPay, "A shortfall payment of €25m is due each quarter.");
        Assert.Equal(25_000_000m, fields.Amount);
        Assert.Equal("EUR", fields.Currency);
        Assert.Equal("quarterly", fields.Period);
    }

    [Fact]
    public void Read_Headquarters_IsNotQuarterly()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.Loan, "Lender shall advance £40 million to Borrower's headquarters account.");
        Assert.Equal("GBP", fields.Currency);
        Assert.Equal("total", fields.Period);
    }

    [Fact]
    public void Read_CapOnLiabilityGreaterOf_TakesLargestAmount()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.CapOnLiability, "Liability shall not exceed the greater of $10 million and $25 million.");
        Assert.Equal(25_000_000m, fields.Amount);
        Assert.Equal("total", fields.Period);
    }

    [Fact]
    public void Read_RedactedAmount_RedactedWithoutAmount()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.LiquidatedDamages, "Provider shall pay liquidated damages of $[***] per day of delay.");
        Assert.True(fields.Redacted);
        Assert.Null(fields.Amount);
        Assert.Equal("USD", fields.Currency);
    }

    [Fact]
    public void Read_AbsurdAmount_LeftEmpty()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.Backstop, "Sponsor backstops $999999999999999999999 trillion.");
        Assert.Null(fields.Amount);
        Assert.Null(fields.Period);
    }

    [Fact]
    public void Read_EquityInvestment_Total()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.EquityInvestment, "Investor will purchase $350 million of Class A common stock.");
        Assert.Equal(350_000_000m, fields.Amount);
        Assert.Equal("total", fields.Period);
    }

    [Fact]
    public void Read_PrepaymentPercentInWordsAndDigits_ReadsDigits()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.Prepayment, "Customer shall make a prepayment equal to twenty percent (20%) of the first year's fees.");
        Assert.Equal(20m, fields.Percent);
    }

    [Fact]
    public void Read_RevenueSharing_Percent()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.RevenueSharing, "Partner receives 12.5% of net revenue from the Models.");
        Assert.Equal(12.5m, fields.Percent);
    }

    [Fact]
    public void Read_PercentOnMoneyOnlyType_NotSet()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.Loan, "Interest accrues at 8% per annum on $100 million.");
        Assert.Null(fields.Percent);
        Assert.Equal(100_000_000m, fields.Amount);
    }

    [Fact]
    public void Read_RenewalTermYears_Months()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.RenewalTerm, "This Agreement renews automatically for successive renewal terms of one (1) year.");
        Assert.Equal(12, fields.Months);
        Assert.Null(fields.Days);
    }

    [Fact]
    public void Read_NonCompeteMonths_Months()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.NonCompete, "For eighteen (18) months after the Term, Supplier shall not ...");
        Assert.Equal(18, fields.Months);
    }

    [Fact]
    public void Read_TerminationNoticeInDays_DaysNotMonths()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.TerminationForConvenience, "Either party may terminate for convenience on thirty (30) days' prior written notice.");
        Assert.Equal(30, fields.Days);
        Assert.Null(fields.Months);
    }

    [Fact]
    public void Read_HyphenatedYearDuration_Months()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.NonCompete, "a two-year non-compete period");
        Assert.Equal(24, fields.Months);
    }

    [Theory]
    [InlineData("Provider will use commercially reasonable efforts to make H100 capacity available.", "subject_to_availability")]
    [InlineData("Allocation of GB200 systems is subject to availability.", "subject_to_availability")]
    [InlineData("Provider makes no guarantee that B200 GPUs will be reserved.", "subject_to_availability")]
    [InlineData("Customer shall have priority allocation of GB300 systems.", "priority")]
    [InlineData("Customer receives first access to Rubin GPUs when released.", "priority")]
    [InlineData("Customer may upgrade to next-generation accelerators every 24 months.", "refresh")]
    [InlineData("Provider shall reserve 50,000 NVIDIA GB200 GPUs for Customer's exclusive use.", "guaranteed")]
    [InlineData("Provider dedicates MI300X capacity to Customer.", "guaranteed")]
    public void Read_ChipAccess_Classifies(string text, string access)
    {
        Assert.Equal(access, ClauseFieldReader.Read(ClauseTypes.ChipAccess, text).Access);
    }

    [Fact]
    public void Read_ChipAccessWithoutCommitment_NoAccess()
    {
        Assert.Null(ClauseFieldReader.Read(ClauseTypes.ChipAccess, "The parties discussed the roadmap.").Access);
    }

    [Fact]
    public void Read_ChipAccess_ListsChips()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.ChipAccess, "Provider reserves GB200 and, from 2026, GB300 systems; H1000 valves excluded.");
        Assert.Equal(["GB200", "GB300"], fields.Chips);
    }

    [Theory]
    [InlineData("This Agreement is governed by the laws of the State of New York, without regard to conflict of laws principles.", "New York")]
    [InlineData("This Agreement shall be governed by the laws of England and Wales.", "England and Wales")]
    [InlineData("governed by and construed under the laws of the State of Delaware and applicable federal law", "Delaware")]
    [InlineData("construed in accordance with the laws of California.", "California")]
    [InlineData("This Agreement is governed by Delaware law.", "Delaware")]
    [InlineData("governed by the laws of the United States of America", "United States of America")]
    public void Read_GoverningLaw_Jurisdiction(string text, string jurisdiction)
    {
        Assert.Equal(jurisdiction, ClauseFieldReader.Read(ClauseTypes.GoverningLaw, text).Jurisdiction);
    }

    [Fact]
    public void Read_NothingStated_ReturnsNone()
    {
        var fields = ClauseFieldReader.Read(ClauseTypes.Exclusivity, "Customer shall not engage another provider.");
        Assert.True(fields.IsEmpty);
    }
}
