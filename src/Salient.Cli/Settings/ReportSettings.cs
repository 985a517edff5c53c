using System.ComponentModel;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient report</c>.</summary>
public sealed class ReportSettings : SalientSettings
{
    [CommandArgument(0, "<OUT>")]
    [Description("Run folder written by salient run (holds summary.json).")]
    public string Out { get; init; } = "";

    [CommandOption("--evidence <FILE>")]
    [Description("Evidence ledger to mark on the charts (default: the run folder's copy of the scenario's evidence.yaml).")]
    public string? Evidence { get; init; }

}
