using System.CommandLine;

namespace DealLens.Cli.Commands;

public static class CommonOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = "SQLite database file (default: DEALLENS_DB, else deallens.db in the working folder).",
        HelpName = "PATH",
    };
}
