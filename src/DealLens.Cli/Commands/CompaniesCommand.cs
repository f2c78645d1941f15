using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using DealLens.Cli.Risk;
using DealLens.Core.Deals;
using DealLens.Core.Output;
using DealLens.Core.Risk;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens companies list|merge|split|kind|kinds</c>: the companies seen in stored deals, the user's alias table and
/// the user's company kinds.
/// </summary>
public static class CompaniesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("companies", "List companies, edit the alias table that merges spellings of one company, and say what kind a company is.");
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Merge(context));
        command.Subcommands.Add(Split(context));
        command.Subcommands.Add(Kind(context));
        command.Subcommands.Add(Kinds(context));
        return command;
    }

    private static Command List(CliContext context)
    {
        var db = CommonOptions.Database();
        var json = new Option<bool>("--json") { Description = "Write the companies and the alias table as one JSON document." };
        var command = new Command("list", "Companies in the stored deals, each with the spellings merged into it.") { db, json };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var path = await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(db));
            await using var database = DealLensDatabase.OpenForReading(path, context.Time);
            var session = await RiskSession.LoadAsync(database, RiskOptions.Default, ct);
            var aliases = await database.Risk.LoadAliasesAsync(ct);
            if (parse.GetValue(json))
            {
                var document = new JsonObject
                {
                    ["companies"] = new JsonArray([.. session.Graph.Companies.Select(c => (JsonNode)new JsonObject
                    {
                        ["id"] = c.Id,
                        ["name"] = c.Name,
                        ["aliases"] = new JsonArray([.. c.Aliases.Select(a => (JsonNode?)JsonValue.Create(a))]),
                    })]),
                    ["alias_table"] = new JsonArray([.. aliases.Select(p => (JsonNode)new JsonObject { ["alias"] = p.Key, ["company"] = p.Value })]),
                };
                await context.Out.WriteLineAsync(document.ToJsonString(DealLensJson.Indented));
                return ExitCodes.Ok;
            }

            var b = new StringBuilder();
            foreach (var company in session.Graph.Companies)
            {
                b.Append(CultureInfo.InvariantCulture, $"{company.Id}\t{company.Name}\t{string.Join("; ", company.Aliases)}\n");
            }

            if (aliases.Count > 0)
            {
                b.Append("\nalias table\n");
                foreach (var (alias, name) in aliases)
                {
                    b.Append(CultureInfo.InvariantCulture, $"{alias}\t-> {name}\n");
                }
            }

            await context.Out.WriteAsync(b.ToString());
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Merge(CliContext context)
    {
        var alias = new Argument<string>("alias") { Description = "The spelling to merge (e.g. \"Beacon Intelligence\")." };
        var into = new Argument<string>("company") { Description = "The company it stands for (e.g. \"Beacon AI, Inc.\")." };
        var db = CommonOptions.Database();
        var command = new Command("merge", "Record that ALIAS is the same company as COMPANY.") { alias, into, db };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var a = parse.GetRequiredValue(alias);
            var c = parse.GetRequiredValue(into);
            await using var database = DealLensDatabase.Open(await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(db)), context.Time);
            await database.Risk.MergeAsync(a, c, ct);
            await context.Out.WriteLineAsync($"merged \"{a}\" into \"{c}\"");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Split(CliContext context)
    {
        var alias = new Argument<string>("alias") { Description = "An alias recorded by `companies merge`." };
        var db = CommonOptions.Database();
        var command = new Command("split", "Undo a merge: ALIAS becomes its own company again.") { alias, db };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var a = parse.GetRequiredValue(alias);
            await using var database = DealLensDatabase.Open(await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(db)), context.Time);
            if (!await database.Risk.SplitAsync(a, ct))
            {
                await context.Error.WriteLineAsync(
                    $"deallens: \"{a}\" is not in the alias table (spellings that differ only by suffix, case or punctuation are always one company)");
                return ExitCodes.UsageError;
            }

            await context.Out.WriteLineAsync($"split \"{a}\" off");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }

    private static Command Kind(CliContext context)
    {
        var company = new Argument<string>("company") { Description = "The company (any spelling, e.g. \"Acme Compute\")." };
        var kind = new Argument<string?>("kind")
        {
            Description = "What it is: " + string.Join(", ", CompanyKinds.Known) + ".",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var remove = new Option<bool>("--remove") { Description = "Remove your row for COMPANY (the bundled table applies again)." };
        var db = CommonOptions.Database();
        var command = new Command("kind", "Record what kind of company COMPANY is; analyze uses it before the bundled table to fill an open deal side.")
        {
            company, kind, remove, db,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var name = parse.GetRequiredValue(company);
            var value = parse.GetValue(kind);
            var removing = parse.GetValue(remove);
            if (removing == value is not null)
            {
                await context.Error.WriteLineAsync(removing
                    ? "deallens: give either a kind or --remove, not both"
                    : "deallens: give the kind (" + string.Join(", ", CompanyKinds.Known) + "), or --remove");
                return ExitCodes.UsageError;
            }

            if (value is not null && !CompanyKinds.IsKnown(value))
            {
                await context.Error.WriteLineAsync($"deallens: \"{value}\" is not a company kind; use one of {string.Join(", ", CompanyKinds.Known)}");
                return ExitCodes.UsageError;
            }

            await using var database = DealLensDatabase.Open(await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(db)), context.Time);
            if (removing)
            {
                if (!await database.Risk.RemoveCompanyKindAsync(name, ct))
                {
                    await context.Error.WriteLineAsync($"deallens: \"{name}\" has no kind of yours (see `deallens companies kinds`)");
                    return ExitCodes.UsageError;
                }

                await context.Out.WriteLineAsync($"removed your kind for \"{name}\"");
                return ExitCodes.Ok;
            }

            await database.Risk.SetCompanyKindAsync(name, value!, ct);
            await context.Out.WriteLineAsync($"\"{name}\" is {value}; documents analysed from now on use it (`deallens analyze --force` reads stored ones again)");
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
    private static Command Kinds(CliContext context)
    {
        var db = CommonOptions.Database();
        var json = new Option<bool>("--json") { Description = "Write the rows as one JSON document." };
        var all = new Option<bool>("--all") { Description = "Also list the bundled table (each row with its source)." };
        var command = new Command("kinds", "Your company kinds (and with --all the bundled table): company, kind, source.") { db, json, all };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            await using var database = DealLensDatabase.OpenForReading(await DealLensSettings.ReadDatabaseAsync(context, parse.GetValue(db)), context.Time);
            IReadOnlyList<CompanyKind> rows = await database.Risk.LoadCompanyKindsAsync(ct);
            if (parse.GetValue(all))
            {
                rows = [.. rows, .. CompanyKinds.Bundled.Rows];
            }

            if (parse.GetValue(json))
            {
                var document = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["company"] = r.Company, ["kind"] = r.Kind, ["source"] = r.Source })]);
                await context.Out.WriteLineAsync(document.ToJsonString(DealLensJson.Indented));
                return ExitCodes.Ok;
            }

            var b = new StringBuilder();
            foreach (var row in rows)
            {
                b.Append(CultureInfo.InvariantCulture, $"{row.Company}\t{row.Kind}\t{row.Source}\n");
            }

            await context.Out.WriteAsync(b.ToString());
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
