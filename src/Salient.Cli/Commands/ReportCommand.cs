using Salient.Cli.Settings;
using Salient.Output.Html;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary><c>salient report OUT</c>: writes OUT/report.html, a self-contained page of charts and claims.</summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Out)) throw new UserInputException($"run folder '{settings.Out}' does not exist");
        if (settings.Evidence is { } ev && !File.Exists(ev)) throw new UserInputException($"evidence file '{ev}' does not exist");
        string path = ReportWriter.Write(settings.Out, settings.Evidence);
        console.MarkupLine($"Report: [bold]{Markup.Escape(path)}[/]");
        return 0;
    }
}
