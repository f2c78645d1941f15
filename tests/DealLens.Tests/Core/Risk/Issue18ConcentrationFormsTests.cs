using DealLens.Core.Documents;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>Issue 18 item 5: disclosed revenue concentration in tables and in sentence forms beyond "X accounted for N%". Text written for these tests.</summary>
public sealed class Issue18ConcentrationFormsTests
{
    private static IReadOnlyList<DisclosedRevenueShare> Read(string text, string? filer = "Cobalt Cloud")
        => RevenueConcentrationReader.Read(DocumentText.FromPages([text], DocumentFormat.Text), filer);

    [Fact]
    public void Issue18_Read_FlattenedTableWithSpans_OneShareperCellWithItsPeriod()
    {
        const string text = "Concentrations\nThe following table shows revenue from significant customers.\n"
            + "Accounts ReceivableMarch 30, 2025June 29, 2024\nCustomer A71 %80 %\n"
            + "Three Months EndedSix Months Ended\n"
            + "RevenueMarch 30, 2025March 31, 2024March 30, 2025March 31, 2024\n"
            + "Customer A55 %31 %52 %29 %\nCustomer B12 %*18 %11 %\n* Less than 10% of total revenue.\n";

        var shares = Read(text);

        Assert.Equal([55m, 31m, 52m, 29m, 12m, 18m, 11m], shares.Select(s => s.Percent));
        Assert.All(shares, s => Assert.Equal(RevenueConcentrationReader.Unnamed, s.Customer));
        Assert.Equal(["Customer A", "Customer A", "Customer A", "Customer A", "Customer B", "Customer B", "Customer B"], shares.Select(s => s.Label));
        Assert.Equal("three months ended March 30, 2025", shares[0].Period);
        Assert.Equal("six months ended March 31, 2024", shares[3].Period);
        Assert.Equal("six months ended March 30, 2025", shares[5].Period);
        Assert.All(shares, s => Assert.Equal("Cobalt Cloud", s.Company));
    }

    [Fact]
    public void Issue18_Read_SpacedTableNamedCustomer_ReadsTheName()
    {
        var shares = Read("Year Ended\nNet sales  December 31, 2025  December 31, 2024\nMarrow Labs  44.5 %  38 %\nQuillon Systems  *  12 %\n");

        Assert.Equal([("Marrow Labs", 44.5m), ("Marrow Labs", 38m), ("Quillon Systems", 12m)], shares.Select(s => (s.Customer, s.Percent)));
        Assert.Equal("year ended December 31, 2025", shares[0].Period);
    }

    [Fact]
    public void Issue18_Read_LargestCustomerAppositive_NamesTheCustomer()
    {
        var share = Assert.Single(Read("Major Customers\nFor the year ended December 31, 2025, our largest customer, Marrow Labs, represented 48% of our revenue."));

        Assert.Equal("Marrow Labs", share.Customer);
        Assert.Equal("year ended December 31, 2025", share.Period);
    }

    [Fact]
    public void Issue18_Read_OwnerAndComparedShare_TwoPeriodsOfTheNamedCompany()
    {
        var shares = Read("Marrow Labs accounted for 41% of Brightfold Cloud's revenue in 2025, up from 22% in 2024.", filer: null);

        Assert.Equal([(41m, "2025"), (22m, "2024")], shares.Select(s => (s.Percent, s.Period ?? "")));
        Assert.All(shares, s => Assert.Equal(("Marrow Labs", "Brightfold Cloud"), (s.Customer, s.Company)));
    }

    [Fact]
    public void Issue18_Read_YearsRespectively_OnePeriodPerShare()
    {
        var shares = Read("In 2025, 2024 and 2023, our top three customers represented 70%, 61% and 55% of revenue, respectively.");

        Assert.Equal([(70m, "2025"), (61m, "2024"), (55m, "2023")], shares.Select(s => (s.Percent, s.Period ?? "")));
        Assert.All(shares, s => Assert.Equal(RevenueConcentrationReader.Unnamed, s.Customer));
    }

    [Fact]
    public void Issue18_Read_ListWithAppositive_OneLabelPerCustomer()
    {
        var shares = Read("Revenue\nIn the first quarter of fiscal year 2026, sales to Customer C and Customer D, both distributors, represented 19% and 12% of net sales, respectively.");

        Assert.Equal([("Customer C", 19m), ("Customer D", 12m)], shares.Select(s => (s.Label ?? "", s.Percent)));
        Assert.All(shares, s => Assert.Equal("first quarter of fiscal year 2026", s.Period));
    }
}
