using DealLens.Core.Risk;

namespace DealLens.Tests.Core.Risk;

/// <summary>
/// Issue #21.2: <see cref="CompanyResolver.PreferredName"/> is looked up in a table built once instead of scanning every
/// alias value per key; it must still give the first alias value that names the key and resolves to it.
/// </summary>
public sealed class CompanyResolverPreferredNameTests
{
    [Fact]
    public void Issue21_PreferredName_MergedName_IsTheNameMergedInto()
    {
        var resolver = new CompanyResolver(new Dictionary<string, string> { ["Quarry Cloud"] = "Quarry Compute Holdings, Inc." }, includeBundled: false);

        Assert.Equal("Quarry Compute Holdings, Inc.", resolver.PreferredName(resolver.Resolve("Quarry Cloud")));
        Assert.Null(resolver.PreferredName("quarry cloud"));
        Assert.Null(resolver.PreferredName("nobody named this"));
    }

    [Fact]
    public void Issue21_PreferredName_ChainedAlias_OnlyTheEndOfTheChainIsNamed()
    {
        var resolver = new CompanyResolver(
            new Dictionary<string, string> { ["Beacon Intelligence"] = "Beacon AI", ["Beacon AI"] = "Beacon Group" }, includeBundled: false);

        // "Beacon AI" is an alias value, but it resolves on to Beacon Group, so it names no key.
        Assert.Null(resolver.PreferredName(CompanyNames.Normalize("Beacon AI")));
        Assert.Equal("Beacon Group", resolver.PreferredName(resolver.Resolve("Beacon Intelligence")));
    }

    [Fact]
    public void Issue21_PreferredName_StatedLinkAfterFirstLookup_CopySeesTheLinkOriginalDoesNot()
    {
        var resolver = new CompanyResolver([], includeBundled: false);
        Assert.Null(resolver.PreferredName("granite"));

        var extended = resolver.With([new KeyValuePair<string, string>("Granite Cloud LLC", "Granite Holdings, Inc.")]);

        Assert.Equal("Granite Holdings, Inc.", extended.PreferredName(CompanyNames.Normalize("Granite Holdings, Inc.")));
        Assert.Null(resolver.PreferredName(CompanyNames.Normalize("Granite Holdings, Inc.")));
    }

    [Fact]
    public void Issue21_PreferredName_BundledTable_EveryValueThatResolvesToItselfNamesItsKey()
    {
        var resolver = CompanyResolver.Bundled;
        var named = CompanyAliases.Bundled.Select(r => r.Company).Where(c => resolver.Resolve(c) == CompanyNames.Normalize(c)).ToList();
        Assert.NotEmpty(named);
        foreach (var company in named)
        {
            var preferred = resolver.PreferredName(CompanyNames.Normalize(company));
            Assert.NotNull(preferred);
            Assert.Equal(CompanyNames.Normalize(company), CompanyNames.Normalize(preferred));
        }
    }
}
