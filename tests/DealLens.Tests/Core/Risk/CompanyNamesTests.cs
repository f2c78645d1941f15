using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

public sealed class CompanyNamesTests
{
    [Theory]
    [InlineData("Microsoft Corporation", "microsoft")]
    [InlineData("Microsoft Corp.", "microsoft")]
    [InlineData("MICROSOFT", "microsoft")]
    [InlineData("OpenAI OpCo, LLC", "openai")]
    [InlineData("OpenAI", "openai")]
    [InlineData("Nimbus Compute, Inc.", "nimbus compute")]
    [InlineData("Acme Holdings L.L.C.", "acme")]
    [InlineData("ASML Holding N.V.", "asml")]
    [InlineData("Arm Holdings plc", "arm")]
    [InlineData("Quarry Capital Partners LP", "quarry capital partners")]
    [InlineData("Siemens GmbH", "siemens")]
    [InlineData("Banco Sol S.A.", "banco sol")]
    [InlineData("Widget Co.", "widget")]
    [InlineData("Fjord Labs Ltd", "fjord labs")]
    [InlineData("Fjord Labs Limited", "fjord labs")]
    [InlineData("the Beacon-AI Company", "beacon ai")]
    public void Normalize_SuffixCaseAndPunctuation_Ignored(string name, string expected)
        => Assert.Equal(expected, CompanyNames.Normalize(name));

    [Fact]
    public void Normalize_OnlyASuffix_KeepsTheWord()
        => Assert.Equal("holdings", CompanyNames.Normalize("Holdings, Inc."));

    [Fact]
    public void Resolve_AliasChain_FollowsToTheEnd()
    {
        var resolver = new CompanyResolver(new Dictionary<string, string> { ["Beacon Intelligence"] = "Beacon AI", ["Beacon AI"] = "Beacon Group" });

        Assert.Equal("beacon group", resolver.Resolve("Beacon Intelligence, Inc."));
        Assert.Equal("microsoft", resolver.Resolve("Microsoft Corp."));
    }
}
