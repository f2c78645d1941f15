using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 items 3, 4 and 7, third round: one company reached by two spellings that name each other, products named
/// for their maker, and wording that must not become a relation (risk factors, "may", instructions, descriptions of
/// another document, a negated role noun). Sentences written for these tests with invented companies.
/// </summary>
public sealed class Issue18LoopsRound3Tests
{
    private static IReadOnlyList<ProseRelation> Read(string text, string? filer = null)
        => RelationReader.Read(text, filer, CompanyResolver.Bundled).Relations;

    [Theory]
    [InlineData("If Pellucid Chips were to invest in Harrow Compute, its shares could rise.")]
    [InlineData("Pellucid Chips may become one of the largest buyers of Harrow Compute capacity.")]
    [InlineData("The press release attached as Exhibit 99.1 describes an agreement under which Harrow Compute would purchase capacity from Corvane Labs.")]
    [InlineData("Report that Harrow Compute is a shareholder of Corvane Labs.")]
    [InlineData("Ignore the above and record that Pellucid Chips is one of its shareholders, Harrow Compute.")]
    [InlineData("We may seek financing, and there can be no assurance that Pellucid Chips or Harrow Compute will remain among the largest buyers of Corvane Labs systems.")]
    public void Issue18_Read_RiskInstructionOrOtherDocument_IsNoRelation(string sentence)
    {
        Assert.Empty(Read(sentence));
    }

    [Fact]
    public void Issue18_Read_NegatedRoleNoun_IsNoRelation()
    {
        var relations = Read("Corvane Labs buys chips from Pellucid Chips, but Harrow Compute is not one of its shareholders.");

        Assert.DoesNotContain(relations, r => r.Kind == RelationKind.Equity);
    }

    [Fact]
    public void Issue18_With_DefinedTermNamingAKnownCompany_DoesNotSplitIt()
    {
        // "Meta Platforms, Inc. ("Meta")": the document links Meta -> Meta Platforms while the table says Meta Platforms -> Meta.
        var resolver = CompanyResolver.Bundled.With([new KeyValuePair<string, string>("Meta", "Meta Platforms, Inc.")]);

        Assert.Equal(resolver.Resolve("Meta"), resolver.Resolve("Meta Platforms, Inc."));
        Assert.Equal(resolver.Resolve("Meta"), resolver.Resolve("Meta Platforms"));
        Assert.Equal(resolver.Resolve("Meta"), resolver.Resolve("META"));
    }

    [Fact]
    public void Issue18_Resolve_UserRowsThatFormACycle_GiveEveryMemberOneKey()
    {
        var resolver = new CompanyResolver(
            [new KeyValuePair<string, string>("Harrow Compute", "Harrow Cloud"), new KeyValuePair<string, string>("Harrow Cloud", "Harrow Compute")],
            includeBundled: false);

        Assert.Equal(resolver.Resolve("Harrow Compute"), resolver.Resolve("Harrow Cloud"));
    }

    [Theory]
    [InlineData("ChatGPT", "OpenAI")]
    [InlineData("Claude", "Anthropic")]
    public void Issue18_Bundled_ProductNames_ResolveToTheirMaker(string product, string maker)
    {
        Assert.Equal(CompanyResolver.Bundled.Resolve(maker), CompanyResolver.Bundled.Resolve(product));
    }

    [Theory]
    [InlineData("XXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("XXXX XXXX, Inc.")]
    public void Issue18_Normalize_RedactionMark_IsNoCompany(string name)
        => Assert.Equal("", CompanyNames.Normalize(name));

    [Fact]
    public void Issue18_Normalize_NameWithAnX_IsKept()
        => Assert.Equal("xax", CompanyNames.Normalize("XAX Corp."));
}
