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

    /// <summary>A console on standard error, for messages when standard output carries CSV or JSON (<c>--format</c>).</summary>
    public static IAnsiConsole CreateError()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected) console.Profile.Width = RedirectedWidth;
        return console;
    }

    /// <summary>
    /// Whether progress may be drawn on <paramref name="console"/>: only on a terminal. A pipe, a file or a Slurm log gets
    /// no progress lines (Spectre prints "replications: 26%" lines there), only the command's final summary.
    /// </summary>
    public static bool ShowsProgress(IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return console.Profile.Out.IsTerminal && console.Profile.Capabilities.Interactive;
    }
}
