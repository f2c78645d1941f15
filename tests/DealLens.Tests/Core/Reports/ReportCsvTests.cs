using DealLens.Core.Reports;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Reports;

public sealed class ReportCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"yes\"", "\"say \"\"yes\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Cell_QuotesOnlyWhenNeeded(string value, string expected) => Assert.Equal(expected, ReportCsv.Cell(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("-12.5", "-12.5")]
    public void Cell_FormulaStart_Defused(string value, string expected) => Assert.Equal(expected, ReportCsv.Cell(value));

    [Fact]
    public void Write_HeaderRowWithCrLf()
    {
        var csv = ReportCsv.Write(ReportSamples.Small());

        var lines = csv.Split("\r\n");
        Assert.Equal("document,sha256,kind,id,page,start,end,type,quote,fields,confidence,extractor,review_status", lines[0]);
        Assert.Equal("", lines[^1]);
    }

    [Fact]
    public void Write_ClauseRow_CarriesEvidenceAndStatus()
    {
        var rows = CsvReader.Parse(ReportCsv.Write(ReportSamples.Small()));

        var clause = Assert.Single(rows, r => r["kind"] == ReportCsv.ClauseKind);
        Assert.Equal("docs/a.txt", clause["document"]);
        Assert.Equal("2", clause["page"]);
        Assert.Equal("10", clause["start"]);
        Assert.Equal(ReportSamples.HostileQuote, clause["quote"]);
        Assert.Equal("{\"amount\":250000000,\"currency\":\"USD\"}", clause["fields"]);
        Assert.Equal("0.9", clause["confidence"]);
        Assert.Equal("accepted", clause["review_status"]);
        var term = Assert.Single(rows, r => r["kind"] == ReportCsv.DealTermKind);
        Assert.Equal("total_value", term["type"]);
    }
}
