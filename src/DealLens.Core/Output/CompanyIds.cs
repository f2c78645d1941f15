using DealLens.Core.Reports;
using DealLens.Core.Risk;

namespace DealLens.Core.Output;

/// <summary>A company as machine-readable output names it: its id (the graph's node id) and its display name.</summary>
public sealed record CompanyRef(string Id, string Name);

/// <summary>
/// One vocabulary for companies in JSON output (docs/output-vocabulary.md): every company is named by its id,
/// <see cref="CompanyNames.ToId"/> of its key ("cipher mining" -> "cipher-mining"), the id `graph` gives its nodes.
/// Keys stay inside (name matching, the alias table, stored snapshots); writers convert at the edge with these calls.
/// </summary>
public static class CompanyIds
{
    /// <summary>The report with every company key (provider, customer, vendor, cycle companies, relation ends, filer) as an id.</summary>
    public static RiskReport InRiskReport(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report with
        {
            Concentration = report.Concentration.Select(c => c with
            {
                Provider = Id(c.Provider),
                Binding = InMeasure(c.Binding),
                Headline = InMeasure(c.Headline),
            }).ToList(),
            Cycles = report.Cycles.Select(c => c with
            {
                Vendor = Id(c.Vendor),
                Companies = c.Companies.Select(Id).ToList(),
                Relations = c.Relations.Select(InRelation).ToList(),
            }).ToList(),
            RevenueConcentrations = report.RevenueConcentrations.Select(r => r with
            {
                Company = r.Company is null ? null : Id(r.Company),
                CustomerKey = r.CustomerKey is null ? null : Id(r.CustomerKey),
            }).ToList(),
        };
    }

    /// <summary>A report deal with its two ends as ids (the names are beside them already).</summary>
    public static ReportDeal InDeal(ReportDeal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal with { From = Id(deal.From), To = Id(deal.To) };
    }

    /// <summary>
    /// Every company <paramref name="report"/> (keys, not yet converted) names, once, by id, with its display name: the
    /// graph's name when the company is in <paramref name="companies"/>, else the name the report gives beside it.
    /// </summary>
    public static IReadOnlyList<CompanyRef> Referenced(RiskReport report, IReadOnlyList<Company> companies)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(companies);
        var graphNames = companies.GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string? key, string? name)
        {
            if (string.IsNullOrEmpty(key))
            {
                return;
            }

            var display = graphNames.GetValueOrDefault(key) ?? name;
            if (!seen.TryGetValue(key, out var known) || (known == key && display is not null))
            {
                seen[key] = display ?? key;
            }
        }

        foreach (var c in report.Concentration)
        {
            Add(c.Provider, c.Name);
            foreach (var share in c.Binding.Customers.Concat(c.Headline.Customers))
            {
                Add(share.Customer, share.Name);
            }
        }

        foreach (var cycle in report.Cycles)
        {
            for (var i = 0; i < cycle.Companies.Count; i++)
            {
                Add(cycle.Companies[i], i < cycle.Names.Count ? cycle.Names[i] : null);
            }

            Add(cycle.Vendor, null);
            foreach (var relation in cycle.Relations)
            {
                Add(relation.From, null);
                Add(relation.To, null);
                Add(relation.Beneficiary, null);
            }
        }

        foreach (var r in report.RevenueConcentrations)
        {
            Add(r.Company, r.CompanyName);
            Add(r.CustomerKey, r.Customer);
        }

        return seen.Select(p => new CompanyRef(Id(p.Key), p.Value)).OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
    }

    private static string Id(string key) => CompanyNames.ToId(key);

    private static ConcentrationMeasure InMeasure(ConcentrationMeasure measure)
        => measure with { Customers = measure.Customers.Select(s => s with { Customer = Id(s.Customer) }).ToList() };

    private static MoneyRelation InRelation(MoneyRelation relation)
        => relation with
        {
            From = Id(relation.From),
            To = Id(relation.To),
            Beneficiary = relation.Beneficiary is null ? null : Id(relation.Beneficiary),
        };
}
