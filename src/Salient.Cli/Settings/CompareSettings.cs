using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient compare</c>.</summary>
public sealed class CompareSettings : ExecutionSettings
{
    [CommandOption("--variants <A,B,...>")]
    [Description("Named variants to compare with the baseline (comma-separated; default: every variant in the scenario).")]
    public string? Variants { get; init; }

    [CommandOption("--metrics <M1,M2>")]
    [Description("Compare only these metrics: final metrics by name or daily series at a date, e.g. control.cleared.blue,control.area_km2.blue@2024-12-01 (default: every final metric).")]
    public string? Metrics { get; init; }

    [CommandOption("-n|--replications <N>")]
    [Description("Replications per run (default 200). Baseline and variants share every random stream.")]
    public override int Replications { get; init; } = 200;

    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1).")]
    public override ulong Seed { get; init; } = 1;

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores).")]
    public override int? Threads { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-compare-<seed>): compare.csv, compare.json and compare.html.")]
    public string? Out { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (OptionChecks.Replications(Replications, min: 2) is { } replications) return replications;
        if (OptionChecks.Threads(Threads) is { } threads) return threads;
        if (Variant is not null)
            return ValidationResult.Error("compare takes --variants (the list to compare), not --variant");
        return ValidationResult.Success();
    }
}
