using System.ComponentModel;
using Salient.Cli.CommandLine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient compare</c>.</summary>
/// <remarks>--variant (inherited) is rejected in <see cref="Validate"/>: compare takes --variants. Its help does not list it.</remarks>
[HiddenOptions("--variant")]
public sealed class CompareSettings : ExecutionSettings
{
    /// <summary><c>--variants A,B,...</c>: the named variants to compare with the baseline, comma-separated; null for every variant in the scenario.</summary>
    /// <remarks>Used instead of <c>--variant</c>, which compare rejects.</remarks>
    [CommandOption("--variants <A,B,...>")]
    [Description("Named variants to compare with the baseline (comma-separated; default: every variant in the scenario).")]
    public string? Variants { get; init; }

    /// <summary><c>--metrics</c>: the metrics to compare, comma-separated final metric names or <c>series@yyyy-MM-dd</c> daily values; null for every final metric.</summary>
    [CommandOption("--metrics <M1,M2>")]
    [Description("Compare only these metrics: final metrics by name or daily series at a date, e.g. control.cleared.blue,control.area_km2.blue@2024-12-01 (default: every final metric).")]
    public string? Metrics { get; init; }

    /// <summary><c>-n|--replications</c>: replications per run; replication r of the baseline and of each variant share every random stream.</summary>
    /// <remarks>Default 200; 2 to <see cref="Salient.Experiments.Runner.RunOptions.MaxReplications"/> (at least two for a Student-t interval).</remarks>
    [CommandOption("-n|--replications <N>")]
    [Description("Replications per run (default 200). Baseline and variants share every random stream.")]
    public override int Replications { get; init; } = 200;

    /// <summary><c>--seed</c>: the experiment seed shared by the baseline and every variant.</summary>
    /// <remarks>Default 1.</remarks>
    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1).")]
    public override ulong Seed { get; init; } = 1;

    /// <summary><c>--threads</c>: worker threads; null for one per core.</summary>
    /// <remarks>1 to 1,024. Results do not depend on it.</remarks>
    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores).")]
    public override int? Threads { get; init; }

    /// <summary><c>-o|--out</c>: the output folder for compare.csv, compare.json and compare.html; null for <c>out/&lt;scenario&gt;-compare-&lt;seed&gt;</c>.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-compare-<seed>): compare.csv, compare.json and compare.html.")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

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
