using DealLens.Core;
using DealLens.Core.Evaluation;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core;

public sealed class CuadLabelsTests
{
    private const string GoodLine =
        """{"id": "f74802b9", "file": "pdf/a.pdf", "type": "Supply", "labels": {"Minimum Commitment": {"present": true, "snippets": ["Buyer shall buy 10 units. <omitted> Shortfall is paid."], "answer": "Yes"}, "Exclusivity": {"present": false, "snippets": [], "answer": "No"}}}""";

    [Fact]
    public void Read_ValidLine_ReadsContractAndLabels()
    {
        var contract = Assert.Single(CuadLabels.Read(new StringReader(GoodLine)));

        Assert.Equal(("f74802b9", "pdf/a.pdf", "Supply"), (contract.Id, contract.File, contract.Type));
        var label = contract.Labels["Minimum Commitment"];
        Assert.True(label.Present);
        Assert.Equal("Yes", label.Answer);
        Assert.Equal(["Buyer shall buy 10 units.", "Shortfall is paid."], label.Parts());
        Assert.False(contract.Labels["Exclusivity"].Present);
        Assert.Empty(contract.Labels["Exclusivity"].Snippets);
    }

    [Fact]
    public void SplitSnippet_EmptyParts_AreDropped()
    {
        Assert.Equal(["a", "b"], CuadLabels.SplitSnippet("<omitted> a <omitted>  <omitted>b<omitted>"));
    }

    [Fact]
    public void Read_BlankLines_AreSkipped()
    {
        Assert.Equal(2, CuadLabels.Read(new StringReader(GoodLine + "\n\n" + GoodLine + "\n")).Count);
    }

    [Fact]
    public void Read_BadJsonLine_ThrowsWithLineNumber()
    {
        var ex = Assert.Throws<DealLensException>(() => CuadLabels.Read(new StringReader(GoodLine + "\n\n{\"id\": \"x\", ")));
        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingLabels_ThrowsWithLineNumber()
    {
        var ex = Assert.Throws<DealLensException>(() => CuadLabels.Read(new StringReader(GoodLine + "\n{\"id\": \"x\", \"file\": \"f\", \"type\": \"t\"}")));
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("labels", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SnippetNotAString_ThrowsWithLineNumber()
    {
        var line = """{"id": "x", "file": "f", "type": "t", "labels": {"Exclusivity": {"present": true, "snippets": [3], "answer": "Yes"}}}""";
        var ex = Assert.Throws<DealLensException>(() => CuadLabels.Read(new StringReader(line)));
        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }

    [CuadDevFact]
    public void Read_RealLabelsFile_FirstLinesHaveAll23Categories()
    {
        var cuadDev = RepoPaths.RequireCuadDev();

        var firstLines = string.Join('\n', File.ReadLines(Path.Combine(cuadDev, "labels.jsonl")).Take(3));
        var contracts = CuadLabels.Read(new StringReader(firstLines));

        Assert.Equal(3, contracts.Count);
        Assert.All(contracts, c =>
        {
            Assert.Equal(23, c.Labels.Count);
            Assert.Equal(CuadCategories.Labelled.Order(StringComparer.Ordinal), c.Labels.Keys.Order(StringComparer.Ordinal));
            Assert.All(c.Labels.Values, l => Assert.Equal(l.Present, l.Snippets.Any(s => s.Length > 0)));
        });
    }
}
