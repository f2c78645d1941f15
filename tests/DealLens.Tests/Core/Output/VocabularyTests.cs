using System.Text.Json;
using DealLens.Core;
using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Output;

public sealed class VocabularyTests
{
    [Fact]
    public void Issue21_Parse_MisspelledSeverity_IsAnError()
    {
        var error = Assert.Throws<DealLensException>(() => Vocabulary.Parse<Severity>("hgih"));

        Assert.Contains("\"hgih\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("high, medium, low", error.Message.Replace("low, medium, high", "high, medium, low", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("High")]
    [InlineData("3")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotAWordOfTheSet_False(string? word) => Assert.False(Vocabulary.TryParse<Severity>(word, out _));

    [Theory]
    [InlineData(Severity.High, "high")]
    [InlineData(Severity.Medium, "medium")]
    [InlineData(Severity.Low, "low")]
    public void Name_Severity_TheStoredWord(Severity severity, string word)
    {
        Assert.Equal(word, Vocabulary.Name(severity));
        Assert.Equal(severity, Vocabulary.Parse<Severity>(word));
    }

    [Fact]
    public void Name_UndefinedNumber_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => Vocabulary.Name((Severity)7));

    [Fact]
    public void Rank_MostSevereHighest()
    {
        Assert.True(Severity.Rank(Severity.High) > Severity.Rank(Severity.Medium));
        Assert.True(Severity.Rank(Severity.Medium) > Severity.Rank(Severity.Low));
    }

    [Fact]
    public void Json_Severity_WrittenAndReadAsItsWord()
    {
        var flag = new DealFlag("take_or_pay", Severity.High, "m", null);

        var json = JsonSerializer.Serialize(flag, DealLensJson.Compact);

        Assert.Contains("\"severity\":\"high\"", json, StringComparison.Ordinal);
        Assert.Equal(flag, JsonSerializer.Deserialize<DealFlag>(json, DealLensJson.Compact));
    }

    [Fact]
    public void Json_UnknownSeverity_Refused()
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DealFlag>("""{"code":"x","severity":"hgih","message":"m","evidence":null}""", DealLensJson.Compact));
}
