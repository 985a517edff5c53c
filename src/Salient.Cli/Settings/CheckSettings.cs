using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient check</c>.</summary>
public sealed class CheckSettings : SalientSettings
{
    /// <summary>The <c>&lt;OUT&gt;</c> argument: the run folder to check (written by <c>salient run</c> or <c>salient merge</c>).</summary>
    [CommandArgument(0, "<OUT>")]
    [Description("A run folder (salient run or merge).")]
    public string Run { get; init; } = "";

    /// <summary><c>--evidence</c>: the evidence ledger to check against; null for the run folder's copy of the scenario's evidence.yaml.</summary>
    [CommandOption("--evidence <FILE>")]
    [Description("Evidence ledger (default: the run folder's copy of the scenario's evidence.yaml).")]
    public string? Evidence { get; init; }

    /// <summary><c>--scenario</c>: where the run's scenario is now, if it has moved; null for the path recorded in the run.</summary>
    /// <remarks>Its hash must match the run's, so a changed scenario is not mistaken for the one that ran.</remarks>
    [CommandOption("--scenario <PATH>")]
    [Description("Where the run's scenario is, if it has moved (its hash must match the run's).")]
    public string? Scenario { get; init; }

    /// <summary><c>--implied-replications</c>: replications per lethality multiplier in the implied-lethality search for casualty claims.</summary>
    /// <remarks>Default 40; 0 to 100,000, where 0 skips the search.</remarks>
    [CommandOption("--implied-replications <N>")]
    [Description("Replications per multiplier in the implied-lethality search for casualty claims (default 40; 0 skips the search).")]
    public int ImpliedReplications { get; init; } = 40;

    /// <summary><c>--threads</c>: worker threads for the implied-lethality search; null for one per core.</summary>
    /// <remarks>1 to 1,024.</remarks>
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
