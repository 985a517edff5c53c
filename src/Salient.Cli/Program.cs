using Salient.Cli.CommandLine;
using Salient.Cli;

return SalientApp.Run(args, ConsoleSetup.Create());
