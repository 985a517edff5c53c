using System.ComponentModel;
using Salient.Analysis.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient sweep</c>.</summary>
public sealed class SweepSettings : ExecutionSettings
{
    /// <summary><c>--vary</c>: an input to vary, <c>path=a,b,c</c> or <c>path=lo..hi:steps</c>, or <c>path=lo..hi</c> with <c>--lhs</c> (repeatable).</summary>
    /// <remarks>At least one is required.</remarks>
    [CommandOption("--vary <PATH=VALUES>")]
    [Description("An input to vary: path=a,b,c or path=lo..hi:steps (repeatable; with --lhs, path=lo..hi).")]
    public string[] Vary { get; init; } = [];

    /// <summary><c>--lhs N</c>: a seeded Latin hypercube of N points instead of the full factorial; null for the factorial.</summary>
    /// <remarks>1 to <see cref="SweepDesign.MaxPoints"/>.</remarks>
    [CommandOption("--lhs <N>")]
    [Description("Latin hypercube of N points (seeded) instead of the full factorial.")]
    public int? Lhs { get; init; }

    /// <summary><c>-n|--replications</c>: replications per design point; every point uses the same seed (common random numbers).</summary>
    /// <remarks>Default 100; 1 to <see cref="Salient.Experiments.Runner.RunOptions.MaxReplications"/>.</remarks>
    [CommandOption("-n|--replications <N>")]
    [Description("Replications per point (default 100). Every point uses the same seed: common random numbers.")]
    public override int Replications { get; init; } = 100;

    /// <summary><c>--seed</c>: the experiment seed shared by every point; it also seeds the Latin hypercube.</summary>
    /// <remarks>Default 1.</remarks>
    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1); also seeds the Latin hypercube.")]
    public override ulong Seed { get; init; } = 1;

    /// <summary><c>--metrics</c>: the metrics to report, comma-separated final metric names or <c>series@yyyy-MM-dd</c> daily values; null for <c>casualties.total.&lt;side&gt;</c> and <c>control.area_km2.&lt;side&gt;</c>.</summary>
    /// <remarks>Day metrics whose event does not happen are censored at the day after the calendar end.</remarks>
    [CommandOption("--metrics <M1,M2>")]
    [Description("Metrics to report: final metrics by name or daily series at a date, e.g. control.cleared.blue,control.area_km2.blue@2024-12-01 (default: casualties.total.<side> and control.area_km2.<side>). Day metrics are censored at the day after the end date.")]
    public string? Metrics { get; init; }

    /// <summary><c>--threads</c>: worker threads; null for one per core.</summary>
    /// <remarks>1 to 1,024. Results do not depend on it.</remarks>
    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores).")]
    public override int? Threads { get; init; }

    /// <summary><c>-o|--out</c>: the output folder for sweep.csv and one PNG per metric and input; null for <c>out/&lt;scenario&gt;-sweep-&lt;seed&gt;</c>.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-sweep-<seed>): sweep.csv and one PNG per metric and input.")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (OptionChecks.Replications(Replications) is { } replications) return replications;
        if (OptionChecks.Threads(Threads) is { } threads) return threads;
        if (Lhs is < 1 or > SweepDesign.MaxPoints)
            return ValidationResult.Error($"--lhs must be between 1 and {SweepDesign.MaxPoints:N0}, found {Lhs}");
        if (Vary.Length == 0)
            return ValidationResult.Error("nothing to vary: give at least one --vary path=a,b,c or --vary path=lo..hi:steps");
        return ValidationResult.Success();
    }
}
