using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient merge</c>.</summary>
public sealed class MergeSettings : SalientSettings
{
    [CommandArgument(0, "<SHARD_DIR>")]
    [Description("Shard folders written by salient run --shard k/N (any order).")]
    public string[] Shards { get; init; } = [];

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder for the merged run (required).")]
    public string? Out { get; init; }

    [CommandOption("--scenario <PATH>")]
    [Description("Scenario folder or file, when it has moved since the shards ran (default: the path in the shards' manifest.json). Its hash must match the shards'.")]
    public string? Scenario { get; init; }

    [CommandOption("--trajectories")]
    [Description("Also write daily.parquet, as salient run --trajectories does.")]
    public bool Trajectories { get; init; }

    [CommandOption("--daily-maps")]
    [Description("Also write maps/ (per-day control GeoJSON and the daily front line), as salient run --daily-maps does.")]
    public bool DailyMaps { get; init; }

    [CommandOption("--no-report")]
    [Description("Do not write report.html (as salient run --no-report).")]
    public bool NoReport { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Shards.Length == 0) return ValidationResult.Error("give at least one shard folder to merge");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out DIR is required: the folder to write the merged run to");
        return ValidationResult.Success();
    }
}
