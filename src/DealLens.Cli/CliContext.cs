using Microsoft.Extensions.Configuration;

namespace DealLens.Cli;

/// <summary>
/// Everything a command needs from the outside world: where to write, the clock, the working folder and how
/// to read environment settings. Program.cs makes the real one; tests make one with captured writers.
/// </summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    bool ErrorIsTerminal,
    TimeProvider Time,
    string WorkingDirectory,
    Action<IConfigurationBuilder> AddEnvironment)
{
    public const string EnvironmentPrefix = "DEALLENS_";

    /// <summary>Reads one environment variable by its full name (API keys are read only this way, never from files).</summary>
    public Func<string, string?> ReadEnvironment { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>True when standard output is a terminal (not a pipe or file): `report` will not print HTML there.</summary>
    public bool OutIsTerminal { get; init; }

    public static CliContext ForConsole() => new(
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected,
        TimeProvider.System,
        Directory.GetCurrentDirectory(),
        builder => builder.AddEnvironmentVariables(EnvironmentPrefix))
    {
        OutIsTerminal = !Console.IsOutputRedirected,
    };
}
