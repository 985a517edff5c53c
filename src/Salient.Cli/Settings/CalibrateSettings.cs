using System.ComponentModel;
using System.Globalization;
using Salient.Analysis.Calibration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient calibrate</c>.</summary>
public sealed class CalibrateSettings : ScenarioSettings
{
    [CommandOption("--particles <N>")]
    [Description("Particles per generation (default 200).")]
    public int Particles { get; init; } = 200;

    [CommandOption("--generations <T>")]
    [Description("Most generations, the prior's included (default 6).")]
    public int Generations { get; init; } = 6;

    [CommandOption("-r|--replications <R>")]
    [Description("Replications per particle; its distance is the RMS over them (default 4).")]
    public int Replications { get; init; } = 4;

    [CommandOption("--quantile <Q>")]
    [Description("Each generation's tolerance is this quantile of the previous generation's distances (default 0.5).")]
    public double Quantile { get; init; } = 0.5;

    [CommandOption("--seed <S>")]
    [Description("Seed of the fit (default 1).")]
    public ulong Seed { get; init; } = 1;

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Results never depend on it.")]
    public int? Threads { get; init; }

    [CommandOption("--evidence <FILE>")]
    [Description("Evidence ledger to fit (default: evidence.yaml beside the scenario).")]
    public string? Evidence { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-calibration-<seed>).")]
    public string? Out { get; init; }

    [CommandOption("--install")]
    [Description("Also write calibration.yaml beside the scenario, so every command runs the calibrated baseline.")]
    public bool Install { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Particles is < 10 or > 100_000) return ValidationResult.Error($"--particles must be between 10 and 100,000, found {Particles}");
        if (Generations is < 1 or > 50) return ValidationResult.Error($"--generations must be between 1 and 50, found {Generations}");
        if (Replications is < 1 or > 1000) return ValidationResult.Error($"--replications must be between 1 and 1,000, found {Replications}");
        if (!(Quantile > 0.05 && Quantile < 0.95)) return ValidationResult.Error($"--quantile must be between 0.05 and 0.95, found {Quantile.ToString(CultureInfo.InvariantCulture)}");
        if (OptionChecks.Threads(Threads) is { } threads) return threads;
        // Proposal k's replications are k R .. k R + R - 1, and generation t numbers its proposals from t x the cap.
        if ((long)Generations * AbcOptions.DefaultMaxProposalsPerGeneration * Replications > int.MaxValue)
            return ValidationResult.Error($"--generations x --replications is too large: at most {int.MaxValue / AbcOptions.DefaultMaxProposalsPerGeneration:N0} together (found {Generations} x {Replications})");
        if (Variant is not null || Set.Length > 0 || Uncalibrated)
            return ValidationResult.Error("calibrate always fits the scenario as written (uncalibrated, no --variant or --set): variants are what-ifs on the calibrated baseline");
        return ValidationResult.Success();
    }
}
