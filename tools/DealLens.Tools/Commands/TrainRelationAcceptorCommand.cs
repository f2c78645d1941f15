using System.CommandLine;
using DealLens.Cli;
using DealLens.Core;
using DealLens.Core.Risk;

namespace DealLens.Tools.Commands;

/// <summary>
/// <c>deallens-tools train-relation-acceptor --data FILE --out FILE</c>: fits the relation acceptor on the labelled
/// candidate table (written by <c>docs/relation-acceptor-data.py</c> from the development halves), prints the
/// leave-one-batch-out counts and the chosen threshold, and writes the weights file. Deterministic.
/// </summary>
public static class TrainRelationAcceptorCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string>("--data") { Description = "Labelled candidate table (tsv).", Required = true, HelpName = "FILE" };
        var output = new Option<string?>("--out") { Description = "Where to write the weights (none: only the report).", HelpName = "FILE" };
        var command = new Command("train-relation-acceptor", "Fit the money-relation acceptor on labelled candidates; choose its threshold by leave-one-batch-out.")
        {
            data, output,
        };
        command.SetAction(async (parse, cancellationToken) => await CliApp.RunGuardedAsync(context, async ct =>
        {
            var table = Path.GetFullPath(parse.GetValue(data)!, context.WorkingDirectory);
            if (!File.Exists(table))
            {
                throw new DealLensException($"{table}: file not found");
            }

            var training = RelationAcceptorTrainer.Train(RelationAcceptorTrainer.ParseRows(await File.ReadAllTextAsync(table, ct)));
            await context.Out.WriteAsync(training.Report);
            if (parse.GetValue(output) is { } path && training.Model is { } model)
            {
                await File.WriteAllTextAsync(path, model.Serialize(), ct);
            }

            return 0;
        }, cancellationToken));
        return command;
    }
}
