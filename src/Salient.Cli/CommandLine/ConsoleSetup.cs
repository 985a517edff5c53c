using Spectre.Console;

namespace Salient.Cli.CommandLine;

/// <summary>The console the CLI writes to.</summary>
internal static class ConsoleSetup
{
    /// <summary>
    /// The width used when the output is not a terminal (a pipe, a file, a Slurm log): wide enough that no table is
    /// cut into column-wide fragments and no message is broken mid-line, which a fixed 80 columns would do.
    /// </summary>
    public const int RedirectedWidth = 1000;

    /// <summary>The process's console: the terminal's width, or <see cref="RedirectedWidth"/> when standard output is redirected.</summary>
    public static IAnsiConsole Create()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
