using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>Options of <c>salient sensitivity-merge</c>.</summary>
public sealed class SensitivityMergeSettings : CommandSettings
{
    [CommandArgument(0, "<SHARD_DIR>")]
    [Description("Shard folders written by salient sensitivity --shard k/N (all N of them, any order).")]
    public string[] Shards { get; init; } = [];

    [CommandOption("-o|--out <DIR>")]
    [Description("Output folder for the combined study (required): sensitivity.csv, points.csv and a bar plot per output.")]
    public string? Out { get; init; }

    [CommandOption("--debug")]
    [Description("Show stack traces for unexpected failures.")]
    public bool Debug { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Shards.Length == 0) return ValidationResult.Error("give the shard folders to merge");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out DIR is required: the folder to write the combined study to");
        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>salient sensitivity-merge DIR... --out DIR</c>: checks that the folders are the N shards of one sensitivity study
/// (same scenario hash, seed, design and outputs; every shard once) and computes the indices from the combined design
/// points with the code of an unsharded run, so sensitivity.csv and points.csv are byte-identical to it. On any
/// problem it writes nothing and exits with 2. It runs no simulation and does not need the scenario.
/// </summary>
public sealed class SensitivityMergeCommand(IAnsiConsole console) : Command<SensitivityMergeSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, SensitivityMergeSettings settings, CancellationToken cancellationToken)
    {
        var shards = settings.Shards.Select(SensitivityShard.Read).ToList();
        var (plan, results) = SensitivityShard.Combine(shards);
        console.MarkupLine(Markup.Escape($"Merging {shards.Count} shard(s) of a {plan.Method} study of {plan.Scenario} (hash {plan.Hash}, seed {plan.Seed}): {results.Length:N0} design points"));
        SensitivityCommand.Finish(console, plan, results, settings.Out!);
        return 0;
    }
}
