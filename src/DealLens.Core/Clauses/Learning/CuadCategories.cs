namespace DealLens.Core.Clauses.Learning;

/// <summary>How CUAD v1 category names map to DealLens clause types.</summary>
public static class CuadCategories
{
    public static IReadOnlyDictionary<string, string> ToType { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Minimum Commitment"] = ClauseTypes.MinimumCommitment,
        ["Volume Restriction"] = ClauseTypes.VolumeRestriction,
        ["Exclusivity"] = ClauseTypes.Exclusivity,
        ["Termination For Convenience"] = ClauseTypes.TerminationForConvenience,
        ["Liquidated Damages"] = ClauseTypes.LiquidatedDamages,
        ["Price Restrictions"] = ClauseTypes.PriceRestriction,
        ["Most Favored Nation"] = ClauseTypes.MostFavoredNation,
        ["Revenue/Profit Sharing"] = ClauseTypes.RevenueSharing,
        ["Change Of Control"] = ClauseTypes.ChangeOfControl,
        ["Anti-Assignment"] = ClauseTypes.AntiAssignment,
        ["Cap On Liability"] = ClauseTypes.CapOnLiability,
        ["Uncapped Liability"] = ClauseTypes.UncappedLiability,
        ["Renewal Term"] = ClauseTypes.RenewalTerm,
        ["Governing Law"] = ClauseTypes.GoverningLaw,
        ["Non-Compete"] = ClauseTypes.NonCompete,
        ["Rofr/Rofo/Rofn"] = ClauseTypes.Rofr,
        ["Post-Termination Services"] = ClauseTypes.PostTerminationServices,
    };

    /// <summary>The 17 DealLens types with CUAD labels, in the order above.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        ClauseTypes.MinimumCommitment, ClauseTypes.VolumeRestriction, ClauseTypes.Exclusivity,
        ClauseTypes.TerminationForConvenience, ClauseTypes.LiquidatedDamages, ClauseTypes.PriceRestriction,
        ClauseTypes.MostFavoredNation, ClauseTypes.RevenueSharing, ClauseTypes.ChangeOfControl, ClauseTypes.AntiAssignment,
        ClauseTypes.CapOnLiability, ClauseTypes.UncappedLiability, ClauseTypes.RenewalTerm, ClauseTypes.GoverningLaw,
        ClauseTypes.NonCompete, ClauseTypes.Rofr, ClauseTypes.PostTerminationServices,
    ];

    /// <summary>The 12 core types the quality targets are measured on.</summary>
    public static IReadOnlyList<string> Core { get; } =
    [
        ClauseTypes.MinimumCommitment, ClauseTypes.VolumeRestriction, ClauseTypes.Exclusivity,
        ClauseTypes.TerminationForConvenience, ClauseTypes.LiquidatedDamages, ClauseTypes.PriceRestriction,
        ClauseTypes.RevenueSharing, ClauseTypes.ChangeOfControl, ClauseTypes.AntiAssignment,
        ClauseTypes.CapOnLiability, ClauseTypes.MostFavoredNation, ClauseTypes.RenewalTerm,
    ];
}
