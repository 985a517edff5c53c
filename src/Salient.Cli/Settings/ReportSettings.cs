using System.ComponentModel;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient report</c>.</summary>
public sealed class ReportSettings : SalientSettings
{
    /// <summary>The <c>&lt;OUT&gt;</c> argument: the run folder to report on; it must hold summary.json.</summary>
    [CommandArgument(0, "<OUT>")]
    [Description("Run folder written by salient run (holds summary.json).")]
    public string Out { get; init; } = "";

    /// <summary><c>--evidence</c>: the evidence ledger to mark on the charts; null for the run folder's copy of the scenario's evidence.yaml.</summary>
    [CommandOption("--evidence <FILE>")]
    [Description("Evidence ledger to mark on the charts (default: the run folder's copy of the scenario's evidence.yaml).")]
    public string? Evidence { get; init; }

}
