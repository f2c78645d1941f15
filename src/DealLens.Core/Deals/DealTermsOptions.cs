namespace DealLens.Core.Deals;

/// <summary>Tuning for <see cref="DealTermsExtractor"/>; the defaults suit contracts and 8-K announcements.</summary>
public sealed record DealTermsOptions
{
    public static DealTermsOptions Default { get; } = new();

    /// <summary>How far before a money mention (in characters, within its sentence) a value keyword may sit.</summary>
    public int ValueKeywordWindow { get; init; } = 160;

    /// <summary>Parties are read from the first this-many characters: a preamble, or an 8-K's Item 1.01 after its cover page.</summary>
    public int PartyWindow { get; init; } = 20_000;

    /// <summary>The learned reader that fills deal sides the rule readers leave open; null reads sides by rules only.</summary>
    public PartyRoleModel? PartySides { get; init; } = PartyRoleModel.Default;

    /// <summary>What well-known companies are, used to fill a deal side the text leaves open; null leaves open sides open.</summary>
    public CompanyKinds? CompanyKinds { get; init; } = CompanyKinds.Bundled;

    /// <summary>A title in the first this-many characters naming a letter of intent or term sheet makes the value non-binding.</summary>
    public int TitleWindow { get; init; } = 400;

    /// <summary>No real deal is larger than this (ten trillion): a bigger amount is warned about and not used as the total value.</summary>
    public decimal MaxPlausibleTotalValue { get; init; } = 10_000_000_000_000m;

    /// <summary>Smaller amounts are fees or prices, not a deal's total value: warned about and not used.</summary>
    public decimal MinPlausibleTotalValue { get; init; } = 100_000m;
}
