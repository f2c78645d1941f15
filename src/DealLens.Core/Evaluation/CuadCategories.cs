using DealLens.Core.Clauses;

namespace DealLens.Core.Evaluation;

/// <summary>The CUAD categories (column names, unchanged) and which DealLens clause types count towards each.</summary>
public static class CuadCategories
{
    public const string Parties = "Parties";
    public const string AgreementDate = "Agreement Date";
    public const string EffectiveDate = "Effective Date";
    public const string ExpirationDate = "Expiration Date";
    public const string RenewalTerm = "Renewal Term";
    public const string NoticePeriodToTerminateRenewal = "Notice Period To Terminate Renewal";
    public const string GoverningLaw = "Governing Law";
    public const string MostFavoredNation = "Most Favored Nation";
    public const string CompetitiveRestrictionException = "Competitive Restriction Exception";
    public const string NonCompete = "Non-Compete";
    public const string Exclusivity = "Exclusivity";
    public const string TerminationForConvenience = "Termination For Convenience";
    public const string Rofr = "Rofr/Rofo/Rofn";
    public const string ChangeOfControl = "Change Of Control";
    public const string AntiAssignment = "Anti-Assignment";
    public const string RevenueProfitSharing = "Revenue/Profit Sharing";
    public const string PriceRestrictions = "Price Restrictions";
    public const string MinimumCommitment = "Minimum Commitment";
    public const string VolumeRestriction = "Volume Restriction";
    public const string LiquidatedDamages = "Liquidated Damages";
    public const string CapOnLiability = "Cap On Liability";
    public const string UncappedLiability = "Uncapped Liability";
    public const string PostTerminationServices = "Post-Termination Services";

    /// <summary>The 23 categories every line of labels.jsonl carries, in the data README's order.</summary>
    public static IReadOnlyList<string> Labelled { get; } =
    [
        Parties, AgreementDate, EffectiveDate, ExpirationDate, RenewalTerm, NoticePeriodToTerminateRenewal, GoverningLaw,
        MostFavoredNation, CompetitiveRestrictionException, NonCompete, Exclusivity, TerminationForConvenience, Rofr,
        ChangeOfControl, AntiAssignment, RevenueProfitSharing, PriceRestrictions, MinimumCommitment, VolumeRestriction,
        LiquidatedDamages, CapOnLiability, UncappedLiability, PostTerminationServices,
    ];

    /// <summary>The 12 categories the headline numbers (macro F1, macro clause precision) average over.</summary>
    public static IReadOnlyList<string> Core { get; } =
    [
        MinimumCommitment, VolumeRestriction, Exclusivity, TerminationForConvenience, LiquidatedDamages, PriceRestrictions,
        RevenueProfitSharing, ChangeOfControl, AntiAssignment, CapOnLiability, MostFavoredNation, RenewalTerm,
    ];

    /// <summary>The 17 categories some clause type maps to: the core 12 first, then the others; reports use this order.</summary>
    public static IReadOnlyList<string> Mapped { get; } =
        [.. Core, UncappedLiability, GoverningLaw, NonCompete, Rofr, PostTerminationServices];

    /// <summary>Clause type to CUAD category. Types not listed (chip_access, the financing types) have no category.</summary>
    public static IReadOnlyDictionary<string, string> ByClauseType { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ClauseTypes.MinimumCommitment] = MinimumCommitment,
        [ClauseTypes.TakeOrPay] = MinimumCommitment,
        [ClauseTypes.VolumeRestriction] = VolumeRestriction,
        [ClauseTypes.Exclusivity] = Exclusivity,
        [ClauseTypes.TerminationForConvenience] = TerminationForConvenience,
        [ClauseTypes.LiquidatedDamages] = LiquidatedDamages,
        [ClauseTypes.PriceRestriction] = PriceRestrictions,
        [ClauseTypes.MostFavoredNation] = MostFavoredNation,
        [ClauseTypes.RevenueSharing] = RevenueProfitSharing,
        [ClauseTypes.ChangeOfControl] = ChangeOfControl,
        [ClauseTypes.AntiAssignment] = AntiAssignment,
        [ClauseTypes.CapOnLiability] = CapOnLiability,
        [ClauseTypes.UncappedLiability] = UncappedLiability,
        [ClauseTypes.RenewalTerm] = RenewalTerm,
        [ClauseTypes.GoverningLaw] = GoverningLaw,
        [ClauseTypes.NonCompete] = NonCompete,
        [ClauseTypes.Rofr] = Rofr,
        [ClauseTypes.PostTerminationServices] = PostTerminationServices,
    };

    /// <summary>The CUAD category of a clause type, or null when the type has none.</summary>
    public static string? ForClauseType(string clauseType)
    {
        ArgumentNullException.ThrowIfNull(clauseType);
        return ByClauseType.TryGetValue(clauseType, out var category) ? category : null;
    }

    /// <summary>The clause types that count towards <paramref name="category"/>, in <see cref="ClauseTypes.All"/> order.</summary>
    public static IReadOnlyList<string> ClauseTypesFor(string category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return [.. ClauseTypes.All.Where(t => ForClauseType(t) == category)];
    }

    /// <summary>
    /// The clause type a category's labels teach a learned model: the first of <see cref="ClauseTypesFor"/>
    /// (minimum_commitment, not take_or_pay, for Minimum Commitment).
    /// </summary>
    public static string PrimaryClauseType(string category) => ClauseTypesFor(category)[0];

    /// <summary>The clause type of each of the 17 mapped categories, in <see cref="Mapped"/> order.</summary>
    public static IReadOnlyList<string> PrimaryClauseTypes { get; } = [.. Mapped.Select(PrimaryClauseType)];

    public static bool IsCore(string category) => Core.Contains(category, StringComparer.Ordinal);
}
