using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient check</c>.</summary>
public sealed class CheckSettings : SalientSettings
{
    [CommandArgument(0, "<OUT>")]
    [Description("A run folder (salient run or merge).")]
    public string Run { get; init; } = "";

    [CommandOption("--evidence <FILE>")]
    [Description("Evidence ledger (default: the run folder's copy of the scenario's evidence.yaml).")]
    public string? Evidence { get; init; }

    [CommandOption("--scenario <PATH>")]
    [Description("Where the run's scenario is, if it has moved (its hash must match the run's).")]
    public string? Scenario { get; init; }

    [CommandOption("--implied-replications <N>")]
    [Description("Replications per multiplier in the implied-lethality search for casualty claims (default 40; 0 skips the search).")]
    public int ImpliedReplications { get; init; } = 40;

    [CommandOption("--threads <T>")]
    [Description("Worker threads for the implied-lethality search (default: all cores).")]
    public int? Threads { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (ImpliedReplications is < 0 or > 100_000) return ValidationResult.Error($"--implied-replications must be between 0 and 100,000, found {ImpliedReplications}");
        if (OptionChecks.Threads(Threads) is { } threads) return threads;
        return ValidationResult.Success();
    }
}
