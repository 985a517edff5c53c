using System.ComponentModel;
using Salient.Output.Html;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>Options of <c>salient report</c>.</summary>
public sealed class ReportSettings : CommandSettings
{
    [CommandArgument(0, "<OUT>")]
    [Description("Run folder written by salient run (holds summary.json).")]
    public string Out { get; init; } = "";

    [CommandOption("--evidence <FILE>")]
    [Description("Evidence ledger to mark on the charts (default: the run folder's copy of the scenario's evidence.yaml).")]
    public string? Evidence { get; init; }

    [CommandOption("--debug")]
    [Description("Show stack traces for unexpected failures.")]
    public bool Debug { get; init; }
}

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
