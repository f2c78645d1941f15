using DealLens.Cli;
using DealLens.Tools;

return await ToolsApp.RunAsync(args, CliContext.ForConsole(), CancellationToken.None);
