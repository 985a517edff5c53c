using System.ComponentModel;
using Salient.Analysis.Sweeps;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient sweep</c>.</summary>
public sealed class SweepSettings : ExecutionSettings
{
    [CommandOption("--vary <PATH=VALUES>")]
    [Description("An input to vary: path=a,b,c or path=lo..hi:steps (repeatable; with --lhs, path=lo..hi).")]
    public string[] Vary { get; init; } = [];

    [CommandOption("--lhs <N>")]
    [Description("Latin hypercube of N points (seeded) instead of the full factorial.")]
    public int? Lhs { get; init; }

    [CommandOption("-n|--replications <N>")]
    [Description("Replications per point (default 100). Every point uses the same seed: common random numbers.")]
    public override int Replications { get; init; } = 100;

    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1); also seeds the Latin hypercube.")]
    public override ulong Seed { get; init; } = 1;

    [CommandOption("--metrics <M1,M2>")]
    [Description("Metrics to report: final metrics by name or daily series at a date, e.g. control.cleared.blue,control.area_km2.blue@2024-12-01 (default: casualties.total.<side> and control.area_km2.<side>). Day metrics are censored at the day after the end date.")]
    public string? Metrics { get; init; }

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores).")]
    public override int? Threads { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-sweep-<seed>): sweep.csv and one PNG per metric and input.")]
    public string? Out { get; init; }

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
