using System.ComponentModel;
using Salient.Experiments.Sharding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient sensitivity</c>.</summary>
public sealed class SensitivitySettings : ExecutionSettings
{
    /// <summary><c>--method</c>: <c>morris</c> (elementary effects: mu*, mu, sigma) or <c>sobol</c> (first-order and total indices with bootstrap intervals).</summary>
    /// <remarks>Default <c>morris</c>. Morris is the cheap screening; Sobol costs N(d + 2) points but apportions the variance.</remarks>
    [CommandOption("--method <METHOD>")]
    [Description("morris (elementary effects: mu*, mu, sigma) or sobol (first-order and total indices with bootstrap CIs). Default morris.")]
    public string Method { get; init; } = "morris";

    /// <summary><c>--inputs PATH=LO..HI,...</c>: the inputs to study, each a scenario path with its range (repeatable).</summary>
    /// <remarks>At least one is required.</remarks>
    [CommandOption("--inputs <PATH=LO..HI,...>")]
    [Description("Inputs and their ranges, e.g. parameters.ground.lethality.red=0.01..0.03,units.red-bn.personnel=300..900 (repeatable).")]
    public string[] Inputs { get; init; } = [];

    /// <summary><c>--outputs</c>: the outputs, comma-separated final metric names or <c>series@yyyy-MM-dd</c> daily values.</summary>
    /// <remarks>Required. Day metrics whose event does not happen are censored at the day after the calendar end.</remarks>
    [CommandOption("--outputs <M1,M2>")]
    [Description("Outputs: final metrics by name or daily series at a date, e.g. control.cleared.blue,control.area_km2.blue@2024-12-01. Day metrics are censored at the day after the end date.")]
    public string? Outputs { get; init; }

    /// <summary><c>-n|--replications</c>: replications per design point; the model output at a point is the metric's mean over them.</summary>
    /// <remarks>Default 20; 1 to <see cref="Salient.Experiments.Runner.RunOptions.MaxReplications"/>.</remarks>
    [CommandOption("-n|--replications <N>")]
    [Description("Replications per design point (default 20); the model output at a point is the metric's mean over them.")]
    public override int Replications { get; init; } = 20;

    /// <summary><c>--samples</c>: Morris trajectories r, or Sobol base samples N (N(d + 2) points for d inputs); null for 10 (Morris) or 64 (Sobol).</summary>
    /// <remarks>2 to 100,000.</remarks>
    [CommandOption("--samples <N>")]
    [Description("Morris: trajectories r (default 10). Sobol: base samples N, for N(d + 2) points (default 64).")]
    public int? Samples { get; init; }

    /// <summary><c>--levels</c>: the number of grid levels p of the Morris design; ignored by Sobol.</summary>
    /// <remarks>Default 4; even and at least 2.</remarks>
    [CommandOption("--levels <P>")]
    [Description("Morris grid levels p (even, default 4).")]
    public int Levels { get; init; } = 4;

    /// <summary><c>--bootstrap</c>: bootstrap resamples for the Sobol indices' 95% intervals; ignored by Morris.</summary>
    /// <remarks>Default 500; 0 to 100,000, where 0 makes the intervals the point estimates.</remarks>
    [CommandOption("--bootstrap <B>")]
    [Description("Sobol bootstrap resamples for the 95% intervals (default 500).")]
    public int Bootstrap { get; init; } = 500;

    /// <summary><c>--seed</c>: the experiment seed; every design point runs with it (common random numbers) and it also seeds the design.</summary>
    /// <remarks>Default 1.</remarks>
    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1): every point runs with it (common random numbers); it also seeds the design.")]
    public override ulong Seed { get; init; } = 1;

    /// <summary><c>--threads</c>: worker threads; null for one per core.</summary>
    /// <remarks>1 to 1,024. Results do not depend on it.</remarks>
    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores).")]
    public override int? Threads { get; init; }

    /// <summary><c>-o|--out</c>: the output folder; null for <c>out/&lt;scenario&gt;-sensitivity-&lt;method&gt;-&lt;seed&gt;</c>, with <c>-shard-k-of-N</c> appended for a shard.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-sensitivity-<method>-<seed>, with -shard-k-of-N for a shard): sensitivity.csv, points.csv and a bar plot per output, or a shard's sensitivity-shard.json.")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

    /// <summary><c>--shard K/N</c>: evaluate only the k-th of N slices of the design points and write sensitivity-shard.json; null for the whole study.</summary>
    /// <remarks>The N shard folders are combined with <c>salient sensitivity-merge</c>.</remarks>
    [CommandOption("--shard <K/N>")]
    [Description("Evaluate only the k-th of N slices of the design points and write them to sensitivity-shard.json; combine the N shard folders with salient sensitivity-merge.")]
    public string? Shard { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Method is not ("morris" or "sobol"))
            return ValidationResult.Error($"--method must be morris or sobol, found '{Method}'");
        if (OptionChecks.Replications(Replications) is { } replications) return replications;
        if (Samples is < 2 or > 100_000)
            return ValidationResult.Error($"--samples must be between 2 and 100,000, found {Samples}");
        if (Levels < 2 || Levels % 2 != 0)
            return ValidationResult.Error($"--levels must be even and at least 2, found {Levels}");
        if (Bootstrap is < 0 or > 100_000)
            return ValidationResult.Error($"--bootstrap must be between 0 and 100,000, found {Bootstrap}");
        if (OptionChecks.Threads(Threads) is { } threads) return threads;
        if (Inputs.Length == 0)
            return ValidationResult.Error("give the inputs to study: --inputs path=lo..hi,path=lo..hi");
        if (Outputs is null)
            return ValidationResult.Error("give the output metrics: --outputs metric,metric");
        if (Shard is not null && !ShardSpec.TryParse(Shard, out _, out string shardError))
            return ValidationResult.Error(shardError);
        return ValidationResult.Success();
    }
}
