namespace DealLens.Core.Deals;

/// <summary>
/// The words contracts use as a party's defined term or signature-block caption ("Landlord", "the Sublessee",
/// "Administrative Agent", "CUSTOMER") and the <see cref="PartyRoles"/> role each one gives.
/// </summary>
internal static class PartyRoleWords
{
    private static readonly Dictionary<string, string> s_roles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["provider"] = PartyRoles.Provider,
        ["service provider"] = PartyRoles.Provider,
        ["supplier"] = PartyRoles.Provider,
        ["vendor"] = PartyRoles.Provider,
        ["contractor"] = PartyRoles.Provider,
        ["operator"] = PartyRoles.Provider,
        ["host"] = PartyRoles.Host,
        ["hosting provider"] = PartyRoles.Host,
        ["colocation provider"] = PartyRoles.Host,
        ["seller"] = PartyRoles.Seller,
        ["sellers"] = PartyRoles.Seller,
        ["landlord"] = PartyRoles.Landlord,
        ["lessor"] = PartyRoles.Lessor,
        ["sublessor"] = PartyRoles.Sublessor,
        ["sublandlord"] = PartyRoles.Sublessor,
        ["licensor"] = PartyRoles.Licensor,
        ["sublicensor"] = PartyRoles.Sublicensor,
        ["customer"] = PartyRoles.Customer,
        ["client"] = PartyRoles.Customer,
        ["buyer"] = PartyRoles.Buyer,
        ["offtaker"] = PartyRoles.Buyer,
        ["purchaser"] = PartyRoles.Buyer,
        ["purchasers"] = PartyRoles.Buyer,
        ["tenant"] = PartyRoles.Tenant,
        ["lessee"] = PartyRoles.Lessee,
        ["sublessee"] = PartyRoles.Sublessee,
        ["subtenant"] = PartyRoles.Sublessee,
        ["licensee"] = PartyRoles.Licensee,
        ["sublicensee"] = PartyRoles.Sublicensee,
        ["lender"] = PartyRoles.Lender,
        ["lenders"] = PartyRoles.Lender,
        ["initial lender"] = PartyRoles.Lender,
        ["borrower"] = PartyRoles.Borrower,
        ["borrowers"] = PartyRoles.Borrower,
        ["co-borrower"] = PartyRoles.Borrower,
        ["initial borrower"] = PartyRoles.Borrower,
        ["agent"] = PartyRoles.Agent,
        ["administrative agent"] = PartyRoles.Agent,
        ["collateral agent"] = PartyRoles.Agent,
        ["warrant agent"] = PartyRoles.Agent,
        ["trustee"] = PartyRoles.Agent,
        ["depositary bank"] = PartyRoles.Agent,
        ["issuer"] = PartyRoles.Issuer,
        ["holder"] = PartyRoles.Holder,
        ["warrantholder"] = PartyRoles.Holder,
        ["warrant holder"] = PartyRoles.Holder,
        ["guarantor"] = PartyRoles.Guarantor,
        ["guarantors"] = PartyRoles.Guarantor,
        ["parent guarantor"] = PartyRoles.Guarantor,
        ["pledgor"] = PartyRoles.Guarantor,
        ["investor"] = PartyRoles.Investor,
        ["investors"] = PartyRoles.Investor,
    };

    /// <summary>The role a defined term or caption gives ("the Landlord" -> landlord), or null for a plain short name.</summary>
    public static string? RoleOf(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var trimmed = term.Trim().TrimEnd(':', '.', ',').Trim();
        if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[4..].Trim();
        }

        return s_roles.GetValueOrDefault(trimmed);
    }
}
