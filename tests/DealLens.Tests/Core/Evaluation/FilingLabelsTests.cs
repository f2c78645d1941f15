using DealLens.Core;
using DealLens.Core.Evaluation;

namespace DealLens.Tests.Core.Evaluation;

public sealed class FilingLabelsTests
{
    [Fact]
    public void ParseLine_FullSchemaLine_ReadsScoredFields()
    {
        const string line = """
            {"doc": "x.txt", "deal_terms": {"parties": {"value": ["Bramble Grid LLC", "the Company (unnamed)"], "quote": "q"},
             "provider": {"value": "Bramble Grid", "quote": "q"}, "customer": {"value": null, "quote": null},
             "total_value_usd": {"value": 1500000000.0, "quote": "q"}, "term_months": {"value": 88.8, "quote": "q"},
             "capacity_mw": {"value": null, "quote": null}},
             "financing": [{"kind": "loan", "from": "Quarry Bank", "to": "Bramble Grid", "usd": null, "quote": "q"}],
             "concentration": [{"customer": "Client X", "share_pct": 12.5, "period": "FY2024", "quote": "q", "metric": "revenue"}]}
            """;

        var label = FilingLabels.ParseLine(line.ReplaceLineEndings(" "), 1);

        Assert.Equal("x.txt", label.Doc);
        Assert.Equal(["Bramble Grid LLC", "the Company (unnamed)"], label.Parties);
        Assert.Equal("Bramble Grid", label.Provider);
        Assert.Null(label.Customer);
        Assert.Equal(1_500_000_000m, label.TotalValueUsd);
        Assert.Equal(88.8m, label.TermMonths);
        Assert.Null(label.CapacityMw);
        Assert.Equal(new FilingFinancingLabel("loan", "Quarry Bank", "Bramble Grid"), Assert.Single(label.Financing));
        Assert.Equal(new FilingConcentrationLabel("Client X", 12.5m, "FY2024", "revenue"), Assert.Single(label.Concentration));
    }

    [Fact]
    public void Read_BadLine_ThrowsNamingTheLine()
    {
        using var reader = new StringReader("{\"doc\": \"a.txt\"}\n\n{not json\n");

        var error = Assert.Throws<DealLensException>(() => FilingLabels.Read(reader));

        Assert.StartsWith("labels line 3:", error.Message, StringComparison.Ordinal);
    }
}
