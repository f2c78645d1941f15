using System.CommandLine;
using DealLens.Cli.Risk;
using DealLens.Core.Reports;
using DealLens.Core.Risk;
using DealLens.Storage;

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
            await using var database = DealLensDatabase.OpenForReading(await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(db)), context.Time);
            var session = await RiskSession.LoadAsync(database, RiskOptions.Default, ct);
            var name = parse.GetValue(company);
            var risk = name is null ? session.Report : session.ReportFor(session.RequireCompany(name));
            if (parse.GetValue(json))
            {
                await context.Out.WriteAsync(RiskJson.Report(risk, session.Graph.Companies) + "\n");
                return ExitCodes.Ok;
            }

            // The text is one more writer over the report model; the findings are already narrowed to the company. It
            // writes the risk part alone, which comes from the stored facts: no analysis (nor its text) is loaded.
            var report = ReportBuilder.Build(ReportScope.All, [], session.Graph, risk, ReviewStatuses.None, context.Time.GetUtcNow());
            await context.Out.WriteAsync(ReportText.WriteRisk(report));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
