using System.ComponentModel;
using Salient.Scenario.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient merge</c>.</summary>
public sealed class MergeSettings : SalientSettings
{
    /// <summary>The <c>&lt;SHARD_DIR&gt;</c> arguments: shard folders written by <c>salient run --shard k/N</c>, in any order.</summary>
    /// <remarks>At least one.</remarks>
    [CommandArgument(0, "<SHARD_DIR>")]
    [Description("Shard folders written by salient run --shard k/N (any order).")]
    public string[] Shards { get; init; } = [];

    /// <summary><c>-o|--out</c>: the folder to write the merged run to.</summary>
    /// <remarks>Required; null or blank fails <see cref="Validate"/>.</remarks>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder for the merged run (required).")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

    /// <summary><c>--scenario</c>: the scenario folder or file, if it has moved since the shards ran; null for the path in the shards' manifest.json.</summary>
    /// <remarks>Its hash must match the shards'.</remarks>
    [CommandOption("--scenario <PATH>")]
    [Description("Scenario folder or file, when it has moved since the shards ran (default: the path in the shards' manifest.json). Its hash must match the shards'.")]
    public string? Scenario { get; init; }

    /// <summary><c>--trajectories</c>: also write daily.parquet, as <c>salient run --trajectories</c> does.</summary>
    [CommandOption("--trajectories")]
    [Description("Also write daily.parquet, as salient run --trajectories does.")]
    public bool Trajectories { get; init; }

    /// <summary><c>--daily-maps</c>: also write maps/ (per-day control GeoJSON and the daily front line), as <c>salient run --daily-maps</c> does.</summary>
    [CommandOption("--daily-maps")]
    [Description("Also write maps/ (per-day control GeoJSON and the daily front line), as salient run --daily-maps does.")]
    public bool DailyMaps { get; init; }

    /// <summary><c>--limit output_mb=N</c>: raise the limit on the merged run's estimated output size, as <c>salient run --limit</c> does.</summary>
    [CommandOption("--limit <NAME=N>")]
    [Description("Raise the limit on the merged run's estimated output size, e.g. --limit output_mb=8192 (default 4096), as salient run --limit does.")]
    public string[] Limit { get; init; } = [];

    /// <summary>The size limits after <c>--limit</c>.</summary>
    /// <exception cref="UserInputException">A malformed <c>--limit</c>.</exception>
    public ScenarioLimits Limits() => ScenarioSettings.ParseLimits(Limit);

    /// <summary><c>--no-report</c>: skip report.html for the merged run.</summary>
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
