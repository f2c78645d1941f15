using System.Text.Json;
using DealLens.Core.Clauses;
using DealLens.Core.Output;
using DealLens.Core.Review;

namespace DealLens.Tests.Core.Output;

public sealed class DealLensJsonTests
{
    private sealed record Sample(string DocumentName, string? Note, decimal Amount);

    [Fact]
    public void Compact_Record_SnakeCaseNullsKeptTextReadable()
        => Assert.Equal(
            """{"document_name":"Café & <Co> “quoted”","note":null,"amount":1250000000}""",
            JsonSerializer.Serialize(new Sample("Café & <Co> “quoted”", null, 1_250_000_000m), DealLensJson.Compact));

    [Fact]
    public void StatedOnly_Record_LeavesOutNulls()
        => Assert.Equal("""{"document_name":"a","amount":1}""", JsonSerializer.Serialize(new Sample("a", null, 1m), DealLensJson.StatedOnly));

    [Fact]
    public void Indented_Record_OnePropertyPerLine()
        => Assert.Contains("\n  \"amount\": 1\n", JsonSerializer.Serialize(new Sample("a", null, 1m), DealLensJson.Indented), StringComparison.Ordinal);

    [Fact]
    public void Serialize_ComputedFlags_NotWritten()
    {
        Assert.Equal("""{"amount":5}""", JsonSerializer.Serialize(new ClauseFields { Amount = 5 }, DealLensJson.StatedOnly));
        Assert.Equal("{}", JsonSerializer.Serialize(ReviewOverrides.None, DealLensJson.StatedOnly));
        Assert.DoesNotContain("is_empty", JsonSerializer.Serialize(ClauseFields.None, DealLensJson.Indented), StringComparison.Ordinal);
    }
}
