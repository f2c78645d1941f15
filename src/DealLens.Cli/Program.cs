using DealLens.Cli;

return await CliApp.RunAsync(args, CliContext.ForConsole(), CancellationToken.None);
