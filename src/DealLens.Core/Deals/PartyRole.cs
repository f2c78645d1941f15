namespace DealLens.Core.Deals;

/// <summary>
/// One party in one role, as the document states it: <see cref="Role"/> is one of <see cref="PartyRoles"/>,
/// <see cref="Parent"/> the parent company when the text says the party is its subsidiary ("X LLC, a wholly-owned
/// subsidiary of Y"), and <see cref="Quote"/> is <c>document.Text[Start..End]</c>, the words that give the role.
/// </summary>
public sealed record PartyRole(string Name, string Role, string? Parent, int Page, int Start, int End, string Quote);

/// <summary>
/// The roles a party can hold. Provider and customer are the deal's two sides; the others name the contract's own
/// words for them (a landlord is the provider of a lease, a tenant its customer) or a financing role.
/// </summary>
public static class PartyRoles
{
    public const string Provider = "provider";
    public const string Customer = "customer";
    public const string Landlord = "landlord";
    public const string Tenant = "tenant";
    public const string Lessor = "lessor";
    public const string Lessee = "lessee";
    public const string Sublessor = "sublessor";
    public const string Sublessee = "sublessee";
    public const string Licensor = "licensor";
    public const string Licensee = "licensee";
    public const string Sublicensor = "sublicensor";
    public const string Sublicensee = "sublicensee";
    public const string Seller = "seller";
    public const string Buyer = "buyer";
    public const string Host = "host";
    public const string Lender = "lender";
    public const string Borrower = "borrower";
    public const string Agent = "agent";
    public const string Issuer = "issuer";
    public const string Holder = "holder";
    public const string Guarantor = "guarantor";
    public const string Investor = "investor";

    /// <summary>The deal side a role stands on: <see cref="Provider"/>, <see cref="Customer"/>, or null (financing roles).</summary>
    public static string? SideOf(string role) => role switch
    {
        Provider or Landlord or Lessor or Sublessor or Licensor or Sublicensor or Seller or Host => Provider,
        Customer or Tenant or Lessee or Sublessee or Licensee or Sublicensee or Buyer => Customer,
        _ => null,
    };
}
