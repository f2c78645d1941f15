using DealLens.Core.Documents;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

public sealed class RevenueConcentrationReaderTests
{
    private static IReadOnlyList<DisclosedRevenueShare> Read(string text, string? filer = "Cobalt Cloud")
        => RevenueConcentrationReader.Read(DocumentText.FromPages(["Cover page.", text], DocumentFormat.Text), filer);

    [Theory]
    [InlineData("Customer A accounted for 62% of our revenue.", "unnamed customer", 62)]
    [InlineData("During 2024, one customer accounted for approximately 71% of total revenues.", "unnamed customer", 71)]
    [InlineData("Sales to Microsoft represented 62% of revenue for the year ended December 31, 2024.", "Microsoft", 62)]
    [InlineData("Beacon AI accounted for 64.5 percent of net revenues.", "Beacon AI", 64.5)]
    public void Read_OnePhrasing_FindsCustomerPercentAndVerbatimQuote(string sentence, string customer, double percent)
    {
        var text = "Notes to the financial statements. " + sentence + " Nothing else.";
        var document = DocumentText.FromPages(["Cover page.", text], DocumentFormat.Text);

        var share = Assert.Single(RevenueConcentrationReader.Read(document, "Cobalt Cloud"));

        Assert.Equal(customer, share.Customer);
        Assert.Equal((decimal)percent, share.Percent);
        Assert.Equal(sentence, share.Quote);
        Assert.Equal(sentence, document.Text[share.Start..share.End]);
        Assert.Equal(2, share.Page);
        Assert.Equal("Cobalt Cloud", share.Company);
        Assert.Null(share.Rank);
    }

    [Fact]
    public void Read_PeriodStated_RecordsIt()
    {
        var share = Assert.Single(Read("Sales to Microsoft represented 62% of revenue for the year ended December 31, 2024."));

        Assert.Equal("year ended December 31, 2024", share.Period);
    }

    [Fact]
    public void Read_TwoLargestCustomers_OneRecordPerPercentInOrder()
    {
        var shares = Read("In fiscal 2024, our two largest customers accounted for 77% and 10% of our revenue.");

        Assert.Equal([77m, 10m], shares.Select(s => s.Percent));
        Assert.Equal([1, 2], shares.Select(s => s.Rank ?? 0));
        Assert.All(shares, s => Assert.Equal(RevenueConcentrationReader.Unnamed, s.Customer));
        Assert.All(shares, s => Assert.Equal("our two largest customers", s.Label));
        Assert.All(shares, s => Assert.Equal("fiscal 2024", s.Period));
    }

    [Fact]
    public void Read_ListWithoutOfRevenue_ReadWhenTheSentenceIsAboutRevenue()
    {
        var shares = Read("Revenue is concentrated: our two largest customers accounted for 77% and 10%.");

        Assert.Equal([77m, 10m], shares.Select(s => s.Percent));
    }

    [Fact]
    public void Read_SecondCustomerInSameSentence_HasItsOwnLabel()
    {
        var shares = Read("For the three months ended June 30, 2026, Beacon AI accounted for 64% of the Company's revenue, and another customer accounted for 11%.");

        Assert.Equal(["Beacon AI", RevenueConcentrationReader.Unnamed], shares.Select(s => s.Customer));
        Assert.Equal([null, "another customer"], shares.Select(s => s.Label));
        Assert.Equal([64m, 11m], shares.Select(s => s.Percent));
        Assert.All(shares, s => Assert.Equal("three months ended June 30, 2026", s.Period));
    }

    [Theory]
    [InlineData("Customer A accounted for 62% of the increase in costs of revenue.")]
    [InlineData("Higher power prices accounted for 62% of the increase in costs, while revenue grew.")]
    [InlineData("Customer A accounted for 162% of our revenue growth and revenue.")]
    [InlineData("Customer A accounted for 120% of revenue.")]
    [InlineData("No other customer accounted for 10% or more of revenue.")]
    [InlineData("Cost of revenue accounted for 62% of revenue.")]
    [InlineData("Customer A accounted for 62% of our headcount.")]
    public void Read_NotARevenueShare_Ignored(string sentence)
        => Assert.Empty(Read(sentence));

    [Fact]
    public void Read_NoFiler_CompanyUnknownNotGuessed()
        => Assert.Null(Assert.Single(Read("Customer A accounted for 62% of our revenue.", filer: null)).Company);

    [Theory]
    [InlineData("Customer A accounted for 64% of total revenue for the three months ended November 1, 2025.", "Customer A")]
    [InlineData("Sales to one direct customer represented 22% of total revenue for fiscal year 2026.", "one direct customer")]
    [InlineData("Our largest customer represented 38% of net revenue in fiscal 2025.", "Our largest customer")]
    public void Issue18_UnnamedCustomer_IsExplicitlyUnnamedNeverAPhrase(string sentence, string label)
    {
        var share = Assert.Single(Read(sentence));

        Assert.Equal(RevenueConcentrationReader.Unnamed, share.Customer);
        Assert.Equal(label, share.Label);
    }

    [Fact]
    public void Issue18_ListedCustomersRespectively_EachGetsItsShareAndTheYear()
    {
        var shares = Read("In 2023, Harbor Lane, Quillon and a large telecom operator represented 41.2%, 12.5% and 6.1% of its revenue, respectively.");

        Assert.Equal(["Harbor Lane", "Quillon", RevenueConcentrationReader.Unnamed], shares.Select(s => s.Customer));
        Assert.Equal([41.2m, 12.5m, 6.1m], shares.Select(s => s.Percent));
        Assert.All(shares, s => Assert.Equal("2023", s.Period));
        Assert.Equal("a large telecom operator", shares[2].Label);
    }

    [Fact]
    public void Issue18_NamedCustomerAppositive_IsTheCustomer()
    {
        var share = Assert.Single(Read("Our largest customer, Harbor Lane, represented 47% of revenue in fiscal 2025."));

        Assert.Equal("Harbor Lane", share.Customer);
    }

    [Fact]
    public void Issue18_TwoClaimsJoinedByAnd_BothRead()
    {
        var shares = Read("For fiscal year 2026, sales to one direct customer represented 22% of total revenue and sales to another direct customer represented 14% of total revenue.");

        Assert.Equal([22m, 14m], shares.Select(s => s.Percent));
        Assert.All(shares, s => Assert.Equal(RevenueConcentrationReader.Unnamed, s.Customer));
    }

    [Fact]
    public void Issue18_AccountsReceivableShare_IsNotRevenue()
    {
        Assert.Empty(Read("As of December 31, 2023, Harbor Lane and Quillon represented 62.1% and 10.6% of total accounts receivable, respectively."));
    }
}
