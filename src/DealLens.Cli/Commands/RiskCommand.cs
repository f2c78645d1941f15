using System.CommandLine;
using System.Globalization;
using System.Text;
using DealLens.Cli.Risk;
using DealLens.Core.Risk;

namespace DealLens.Cli.Commands;

/// <summary><c>deallens risk</c>: concentration, circular financing and deal risks across every stored deal.</summary>
public static class RiskCommand
{
    public static Command Create(CliContext context)
    {
        var company = new Option<string?>("--company") { Description = "Only what involves this company (any spelling or alias).", HelpName = "NAME" };
        var json = new Option<bool>("--json") { Description = "Write the report as one JSON document." };
        var db = CommonOptions.Database();
        var command = new Command("risk", "Concentration, circular financing and deal risks across all stored deals, most severe first.")
        {
            company, json, db,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var session = await RiskSession.LoadAsync(await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(db)), context.Time, RiskOptions.Default, ct);
            var name = parse.GetValue(company);
            var report = name is null ? session.Report : session.ReportFor(session.RequireCompany(name));
            await context.Out.WriteAsync(parse.GetValue(json) ? RiskJson.Serialize(report) + "\n" : Format(report));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    public static string Format(RiskReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"Circular financing ({report.Cycles.Count})\n");
        foreach (var c in report.Cycles)
        {
            var ratio = c.CircularityRatio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "n/a (" + c.RatioNote + ")";
            b.Append(CultureInfo.InvariantCulture, $"  {Tag(c.Severity)} {string.Join(" -> ", c.Names.Append(c.Names[0]))}  [{c.Kind}]\n");
            b.Append(CultureInfo.InvariantCulture, $"       circularity {ratio}{(c.VestsOnPurchaseMilestones ? "; financing vests on purchase milestones" : "")}\n");
            foreach (var rel in c.Relations)
            {
                b.Append(CultureInfo.InvariantCulture, $"       {NameIn(c, rel.From)} -> {NameIn(c, rel.To)}: {GraphWriter.Label(rel)}  ({string.Join(", ", rel.Documents)})\n");
            }
        }

        b.Append(CultureInfo.InvariantCulture, $"\nCustomer concentration ({report.Concentration.Count} providers)\n");
        foreach (var c in report.Concentration)
        {
            b.Append(CultureInfo.InvariantCulture, $"  {Tag(c.Severity)} {c.Name}\n");
            foreach (var m in new[] { c.Binding, c.Headline })
            {
                var shares = m.Top1Share is null
                    ? "no known amounts"
                    : $"top-1 {Pct(m.Top1Share)}, top-3 {Pct(m.Top3Share)}, HHI {m.Hhi!.Value.ToString("0", CultureInfo.InvariantCulture)} of {GraphWriter.Money(m.Total, "USD")}";
                b.Append(CultureInfo.InvariantCulture, $"       {m.Basis,-8} {shares}{(m.Note is null ? "" : "; " + m.Note)}\n");
            }

            foreach (var flag in c.Flags)
            {
                b.Append(CultureInfo.InvariantCulture, $"       ! {flag}\n");
            }
        }

        b.Append(CultureInfo.InvariantCulture, $"\nRevenue concentration (disclosed) ({report.RevenueConcentrations.Count})\n");
        foreach (var r in report.RevenueConcentrations)
        {
            var percent = r.Percent.ToString("0.##", CultureInfo.InvariantCulture);
            b.Append(CultureInfo.InvariantCulture, $"  {Tag(r.Severity)} {r.CompanyName ?? "filer unknown"}: {r.Customer}{(r.Rank is { } rank ? $" (#{rank})" : "")} {percent} % of revenue{(r.Period is null ? "" : " (" + r.Period + ")")}\n");
            b.Append(CultureInfo.InvariantCulture, $"       {r.Evidence.Document} p.{r.Evidence.Page}: \"{r.Evidence.Quote}\"\n");
        }

        b.Append(CultureInfo.InvariantCulture, $"\nDeal risks ({report.Deals.Count} documents)\n");
        foreach (var d in report.Deals)
        {
            b.Append(CultureInfo.InvariantCulture, $"  {Tag(d.Severity)} {d.Document}  (score {d.Score})\n");
            foreach (var flag in d.Flags)
            {
                b.Append(CultureInfo.InvariantCulture, $"       {flag.Severity,-6} {flag.Message}\n");
            }
        }

        if (report.Skipped.Count > 0)
        {
            b.Append(CultureInfo.InvariantCulture, $"\nLeft out ({report.Skipped.Count}: direction or parties not stated)\n");
            foreach (var s in report.Skipped)
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

    private static string Tag(string severity) => severity.ToUpperInvariant().PadRight(6);

    private static string Pct(decimal? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %" : "n/a";
}
