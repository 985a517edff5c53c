using Salient.Cli.Rendering;
using Salient.Cli.Services;
using Salient.Cli.Settings;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient sensitivity-merge DIR... --out DIR</c>: checks that the folders are the N shards of one sensitivity study
/// (same scenario hash, seed, design and outputs; every shard once) and computes the indices from the combined design
/// points with the code of an unsharded run, so sensitivity.csv and points.csv are byte-identical to it. On any
/// problem it writes nothing and exits with 2. It runs no simulation and does not need the scenario.
/// </summary>
public sealed class SensitivityMergeCommand(IAnsiConsole console, TableWriter tables) : Command<SensitivityMergeSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, SensitivityMergeSettings settings, CancellationToken cancellationToken)
    {
        var shards = settings.Shards.Select(SensitivityShard.Read).ToList();
        var (plan, results) = SensitivityShard.Combine(shards);
        console.MarkupLine(Markup.Escape($"Merging {shards.Count} shard(s) of a {plan.Method} study of {plan.Scenario} (hash {plan.Hash}, seed {plan.Seed}): {results.Length:N0} design points"));
        SensitivityStudy.Finish(console, tables, plan, results, settings.Out!, settings.Force);
        return 0;
    }
}
