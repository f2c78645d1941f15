namespace DealLens.Cli;

/// <summary>Process exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad usage or bad input the user can fix (unknown flag, no documents, a database that is not SQLite).</summary>
    public const int UsageError = 1;

    /// <summary>A bug: something failed that should not have.</summary>
    public const int Unexpected = 2;

    /// <summary>The run finished, but some documents failed; each is named with its reason.</summary>
    public const int SomeDocumentsFailed = 3;

    /// <summary>The command could not run at all: another batch holds the lock, or its configuration is missing or wrong.</summary>
    public const int CouldNotRun = 4;

    public const int Cancelled = 130;
}
