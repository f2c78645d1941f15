namespace DealLens.Core.Clauses;

/// <summary>The clause types DealLens extracts, as they appear in JSON and in the database.</summary>
public static class ClauseTypes
{
    public const string MinimumCommitment = "minimum_commitment";
    public const string TakeOrPay = "take_or_pay";
    public const string ChipAccess = "chip_access";
    public const string VolumeRestriction = "volume_restriction";
    public const string Exclusivity = "exclusivity";
    public const string TerminationForConvenience = "termination_for_convenience";
    public const string LiquidatedDamages = "liquidated_damages";
    public const string PriceRestriction = "price_restriction";
    public const string MostFavoredNation = "most_favored_nation";
    public const string RevenueSharing = "revenue_sharing";
    public const string ChangeOfControl = "change_of_control";
    public const string AntiAssignment = "anti_assignment";
    public const string CapOnLiability = "cap_on_liability";
    public const string UncappedLiability = "uncapped_liability";
    public const string RenewalTerm = "renewal_term";
    public const string GoverningLaw = "governing_law";
    public const string NonCompete = "non_compete";
    public const string Rofr = "rofr";
    public const string PostTerminationServices = "post_termination_services";

    // Financing relations: who funds whom. Risk scoring builds the money graph from these.
    public const string EquityInvestment = "equity_investment";
    public const string Warrant = "warrant";
    public const string Backstop = "backstop";
    public const string Prepayment = "prepayment";
    public const string Loan = "loan";
    public const string SaleLeaseback = "sale_leaseback";

    // The named types first, in their long-standing order; a type added to the clause catalog (one new file) follows.
    public static IReadOnlyList<string> Contract { get; } =
    [
        MinimumCommitment, TakeOrPay, ChipAccess, VolumeRestriction, Exclusivity, TerminationForConvenience,
        LiquidatedDamages, PriceRestriction, MostFavoredNation, RevenueSharing, ChangeOfControl, AntiAssignment,
        CapOnLiability, UncappedLiability, RenewalTerm, GoverningLaw, NonCompete, Rofr, PostTerminationServices,
        .. CatalogOnly("contract"),
    ];

    public static IReadOnlyList<string> Financing { get; } =
        [EquityInvestment, Warrant, Backstop, Prepayment, Loan, SaleLeaseback, .. CatalogOnly("financing")];

    public static IReadOnlyList<string> All { get; } = [.. Contract, .. Financing];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    private static IEnumerable<string> CatalogOnly(string group)
    {
        string[] named =
        [
            MinimumCommitment, TakeOrPay, ChipAccess, VolumeRestriction, Exclusivity, TerminationForConvenience, LiquidatedDamages,
            PriceRestriction, MostFavoredNation, RevenueSharing, ChangeOfControl, AntiAssignment, CapOnLiability, UncappedLiability,
            RenewalTerm, GoverningLaw, NonCompete, Rofr, PostTerminationServices, EquityInvestment, Warrant, Backstop, Prepayment,
            Loan, SaleLeaseback,
        ];
        return Catalog.ClauseCatalog.Default.Entries.Where(e => e.Group == group && !named.Contains(e.Id, StringComparer.Ordinal)).Select(e => e.Id);
    }
}
