using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue 18 items 3, 4 and 7, third round: relations told by role nouns, by a contract that binds the buyer, by a round
/// and its contributors, leases whose landlord is the site's owner, the stated tenant or the speaker, the filer of a
/// plain-text filing cover, and one company reached by two spellings that name each other. Sentences written for these
/// tests with invented companies; the negative cases are wording that must not become a relation.
/// </summary>
public sealed class Issue18LoopsRound3Tests
{
    private static IReadOnlyList<ProseRelation> Read(string text, string? filer = null)
        => RelationReader.Read(text, filer, CompanyResolver.Bundled).Relations;

    [Theory]
    [InlineData("Harrow Compute is among the largest buyers of Pellucid Chips accelerators.", RelationKind.Purchase, "Harrow Compute", "Pellucid Chips")]
    [InlineData("Harrow Compute remains one of the biggest customers of Pellucid Chips.", RelationKind.Purchase, "Harrow Compute", "Pellucid Chips")]
    [InlineData("Pellucid Chips has been a supplier to Harrow Compute since 2021.", RelationKind.Purchase, "Harrow Compute", "Pellucid Chips")]
    [InlineData("The deal was struck with Pellucid Chips, which is also a shareholder of Harrow Compute.", RelationKind.Equity, "Pellucid Chips", "Harrow Compute")]
    [InlineData("Harrow Compute fills its halls with Pellucid Chips hardware, and Pellucid Chips is also one of its shareholders.", RelationKind.Equity, "Pellucid Chips", "Harrow Compute")]
    [InlineData("Harrow Compute sells capacity to Corvane Labs, which is now one of its largest customers.", RelationKind.Purchase, "Corvane Labs", "Harrow Compute")]
    [InlineData("An order worth $2 billion obliges Pellucid Chips to take whatever Harrow Compute capacity remains unsold through 2030.", RelationKind.Purchase, "Pellucid Chips", "Harrow Compute")]
    [InlineData("Harrow Compute operates more than 90,000 AMD GPUs across nine sites.", RelationKind.Purchase, "Harrow Compute", "AMD")]
    [InlineData("The money pays for new halls, which Harrow Compute will equip with Pellucid Chips' newest platform.", RelationKind.Purchase, "Harrow Compute", "Pellucid Chips")]
    [InlineData("Corvane Labs taps Harrow Compute for 4 gigawatts of custom accelerators.", RelationKind.Purchase, "Corvane Labs", "Harrow Compute")]
    public void Issue18_Read_RoleNounOrBindingContract_FindsDirectedRelation(string sentence, RelationKind kind, string from, string to)
    {
        var relation = Assert.Single(Read(sentence), r => r.Kind == kind && r.From == from);

        Assert.Equal(to, relation.To);
        Assert.Equal(sentence, relation.Quote);
    }

    [Fact]
    public void Issue18_Read_ContractThatObligesTheBuyer_KeepsItsAmount()
    {
        var relation = Assert.Single(Read("An order worth $2 billion obliges Pellucid Chips to take whatever Harrow Compute capacity remains unsold through 2030."));

        Assert.Equal(2_000_000_000m, relation.Amount);
        Assert.True(relation.Binding);
    }

    [Fact]
    public void Issue18_Read_RoundThenContributors_EachContributorInvestsInTheRaiser()
    {
        var relations = Read("Corvane Labs said it had raised $40 billion in new capital. Harrow Compute contributed $10 billion, while Pellucid Chips and Stonebay Capital each committed $5 billion.")
            .Where(r => r.Kind == RelationKind.Equity).OrderBy(r => r.From, StringComparer.Ordinal).ToList();

        Assert.Equal(["Harrow Compute", "Pellucid Chips", "Stonebay Capital"], relations.Select(r => r.From));
        Assert.All(relations, r => Assert.Equal("Corvane Labs", r.To));
        Assert.Equal([10_000_000_000m, 5_000_000_000m, 5_000_000_000m], relations.Select(r => r.Amount ?? 0));
    }

    [Fact]
    public void Issue18_Read_ContributionWithoutARoundBefore_IsNotEquity()
    {
        var relations = Read("Corvane Labs opened a new office in Leeds. Harrow Compute contributed $10 billion of capacity to the region.");

        Assert.DoesNotContain(relations, r => r.Kind == RelationKind.Equity);
    }

    [Fact]
    public void Issue18_Read_LeaseAtTheOtherPartysSite_SiteOwnerIsLandlord()
    {
        var relation = Assert.Single(Read("Corvane Labs announced a 12-year colocation agreement with Stonebay Data Centers for 120 MW at Stonebay Data Centers' Ridge site."),
            r => r.Kind == RelationKind.Lease);

        Assert.Equal(("Corvane Labs", "Stonebay Data Centers"), (relation.From, relation.To));
    }

    [Fact]
    public void Issue18_Read_CompanyWithStatedLeaseObligations_IsTheTenant()
    {
        var relations = Read("Stonebay Data Centers signed two colocation agreements with Corvane Labs for 200 MW. Pellucid Chips will backstop $1 billion of Corvane Labs's lease obligations.");

        var lease = Assert.Single(relations, r => r.Kind == RelationKind.Lease);
        Assert.Equal(("Corvane Labs", "Stonebay Data Centers"), (lease.From, lease.To));
        var backstop = Assert.Single(relations, r => r.Kind == RelationKind.Backstop);
        Assert.Equal(("Pellucid Chips", "Corvane Labs"), (backstop.From, backstop.To));
    }

    [Fact]
    public void Issue18_Read_TenantLeasesSpaceInSpeakersRelease_SpeakerIsLandlord()
    {
        const string release = "RIDGE, Ohio, May 1, 2026 -- Stonebay Data Centers, Inc. (Nasdaq: STBY) today announced that Corvane Labs has exercised its option to lease a new 100 MW building at the Ridge campus.";

        var lease = Assert.Single(Read(release), r => r.Kind == RelationKind.Lease);

        Assert.Equal("Corvane Labs", lease.From);
        Assert.Equal(CompanyResolver.Bundled.Resolve("Stonebay Data Centers"), CompanyResolver.Bundled.Resolve(lease.To));
    }

    [Theory]
    [InlineData("RIDGE, Ohio, May 1, 2026 -- Stonebay Data Centers, Inc. (Nasdaq: STBY) today announced that Corvane Labs has agreed to lease 50 MW from another operator in Texas.")]
    [InlineData("RIDGE, Ohio, May 1, 2026 -- Stonebay Data Centers, Inc. (Nasdaq: STBY) today announced that Corvane Labs may lease a new 100 MW building at the Ridge campus.")]
    public void Issue18_Read_LeaseFromSomeoneElseOrOnlyPossible_SpeakerIsNotLandlord(string release)
    {
        Assert.DoesNotContain(Read(release), r => r.Kind == RelationKind.Lease);
    }

    [Fact]
    public void Issue18_Read_PlainTextFilingCover_WeIsTheRegistrant()
    {
        var relation = Assert.Single(Read("NORTHWIND CORPORATION\nFORM 10-Q\n\nWe have made funding commitments of $3 billion to Corvane Labs."), r => r.Kind == RelationKind.Equity);

        Assert.Equal(CompanyResolver.Bundled.Resolve("Northwind Corporation"), CompanyResolver.Bundled.Resolve(relation.From));
        Assert.Equal("Corvane Labs", relation.To);
        Assert.Equal(3_000_000_000m, relation.Amount);
    }

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
}
