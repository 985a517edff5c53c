using Salient.Cli;

return SalientApp.Run(args, Spectre.Console.AnsiConsole.Console);
