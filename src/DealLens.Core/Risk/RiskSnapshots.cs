using System.Globalization;
using DealLens.Core.Review;

namespace DealLens.Core.Risk;

/// <summary>A company a risk snapshot is about: its key in the money graph and its name.</summary>
public sealed record SnapshotCompany(string Key, string Name);

/// <summary>
/// One score of a risk report as it is kept over time: what it is about (<see cref="Kind"/>, <see cref="Subject"/>),
/// how bad, its headline number and amount, and the companies and documents it rests on. See
/// <see cref="RiskSnapshots.From"/> for what each field means per kind.
/// </summary>
public sealed record RiskSnapshot(
    string Kind,
    string Subject,
    Severity? Severity,
    decimal? Score,
    decimal? Amount,
    string? Currency,
    string? Label,
    IReadOnlyList<SnapshotCompany> Companies,
    IReadOnlyList<string> Documents);

/// <summary>Turns a <see cref="RiskReport"/> into the snapshots stored after each analysis and review decision.</summary>
public static class RiskSnapshots
{
    public const string Concentration = "concentration";
    public const string Cycle = "cycle";
    public const string Deal = "deal";
    public const string RevenueConcentration = "revenue_concentration";

    /// <summary>
    /// Concentration: subject the provider key, score the top customer's share and amount the contracted total (binding
    /// basis when it has amounts, else headline), label the provider's name. Cycle: subject the loop's keys joined by
    /// '>', score the circularity ratio, amount the purchases committed, label its kind, companies the loop in order.
    /// Deal: subject the document, score and headline value as scored. Revenue concentration: subject document#start/rank,
    /// score the percent, label the customer as written.
    /// </summary>
    public static IReadOnlyList<RiskSnapshot> From(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var snapshots = new List<RiskSnapshot>();
        foreach (var c in report.Concentration)
        {
            var basis = c.Binding.Top1Share is not null ? c.Binding : c.Headline;
            snapshots.Add(new RiskSnapshot(
                Concentration, c.Provider, c.Severity, basis.Top1Share, basis.Total, null, c.Name,
                [new SnapshotCompany(c.Provider, c.Name), .. basis.Customers.Select(s => new SnapshotCompany(s.Customer, s.Name))],
                c.Evidence.Select(e => e.Document).Distinct(StringComparer.Ordinal).ToList()));
        }

        foreach (var c in report.Cycles)
        {
            snapshots.Add(new RiskSnapshot(
                Cycle, ReviewItemIds.CycleSubject(c), c.Severity, c.CircularityRatio, c.PurchasesCommitted, null, c.Kind,
                c.Companies.Select((key, i) => new SnapshotCompany(key, i < c.Names.Count ? c.Names[i] : key)).ToList(),
                c.Documents));
        }

        foreach (var d in report.Deals)
        {
            snapshots.Add(new RiskSnapshot(Deal, d.Document, d.Severity, d.Score, d.HeadlineValue, d.Currency, null, [], [d.Document]));
        }

        foreach (var r in report.RevenueConcentrations)
        {
            var subject = r.Evidence.Document + "#" + r.Evidence.Start.ToString(CultureInfo.InvariantCulture) + "/"
                + (r.Rank ?? 1).ToString(CultureInfo.InvariantCulture);
            IReadOnlyList<SnapshotCompany> companies = r.Company is null ? [] : [new SnapshotCompany(r.Company, r.CompanyName ?? r.Company)];
            snapshots.Add(new RiskSnapshot(RevenueConcentration, subject, r.Severity, r.Percent, null, null, r.Customer, companies, [r.Evidence.Document]));
        }

        return snapshots;
    }
}
