using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient sensitivity-merge</c>.</summary>
public sealed class SensitivityMergeSettings : SalientSettings
{
    /// <summary>The <c>&lt;SHARD_DIR&gt;</c> arguments: the folders written by <c>salient sensitivity --shard k/N</c>, all N of them, in any order.</summary>
    [CommandArgument(0, "<SHARD_DIR>")]
    [Description("Shard folders written by salient sensitivity --shard k/N (all N of them, any order).")]
    public string[] Shards { get; init; } = [];

    /// <summary><c>-o|--out</c>: the folder for the combined study (sensitivity.csv, points.csv and a bar plot per output).</summary>
    /// <remarks>Required; null or blank fails <see cref="Validate"/>.</remarks>
    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder for the combined study (required): sensitivity.csv, points.csv and a bar plot per output.")]
    public string? Out { get; init; }

    /// <summary><c>--force</c>: write into an <c>--out</c> folder that holds files Salient did not write, beside them.</summary>
    [CommandOption("--force")]
    [Description("Write into an --out folder that holds other files, beside them: Salient never deletes or replaces a file it did not write.")]
    public bool Force { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Shards.Length == 0) return ValidationResult.Error("give the shard folders to merge");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out DIR is required: the folder to write the combined study to");
        return ValidationResult.Success();
    }
}
