using DealLens.Cli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.TestSupport;

public sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the real command tree in-process with captured output and a fixed clock.</summary>
public static class CliRunner
{
    public static readonly DateTimeOffset FixedNow = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static async Task<CliResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default,
        params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(
            output,
            error,
            ErrorIsTerminal: false,
            new FakeTimeProvider(FixedNow),
            workingDirectory,
            builder => builder.AddInMemoryCollection(environment ?? new Dictionary<string, string?>()))
        {
            // Keys come from the same dictionary, never from the real environment of the machine running the tests.
            ReadEnvironment = name => environment?.GetValueOrDefault(name),
        };
        var exitCode = await CliApp.RunAsync(args, context, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] args)
        => RunAsync(workingDirectory, null, CancellationToken.None, args);
}
