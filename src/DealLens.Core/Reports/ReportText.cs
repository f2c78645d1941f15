using System.Globalization;
using System.Text;
using DealLens.Core.Output;
using DealLens.Core.Risk;

namespace DealLens.Core.Reports;

/// <summary>
/// The report's risk findings as plain text for a terminal (<c>deallens risk</c>): circular financing, customer
/// concentration, disclosed revenue concentration, deal risks, then what was left out. Document text is printed as is.
/// </summary>
public static class ReportText
{
    public static string WriteRisk(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var risk = report.Risk;
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"Circular financing ({risk.Cycles.Count})\n");
        foreach (var c in risk.Cycles)
        {
            var ratio = c.CircularityRatio is { } r ? Formats.Ratio(r) : "n/a (" + c.RatioNote + ")";
            b.Append(CultureInfo.InvariantCulture, $"  {Tag(c.Severity)} {string.Join(" -> ", c.Names.Append(c.Names[0]))}  [{c.Kind}]\n");
            b.Append(CultureInfo.InvariantCulture, $"       circularity {ratio}{(c.VestsOnPurchaseMilestones ? "; financing vests on purchase milestones" : "")}\n");
            foreach (var rel in c.Relations)
            {
                b.Append(CultureInfo.InvariantCulture, $"       {NameIn(c, rel.From)} -> {NameIn(c, rel.To)}: {Formats.Relation(rel)}  ({string.Join(", ", rel.Documents)})\n");
            }
        }

        b.Append(CultureInfo.InvariantCulture, $"\nCustomer concentration ({risk.Concentration.Count} providers)\n");
        foreach (var c in risk.Concentration)
        {
            b.Append(CultureInfo.InvariantCulture, $"  {Tag(c.Severity)} {c.Name}\n");
            foreach (var m in new[] { c.Binding, c.Headline })
            {
                var shares = m.Top1Share is null
                    ? "no known amounts"
                    : $"top-1 {Formats.Share(m.Top1Share)}, top-3 {Formats.Share(m.Top3Share)}, HHI {Formats.Hhi(m.Hhi!.Value)} of {Formats.Money(m.Total, ReportBuilder.TotalsCurrency)}";
                b.Append(CultureInfo.InvariantCulture, $"       {m.Basis,-8} {shares}{(m.Note is null ? "" : "; " + m.Note)}\n");
            }

            foreach (var flag in c.Flags)
            {
                b.Append(CultureInfo.InvariantCulture, $"       ! {flag}\n");
            }
        }

        b.Append(CultureInfo.InvariantCulture, $"\nRevenue concentration (disclosed) ({risk.RevenueConcentrations.Count})\n");
        foreach (var r in risk.RevenueConcentrations)
        {
            b.Append(CultureInfo.InvariantCulture, $"  {Tag(r.Severity)} {r.CompanyName ?? "filer unknown"}: {r.Customer}{(r.Rank is { } rank ? $" (#{rank})" : "")} {Formats.Percent(r.Percent)} of revenue{(r.Period is null ? "" : " (" + r.Period + ")")}\n");
            b.Append(CultureInfo.InvariantCulture, $"       {r.Evidence.Document} p.{r.Evidence.Page}: \"{r.Evidence.Quote}\"\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"\nDeal risks ({risk.Deals.Count} documents)\n");
        foreach (var d in risk.Deals)
        {
            b.Append(CultureInfo.InvariantCulture, $"  {Tag(d.Severity)} {d.Document}  (score {d.Score})\n");
            foreach (var flag in d.Flags)
            {
                b.Append(CultureInfo.InvariantCulture, $"       {Formats.SeverityName(flag.Severity),-6} {flag.Message}\n");
            }
        }

        if (risk.Skipped.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"\nLeft out ({risk.Skipped.Count}: direction or parties not stated)\n");
            foreach (var s in risk.Skipped)
            {
                b.Append(CultureInfo.InvariantCulture, $"  {s.Kind} in {s.Document}: {s.Reason}\n");
            }
        }

        return b.ToString();
    }

    private static string NameIn(FinancingCycle cycle, string key)
    {
        var i = cycle.Companies.ToList().IndexOf(key);
        return i >= 0 ? cycle.Names[i] : key;
    }

    private static string Tag(Severity severity) => Formats.Severity(severity).PadRight(6);
}
