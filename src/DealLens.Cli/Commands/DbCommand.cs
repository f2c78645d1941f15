using System.CommandLine;
using System.Globalization;
using DealLens.Storage;

namespace DealLens.Cli.Commands;

/// <summary>
/// <c>deallens db migrate</c>: creates the database or brings its schema up to this version, and says which it did.
/// Every command migrates on open; this is the step a team runs once after an upgrade, before anyone else connects.
/// </summary>
public static class DbCommand
{
    public static Command Create(CliContext context)
        => new("db", "The database itself: create it or bring its schema up to this version of DealLens.") { Migrate(context) };

    private static Command Migrate(CliContext context)
    {
        var db = CommonOptions.Database();
        var command = new Command(
            "migrate",
            "Create the database (a SQLite file, or the tables in an existing PostgreSQL database) or apply the numbered migrations it lacks, then print its schema version. Safe to run again: an up-to-date database is left as it is.")
        {
            db,
        };
        command.SetAction((parse, cancellationToken) => CliApp.RunGuardedAsync(context, async ct =>
        {
            var target = DealLensSettings.Load(context).DatabasePath(parse.GetValue(db));
            await using var database = DealLensDatabase.Open(target, context.Time);
            var what = database.MigrationsApplied == 0
                ? "already up to date"
                : string.Create(CultureInfo.InvariantCulture, $"{database.MigrationsApplied} migration{(database.MigrationsApplied == 1 ? "" : "s")} applied");
            await context.Out.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture, $"{database.DisplayName} ({database.Dialect.Name}): schema version {database.SchemaVersion}, {what}"));
            return ExitCodes.Ok;
        }, cancellationToken));
        return command;
    }
}
