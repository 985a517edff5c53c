using System.ComponentModel;
using System.Globalization;
using Salient.Analysis.Calibration;
using Salient.Cli.CommandLine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient calibrate</c>.</summary>
/// <remarks>--variant, --set and --uncalibrated (inherited) are rejected in <see cref="Validate"/>: calibrate fits the
/// scenario as written. Its help does not list them.</remarks>
[HiddenOptions("--variant", "--set", "--uncalibrated")]
public sealed class CalibrateSettings : ScenarioSettings
{
    /// <summary><c>--particles</c>: particles (parameter sets) kept in each ABC generation.</summary>
    /// <remarks>Default 200; 10 to 100,000.</remarks>
    [CommandOption("--particles <N>")]
    [Description("Particles per generation (default 200).")]
    public int Particles { get; init; } = 200;

    /// <summary><c>--generations</c>: the most ABC generations to run, the prior's included.</summary>
    /// <remarks>Default 6; 1 to 50.</remarks>
    [CommandOption("--generations <T>")]
    [Description("Most generations, the prior's included (default 6).")]
    public int Generations { get; init; } = 6;

    /// <summary><c>-n|--replications</c> (or <c>-r</c>, its older name, kept so that existing scripts still work): replications per particle; the particle's distance to the evidence is the RMS over them.</summary>
    /// <remarks>Default 4; 1 to 1,000.</remarks>
    [CommandOption("-n|-r|--replications <N>")]
    [Description("Replications per particle; its distance is the RMS over them (default 4). -r is an older alias of -n.")]
    public int Replications { get; init; } = 4;

    /// <summary><c>--quantile</c>: each generation's acceptance tolerance is this quantile of the previous generation's distances.</summary>
    /// <remarks>Default 0.5; strictly between 0.05 and 0.95. Lower shrinks the tolerance faster but costs more proposals per generation.</remarks>
    [CommandOption("--quantile <Q>")]
    [Description("Each generation's tolerance is this quantile of the previous generation's distances (default 0.5).")]
    public double Quantile { get; init; } = 0.5;

    /// <summary><c>--seed</c>: the seed of the fit: it seeds both the proposals and the simulations that score them.</summary>
    /// <remarks>Default 1.</remarks>
    [CommandOption("--seed <S>")]
    [Description("Seed of the fit (default 1).")]
    public ulong Seed { get; init; } = 1;

    /// <summary><c>--threads</c>: worker threads; null for one per core.</summary>
    /// <remarks>1 to 1,024. Results do not depend on it.</remarks>
    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Results never depend on it.")]
    public int? Threads { get; init; }

    /// <summary><c>--evidence</c>: the evidence ledger to fit; null for evidence.yaml beside the scenario.</summary>
    [CommandOption("--evidence <FILE>")]
    [Description("Evidence ledger to fit (default: evidence.yaml beside the scenario).")]
    public string? Evidence { get; init; }

    /// <summary><c>-o|--out</c>: the output folder; null for <c>out/&lt;scenario&gt;-calibration-&lt;seed&gt;</c>.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-calibration-<seed>).")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

    /// <summary><c>--install</c>: also write calibration.yaml beside the scenario, so every later command runs the calibrated baseline.</summary>
    [CommandOption("--install")]
    [Description("Also write calibration.yaml beside the scenario, so every command runs the calibrated baseline.")]
    public bool Install { get; init; }

    /// <summary><c>--evidence-until DATE</c>: fit only the claims dated on or before DATE and backtest the later ones; null to fit every claim.</summary>
    /// <remarks>A claim's date is the end of its <c>as_of</c> (see <see cref="Salient.Experiments.Claims.Backtest.DateOf"/>).</remarks>
    [CommandOption("--evidence-until <DATE>")]
    [Description("Out-of-time backtest: fit only the claims dated (as_of) on or before DATE (YYYY-MM-DD), then report how the later claims fall in the calibrated model's predictive distribution (backtest.csv).")]
    public string? EvidenceUntil { get; init; }

    /// <summary><c>--backtest-replications</c>: replications of the calibrated model the later claims are set against.</summary>
    /// <remarks>Default 200; 10 to 100,000.</remarks>
    [CommandOption("--backtest-replications <N>")]
    [Description("With --evidence-until: replications of the calibrated model the later claims are set against (default 200).")]
    public int BacktestReplications { get; init; } = 200;

    /// <summary>The parsed <see cref="EvidenceUntil"/>; null when not given.</summary>
    public DateOnly? Until => EvidenceUntil is null ? null
        : DateOnly.ParseExact(EvidenceUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (EvidenceUntil is not null && !DateOnly.TryParseExact(EvidenceUntil, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return ValidationResult.Error($"--evidence-until must be a date YYYY-MM-DD, found '{EvidenceUntil}'");
        if (BacktestReplications is < 10 or > 100_000) return ValidationResult.Error($"--backtest-replications must be between 10 and 100,000, found {BacktestReplications}");
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
