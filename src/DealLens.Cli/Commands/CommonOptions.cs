using System.CommandLine;

namespace DealLens.Cli.Commands;

public static class CommonOptions
{
    public static Option<string?> Database() => new("--db")
    {
        Description = "SQLite database file, or a shared PostgreSQL database as a connection string (\"Host=db.example;Database=deallens;Username=ana\"; "
            + "the password from PGPASSWORD or ~/.pgpass) (default: DEALLENS_DB, else \"Db\" in deallens.json here or in ~/.config/deallens/, else deallens.db in the working folder).",
        HelpName = "PATH",
    };

    public static Option<string?> ClauseModel() => new("--clause-model")
    {
        Description = "Clause model file made by `deallens train` (default: DEALLENS_CLAUSE_MODEL, else the model shipped inside DealLens).",
        HelpName = "FILE",
    };
}
