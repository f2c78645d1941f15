using DealLens.Cli;
using DealLens.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace DealLens.Tests.TestSupport;

/// <summary>Runs the <c>deallens-tools</c> command tree in-process with captured output and a fixed clock.</summary>
public static class ToolsRunner
{
    public static async Task<CliResult> RunAsync(string workingDirectory, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(
            output,
            error,
            ErrorIsTerminal: false,
            new FakeTimeProvider(CliRunner.FixedNow),
            workingDirectory,
            builder => builder.AddInMemoryCollection(new Dictionary<string, string?>()))
        {
            ReadEnvironment = _ => null,
        };
        var exitCode = await ToolsApp.RunAsync(args, context, CancellationToken.None);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
