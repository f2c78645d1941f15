using System.Text.RegularExpressions;
using DealLens.Core.Documents;
using DealLens.Core.Text;

namespace DealLens.Core.Deals;

/// <summary>
/// Fills a deal side the text leaves open from what the companies are (<see cref="CompanyKinds"/>): a data-centre
/// landlord leases to a GPU cloud, a GPU cloud sells to a hyperscaler or an AI lab, and so on. It runs after every
/// reader of the text and never changes a side the text gave (a defined term, a caption, a verb or the learned reader),
/// so a known reversal stated in the text ("NVIDIA will purchase capacity from Lambda") keeps the text's reading.
/// </summary>
internal static class PartyKindPrior
{
    // Both sides open: only a document that speaks of selling, leasing or supplying something gets sides from the
    // prior; an investment, a loan or a joint venture has none to give.
    private static readonly Regex s_saleWords = new(
        @"\b(?:leases?|leased|leasing|colocation|hosting|hosts?|supply|supplies|supplied|purchases?|purchased|buy|buys|capacity|compute|cloud|services|power purchase|deliver|deploy)\b",
        NumberWords.Options, NumberWords.MatchTimeout);

    private static readonly Regex s_notSale = new(
        @"\b(?:joint venture|credit agreement|indenture|warrant|merger|acquisition of|subscription agreement|share purchase|stock purchase|securities purchase)\b",
        NumberWords.Options, NumberWords.MatchTimeout);

    public static PartiesFound Fill(string region, PartiesFound found, DocumentOrigin origin, CompanyKinds kinds)
    {
        // A filing or release that speaks as "we" without naming itself has a party no list holds: the open side may be it.
        if (origin.Filer is null && origin.Kind is not (DocumentKinds.Contract or DocumentKinds.Other))
        {
            return found;
        }

        var parties = found.Parties.ToList();
        var provider = parties.FindIndex(p => p.Role == PartyRoles.Provider);
        var customer = parties.FindIndex(p => p.Role == PartyRoles.Customer);
        if (provider >= 0 && customer >= 0)
        {
            return found;
        }

        // A party whose own defined term names a role with no side (lender, agent, issuer, ...) is never given one.
        if (parties.Any(p => p.Term is { } t && PartyRoleWords.RoleOf(t) is { } r && PartyRoles.SideOf(r) is null))
        {
            return found;
        }

        var candidates = new List<(int Index, string Kind, string Company)>();
        for (var i = 0; i < parties.Count; i++)
        {
            if (parties[i].Role is null && kinds.Find(parties[i].Name, parties[i].Parent) is { } k && k.Kind != CompanyKinds.LenderFund)
            {
                candidates.Add((i, k.Kind, k.Company));
            }
        }

        if (provider >= 0 || customer >= 0)
        {
            var filled = parties[provider >= 0 ? provider : customer];
            if (kinds.Find(filled.Name, filled.Parent) is not { } own)
            {
                return found;
            }

            var fits = candidates.Where(c => c.Company != own.Company
                && (provider >= 0 ? CompanyKinds.SellsTo(own.Kind, c.Kind) : CompanyKinds.SellsTo(c.Kind, own.Kind))).ToList();
            if (fits.Select(c => c.Company).Distinct().Count() == 1)
            {
                var pick = fits[0].Index;
                parties[pick] = parties[pick] with { Role = provider >= 0 ? PartyRoles.Customer : PartyRoles.Provider };
            }

            return found with { Parties = parties };
        }

        if (!s_saleWords.IsMatch(region) || s_notSale.IsMatch(region))
        {
            return found;
        }

        var companies = candidates.GroupBy(c => c.Company).Select(g => g.First()).ToList();
        if (companies.Count != 2 || companies[0].Kind == companies[1].Kind)
        {
            return found;
        }

        var (a, b) = (companies[0], companies[1]);
        var aSells = CompanyKinds.SellsTo(a.Kind, b.Kind);
        if (aSells == CompanyKinds.SellsTo(b.Kind, a.Kind))
        {
            return found;
        }

        var (seller, buyer) = aSells ? (a, b) : (b, a);
        parties[seller.Index] = parties[seller.Index] with { Role = PartyRoles.Provider };
        parties[buyer.Index] = parties[buyer.Index] with { Role = PartyRoles.Customer };
        return found with { Parties = parties };
    }
}
