using System.Diagnostics;
using System.Globalization;
using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Output.Files;
using Salient.Output.Html;
using Salient.Output.Manifest;
using Salient.Output.Parquet;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary>
/// <c>salient merge DIR... --out DIR</c>: checks that shard folders belong to one run and cover its replications
/// exactly once, reassembles the per-replication results in replication order, and writes exactly the outputs
/// <c>salient run</c> writes, through the same code (<see cref="RunCommand.WriteOutputs"/>). summary.json is byte-identical
/// to the single-process run's. On any problem it writes nothing and exits with 2.
/// </summary>
public sealed class MergeCommand(IAnsiConsole console) : Command<MergeSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, MergeSettings settings, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        var set = ShardSet.Open(settings.Shards);
        var first = set.First;

        var (model, scenarioPath) = ScenarioInput.LoadRecorded(console, first.Scenario, settings.Scenario, set.Shards[0].Folder);

        var compiled = new CompiledScenario(model);
        var source = set.Source(compiled.Layout);
        var tally = set.Tally(compiled.Days, compiled.CellCount);
        var range = ReplicationRange.All(first.Replications);
        var parts = set.Shards.Select(s => new ManifestPart(s.Folder, s.Manifest.ShardIndex, s.Manifest.ShardCount, s.Manifest.Start, s.Manifest.End, s.Manifest.Timing, s.Manifest.Host)).ToList();
        var manifest = ShardManifest.Begin(ShardManifest.MergeKind, compiled, scenarioPath, first.Scenario.Set, first.Seed, first.Replications,
            new ShardSpec(1, 1), range, started, threads: 1) with { Parts = parts };
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Merging {set.Shards.Count} shard(s) of [bold]{Markup.Escape(model.Title)}[/]: {first.Replications:N0} replications, seed {first.Seed}"));

        string outDir = settings.Out!;
        RunSummary summary = null!;
        AtomicDirectory.Write(outDir, dir =>
        {
            var result = ReplicationFiles.Copy(compiled, first.Seed, source, tally, dir, manifest.ParquetMetadata());
            summary = RunSummary.From(result);
            RunCommand.WriteOutputs(dir, result, summary, scenarioPath, settings.Trajectories, settings.DailyMaps);
            manifest.Finished(ShardManifest.EntriesOf(dir)).Write(dir);
        });
        string? report = settings.NoReport ? null : ReportWriter.Write(outDir);

        SummaryTable.Render(console, model, summary);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Merged {set.Shards.Count} shard(s), {first.Replications:N0} replications, in {clock.Elapsed.TotalSeconds:F1} s. Outputs: [bold]{Markup.Escape(outDir)}[/]{(report is null ? "" : " (with report.html)")}"));
        return 0;
    }
}
