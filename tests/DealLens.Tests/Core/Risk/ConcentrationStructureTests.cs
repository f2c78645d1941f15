using DealLens.Core.Documents;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 item 5, second round: concentration read from structure (table headers and captions, appositives, the
/// revenue noun phrase, the filer in a heading). Every text here was written for these tests.
/// </summary>
public sealed class ConcentrationStructureTests
{
    private static IReadOnlyList<DisclosedRevenueShare> Read(string text, string? filer = "Halvard Systems")
        => RevenueConcentrationReader.Read(DocumentText.FromPages([text], DocumentFormat.Text), filer);

    [Fact]
    public void Table_DatesOnlyHeaderUnderTwoSpans_CaptionNamesRevenue_OnePeriodPerColumn()
    {
        const string text = "Major customers\nThe customers below each bought 10% or more of our net sales:\n\n"
            + "                 Fiscal Year Ended     Nine Months Ended\n"
            + "                 March 31, 2025        December 31, 2025\n"
            + "Tessaly Compute  41 %                  48 %\n"
            + "Orvane Networks  12 %                  *\n";

        var shares = Read(text);

        Assert.Equal([("Tessaly Compute", 41m, "fiscal year ended March 31, 2025"), ("Tessaly Compute", 48m, "nine months ended December 31, 2025"), ("Orvane Networks", 12m, "fiscal year ended March 31, 2025")],
            shares.Select(s => (s.Customer, s.Percent, s.Period ?? "")));
        Assert.All(shares, s => Assert.Equal("Halvard Systems", s.Company));
    }

    [Fact]
    public void Table_SpanAndDateInTheHeader_ReceivablesTableBelowIsSkipped()
    {
        const string text = "Customers above ten percent of revenue\n"
            + "                   Quarter Ended June 30, 2025\n"
            + "Customer 1         33 %\n"
            + "Customer 2         18 %\n"
            + "Customers above ten percent of trade receivables\n"
            + "                   June 30, 2025\n"
            + "Customer 1         52 %\n";

        var shares = Read(text);

        Assert.Equal([33m, 18m], shares.Select(s => s.Percent));
        Assert.Equal(["Customer 1", "Customer 2"], shares.Select(s => s.Label));
        Assert.All(shares, s => Assert.Equal("quarter ended June 30, 2025", s.Period));
        Assert.All(shares, s => Assert.Equal(RevenueConcentrationReader.Unnamed, s.Customer));
    }

    [Fact]
    public void Table_BareYearsUnderASpanEndingInMonthAndDay_DatesEachColumn()
    {
        const string text = "Percentage of total revenue by significant customer:\n"
            + "Years Ended September 30,\n"
            + "                 2025     2024\n"
            + "Kestrel Grid     27 %     19 %\n";

        var shares = Read(text);

        Assert.Equal([(27m, "years ended September 30, 2025"), (19m, "years ended September 30, 2024")], shares.Select(s => (s.Percent, s.Period ?? "")));
        Assert.All(shares, s => Assert.Equal("Kestrel Grid", s.Customer));
    }

    [Fact]
    public void Table_CaptionNamesNeitherRevenueNorSales_NothingRead()
    {
        const string text = "Ownership of the joint venture\n"
            + "                 December 31, 2025\n"
            + "Kestrel Grid     60 %\n"
            + "Orvane Networks  40 %\n";

        Assert.Empty(Read(text));
    }

    [Fact]
    public void Sentence_RoleBeforeTheName_IsOneCustomerWithOnePeriodPerShare()
    {
        var shares = Read("Our biggest customer, Tessaly Compute, accounted for 58% and 44% of our revenue for the fiscal years ended June 30, 2025 and 2024, respectively.");

        Assert.Equal([("Tessaly Compute", 58m, "fiscal year ended June 30, 2025"), ("Tessaly Compute", 44m, "fiscal year ended June 30, 2024")],
            shares.Select(s => (s.Customer, s.Percent, s.Period ?? "")));
    }

    [Fact]
    public void Sentence_AmountThenItsShare_ReadsTheShare()
    {
        var share = Assert.Single(Read("Sales to Orvane Networks were $212.4 million, or 31%, of net sales for the year ended December 31, 2025."));

        Assert.Equal(("Orvane Networks", 31m, "year ended December 31, 2025"), (share.Customer, share.Percent, share.Period));
    }

    [Fact]
    public void Sentence_AmountThenAPercentChange_IsNoShare()
        => Assert.Empty(Read("Sales to Orvane Networks were $212.4 million, or 31%, higher than a year earlier."));

    [Fact]
    public void Sentence_ShareOfAPronounForTheRevenueNamedBefore_IsRead()
    {
        var share = Assert.Single(Read("In 2025 our revenue was $88 million, and three customers in Europe together accounted for 64% of it."));

        Assert.Equal((RevenueConcentrationReader.Unnamed, 64m, "2025"), (share.Customer, share.Percent, share.Period));
        Assert.StartsWith("three customers", share.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void Sentence_PronounWithoutRevenueBefore_IsNoShare()
        => Assert.Empty(Read("The backlog grew to $4 billion, and Kestrel Grid accounted for 40% of it."));

    [Theory]
    [InlineData("Kestrel Grid accounted for 23% of our fiscal 2025 revenue.", "fiscal 2025")]
    [InlineData("Kestrel Grid accounted for 23% of the operator's 2024 net sales.", "2024")]
    public void Sentence_YearInsideTheRevenueNounPhrase_IsThePeriod(string sentence, string period)
    {
        var share = Assert.Single(Read(sentence));

        Assert.Equal(("Kestrel Grid", 23m, period), (share.Customer, share.Percent, share.Period));
        Assert.Equal("Halvard Systems", share.Company);
    }

    [Fact]
    public void Sentence_CustomersShareOfAnotherCompanysRevenue_OneShareForEachStatedPeriod()
    {
        var shares = Read("Tessaly Compute's share of Brennic Cloud's revenue fell to 38% in 2025 from 51% in 2024, the report said.", filer: null);

        Assert.Equal([(38m, "2025"), (51m, "2024")], shares.Select(s => (s.Percent, s.Period ?? "")));
        Assert.All(shares, s => Assert.Equal(("Tessaly Compute", "Brennic Cloud"), (s.Customer, s.Company)));
    }

    [Fact]
    public void Sentence_ShareOfWithoutAStatedPeriod_IsNotRead()
        => Assert.Empty(Read("Tessaly Compute's share of Brennic Cloud's revenue keeps rising.", filer: null));

    [Theory]
    [InlineData("Halvard Systems, Inc.\nNotes to Consolidated Financial Statements\n", "Halvard Systems, Inc.")]
    [InlineData("HALVARD SYSTEMS CORPORATION AND SUBSIDIARIES\nNotes\n", "HALVARD SYSTEMS CORPORATION")]
    [InlineData("Halvard Systems Ltd. | Annual Report 2025 | 44\nRevenue\n", "Halvard Systems Ltd.")]
    public void Filer_NamedInAHeadingOrRunningHead_IsFound(string text, string filer)
        => Assert.Equal(filer, ConcentrationFiler.FromHeading(text));

    [Theory]
    [InlineData("Halvard signs $2 billion deal with Kestrel Grid\nBy a reporter\n")]
    [InlineData("Notes to Consolidated Financial Statements\nRevenue\nConcentration\nMajor customers\nHalvard Systems, Inc.\n")]
    public void Filer_HeadlineOrNameBelowTheFirstLines_IsNotAFiler(string text)
        => Assert.Null(ConcentrationFiler.FromHeading(text));
    [Fact]
    public void Sentence_RelativeClauseAfterAQuotedLabel_TheLabelIsTheCustomer()
    {
        var share = Assert.Single(Read("The report names only one buyer, \"Client K,\" which made up 37% of revenue in 2025."));

        Assert.Equal((RevenueConcentrationReader.Unnamed, "Client K", 37m), (share.Customer, share.Label, share.Percent));
    }

    [Fact]
    public void Sentence_RelativeClauseAfterAName_TheNameIsTheCustomer()
    {
        var share = Assert.Single(Read("We rely on Kestrel Grid, which accounted for 44% of our revenue for the year ended March 31, 2026."));

        Assert.Equal(("Kestrel Grid", 44m, "year ended March 31, 2026"), (share.Customer, share.Percent, share.Period));
    }

    [Fact]
    public void Sentence_NoPeriodOfItsOwn_TakesThePeriodTheParagraphStatedBefore()
    {
        const string text = "Halvard Systems reported results for the quarter ended October 4, 2025 on Monday. "
            + "Customer K accounted for 29% of revenue.\n\nCustomer M accounted for 12% of revenue.";

        var shares = Read(text);

        Assert.Equal([("Customer K", "quarter ended October 4, 2025"), ("Customer M", "")], shares.Select(s => (s.Label ?? "", s.Period ?? "")));
    }
    [Fact]
    public void Filer_AStoryNamingOneOwnerOfRevenue_IsAboutThatCompany()
        => Assert.Equal("Brennic Cloud", ConcentrationFiler.RevenueOwner("A single buyer made up half of Brennic Cloud's quarterly revenue.\nCustomer K accounted for 50% of its revenue."));

    [Theory]
    [InlineData("Customer K accounted for 50% of our revenue.")]
    [InlineData("Brennic Cloud's revenue rose while Tessaly Compute's 2025 sales fell.")]
    public void Filer_NoneOrSeveralOwnersOfRevenue_IsUnknown(string text)
        => Assert.Null(ConcentrationFiler.RevenueOwner(text));
}
