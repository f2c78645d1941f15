using DealLens.Core.Clauses;
using DealLens.Core.Clauses.Learning;
using DealLens.Core.Documents;
using DealLens.Tests.TestSupport;

namespace DealLens.Tests.Core.Learning;

[Collection(HeavyTests.Name)]
public sealed class LearnedClauseExtractorTests
{
    private const string Contract = """
        SUPPLY AGREEMENT

        1. Products
        The Supplier shall sell and the Customer shall buy the Products listed in Exhibit A.

        2. Assignment
        Neither party may assign or transfer this Agreement or any of its rights or obligations hereunder without the prior written consent of the other party, and any attempted assignment without such consent shall be void.

        3. Governing Law
        This Agreement shall be governed by and construed in accordance with the laws of the State of New York, without regard to its conflict of laws principles.
        """;

    [Fact]
    public async Task ExtractAsync_DefaultModel_ClausesAreGroundedInTheText()
    {
        // Arrange
        var document = DocumentText.FromPages([Contract], DocumentFormat.Text);
        var extractor = new LearnedClauseExtractor();

        // Act
        var clauses = await extractor.ExtractAsync(document, CancellationToken.None);

        // Assert
        Assert.NotEmpty(clauses);
        foreach (var clause in clauses)
        {
            Assert.Equal(document.Text[clause.Start..clause.End], clause.Text);
            Assert.Equal("model", clause.Extractor);
            Assert.Equal("", clause.Id);
            Assert.InRange(clause.Confidence, 0, 1);
            Assert.Equal(1, clause.Page);
            Assert.Same(ClauseFields.None, clause.Fields);
        }
    }

    [Fact]
    public void Extract_DefaultModel_FindsGoverningLawAndAntiAssignment()
    {
        var document = DocumentText.FromPages([Contract], DocumentFormat.Text);

        var clauses = new LearnedClauseExtractor().Extract(document);

        Assert.Contains(clauses, c => c.Type == ClauseTypes.GoverningLaw && c.Text.Contains("laws of the State of New York", StringComparison.Ordinal));
        Assert.Contains(clauses, c => c.Type == ClauseTypes.AntiAssignment && c.Text.Contains("Neither party may assign", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_SecondPage_ReportsPageOfSpan()
    {
        var document = DocumentText.FromPages(["Cover page.", Contract], DocumentFormat.Pdf);

        var clauses = new LearnedClauseExtractor().Extract(document);

        Assert.All(clauses, c => Assert.Equal(2, c.Page));
    }

    [Fact]
    public async Task ExtractAsync_Cancelled_Throws()
    {
        using var source = new CancellationTokenSource();
        await source.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new LearnedClauseExtractor().ExtractAsync(DocumentText.FromPages([Contract], DocumentFormat.Text), source.Token));
    }
}
