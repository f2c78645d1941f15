using DealLens.Cli.Batch;
using DealLens.Core.Risk;

namespace DealLens.Tests.Cli.Batch;

public sealed class RiskFlagsTests
{
    [Fact]
    public void Issue21_HighSeverity_RevenueShare_WrittenAsInTheReport()
    {
        // The batch flag wrote "62.5%" (one decimal, no space) where the report and `risk` write "62.5 %".
        var revenue = new RevenueConcentration("f", "Filer Inc.", "Customer A", null, 1, 62.5m, null, Severity.High,
            new DisclosureEvidence("10k.txt", 1, 0, 5, "Customer A accounted for 62.5%"));

        var flag = Assert.Single(RiskFlags.HighSeverity(new RiskReport([], [], [], [], [revenue])));

        Assert.Equal("revenue concentration: Customer A is 62.5 % of Filer Inc.'s revenue", flag.Message);
    }
}
