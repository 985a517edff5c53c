using Salient.Cli;
using Salient.Cli.CommandLine;

return SalientApp.Run(args, ConsoleSetup.Create());
