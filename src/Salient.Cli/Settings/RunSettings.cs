using System.ComponentModel;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient run</c>.</summary>
public sealed class RunSettings : ExecutionSettings
{
    [CommandOption("-n|--replications <N>")]
    [Description("Monte Carlo replications (default 200).")]
    public override int Replications { get; init; } = 200;

    [CommandOption("--seed <S>")]
    [Description("Experiment seed (default 1). Same scenario + seed = identical outputs.")]
    public override ulong Seed { get; init; } = 1;

    [CommandOption("--threads <T>")]
    [Description("Worker threads (default: all cores). Does not change results.")]
    public override int? Threads { get; init; }

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder (default out/<scenario>-<seed>).")]
    public string? Out { get; init; }

    [CommandOption("--shard <K/N>")]
    [Description("Run only the k-th of N slices of the replications (k from 1) and write a shard folder (replications.parquet, control_tally.parquet, manifest.json) for salient merge.")]
    public string? Shard { get; init; }

    [CommandOption("--trajectories")]
    [Description("Also write daily.parquet: every replication's daily series in long form (replication, series, day, value).")]
    public bool Trajectories { get; init; }

    [CommandOption("--daily-maps")]
    [Description("Also write maps/: control-YYYY-MM-DD.geojson for every day (each cell with the probability each side holds it) and front.geojson (the median front line of every day).")]
    public bool DailyMaps { get; init; }

    [CommandOption("--no-report")]
    [Description("Do not write report.html at the end of the run (write it later with: salient report OUT).")]
    public bool NoReport { get; init; }

    [CommandOption("--resume")]
    [Description("Continue an interrupted run from its checkpoint OUT.partial (same scenario, --variant, --set, --seed, -n and --shard; checked), running only the blocks not yet done. Without a checkpoint, runs from the start.")]
    public bool Resume { get; init; }

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
