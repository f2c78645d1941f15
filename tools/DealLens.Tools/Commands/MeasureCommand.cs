using System.CommandLine;
using System.Globalization;
using DealLens.Cli;
using DealLens.Tools.Bench;

namespace DealLens.Tools.Commands;

/// <summary>
/// <c>deallens-tools measure -- &lt;deallens command...&gt;</c>: runs a deallens command (the product's own command
/// tree) in this process, then prints its exit code and this process's peak resident memory (VmHWM) on stderr. The
/// peak-memory figures of <c>bench</c> and the hostile-input tests start it as a fresh child process.
/// </summary>
public static class MeasureCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var rest = new Argument<string[]>("command")
        {
            Description = "The deallens command to run and measure, after `--` (e.g. measure -- analyze a.pdf --db x.db).",
            Arity = ArgumentArity.OneOrMore,
        };
        var measure = new Command("measure", "Run a deallens command in this process and report its exit code and peak memory on stderr.") { rest };
        measure.SetAction(async (parse, cancellationToken) =>
        {
            var args = parse.GetValue(rest)!;
            var exit = await CliApp.RunAsync(args, context, cancellationToken);
            await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{ChildProcess.MeasureLinePrefix} exit={exit} peak_rss_kb={ChildProcess.PeakResidentKilobytes()}"));
            return exit;
        });
        return measure;
    }
}
