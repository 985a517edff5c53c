using System.Diagnostics;
using System.Globalization;
using Salient.Cli.CommandLine;
using Salient.Cli.Rendering;
using Salient.Cli.Services;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Output.Manifest;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient merge DIR... --out DIR</c>: checks that shard folders belong to one run and cover its replications
/// exactly once, reassembles the per-replication results in replication order, and writes exactly the outputs
/// <c>salient run</c> writes, through the same code (<see cref="RunService"/>). summary.json is byte-identical to the
/// single-process run's. On any problem it writes nothing and exits with 2.
/// </summary>
public sealed class MergeCommand(IAnsiConsole console, TableWriter tables, StandardError stderr) : Command<MergeSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var set = ShardSet.Open(settings.Shards);
        var first = set.First;
        var (model, scenarioPath) = ScenarioInput.LoadRecorded(console, stderr, first.Scenario, settings.Scenario, set.Shards[0].Folder);
        var compiled = new CompiledScenario(model);
        // The shards were each checked for their own slice; the merged folder holds them all.
        RunService.CheckOutputSize(compiled, first.Replications, settings.Trajectories, settings.DailyMaps, settings.Limits().OutputMegabytes, console.MarkupLine);
        var plan = RunService.PlanMerge(set, compiled, scenarioPath, started);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Merging {set.Shards.Count} shard(s) of [bold]{Markup.Escape(model.Title)}[/]: {first.Replications:N0} replications, seed {first.Seed}"));

        string outDir = settings.Out!;
        var summary = RunService.Merge(plan, outDir, settings.Trajectories, settings.DailyMaps, report: !settings.NoReport, settings.Force);

        SummaryTable.Render(tables, model, summary);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Merged {set.Shards.Count} shard(s), {first.Replications:N0} replications, in {clock.Elapsed.TotalSeconds:F1} s. Outputs: [bold]{Markup.Escape(outDir)}[/]{(settings.NoReport ? "" : " (with report.html)")}"));
        return 0;
    }
}
