using System.ComponentModel;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient run</c>.</summary>
public sealed class RunSettings : ExecutionSettings
{
    /// <summary><c>-n|--replications</c>: Monte Carlo replications to play.</summary>
    /// <remarks>Default 200; 1 to <see cref="RunOptions.MaxReplications"/>.</remarks>
    [CommandOption("-n|--replications <N>")]
    [Description("Monte Carlo replications (default 200).")]
    public override int Replications { get; init; } = 200;

    /// <summary><c>--seed</c>: the experiment's root seed; the same scenario and seed give identical outputs.</summary>
    /// <remarks>Default 1.</remarks>
    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1). Same scenario + seed = identical outputs.")]
    public override ulong Seed { get; init; } = 1;

    /// <summary><c>--threads</c>: worker threads; null for one per core.</summary>
    /// <remarks>1 to 1,024. Results do not depend on it.</remarks>
    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Does not change results.")]
    public override int? Threads { get; init; }

    /// <summary><c>-o|--out</c>: the output folder; null for <c>out/&lt;scenario&gt;-&lt;seed&gt;</c>.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-<seed>).")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

    /// <summary><c>--shard K/N</c>: run only the k-th (from 1) of N slices of the replications and write a shard folder for <c>salient merge</c>; null for the whole run.</summary>
    /// <remarks>Checked with <see cref="ShardSpec.TryParse"/> in <see cref="Validate"/>.</remarks>
    [CommandOption("--shard <K/N>")]
    [Description("Run only the k-th of N slices of the replications (k from 1) and write a shard folder (replications.parquet, control_tally.parquet, manifest.json) for salient merge.")]
    public string? Shard { get; init; }

    /// <summary><c>--trajectories</c>: also write daily.parquet, every replication's daily series in long form (replication, series, day, value).</summary>
    /// <remarks>Off by default because the file grows with replications × series × days.</remarks>
    [CommandOption("--trajectories")]
    [Description("Also write daily.parquet: every replication's daily series in long form (replication, series, day, value).")]
    public bool Trajectories { get; init; }

    /// <summary><c>--daily-maps</c>: also write maps/, a control GeoJSON for every day and front.geojson with each day's median front line.</summary>
    /// <remarks>Off by default: one file per simulated day.</remarks>
    [CommandOption("--daily-maps")]
    [Description("Also write maps/: control-YYYY-MM-DD.geojson for every day (each cell with the probability each side holds it) and front.geojson (the median front line of every day).")]
    public bool DailyMaps { get; init; }

    /// <summary><c>--no-report</c>: skip report.html at the end of the run (<c>salient report OUT</c> writes it later).</summary>
    [CommandOption("--no-report")]
    [Description("Do not write report.html at the end of the run (write it later with: salient report OUT).")]
    public bool NoReport { get; init; }

    /// <summary><c>--resume</c>: continue an interrupted run from its checkpoint <c>OUT.partial</c>, playing only the blocks not yet done.</summary>
    /// <remarks>The checkpoint must match the scenario, variant, overrides, seed, replications and shard; without one the run starts from the beginning.</remarks>
    [CommandOption("--resume")]
    [Description("Continue an interrupted run from its checkpoint OUT.partial (same scenario, --variant, --set, --seed, -n and --shard; checked), running only the blocks not yet done. Without a checkpoint, runs from the start.")]
    public bool Resume { get; init; }

    /// <summary><c>--checkpoint-every</c>: replications per checkpoint block; null for about 1/100 of the run, clamped to 32..100,000.</summary>
    /// <remarks>1 to <see cref="RunOptions.MaxReplications"/>. Results do not depend on it.</remarks>
    [CommandOption("--checkpoint-every <N>")]
    [Description("Replications per checkpoint block (default: about 1/100 of the run, from 32 to 100,000). Does not change results.")]
    public int? CheckpointEvery { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (OptionChecks.Replications(Replications) is { } replications) return replications;
        if (OptionChecks.Threads(Threads) is { } threads) return threads;
        if (CheckpointEvery is < 1 or > RunOptions.MaxReplications)
            return ValidationResult.Error($"--checkpoint-every must be between 1 and {RunOptions.MaxReplications:N0}, found {CheckpointEvery}");
        if (Shard is not null && !ShardSpec.TryParse(Shard, out _, out string shardError))
            return ValidationResult.Error(shardError);
        return ValidationResult.Success();
    }
}
