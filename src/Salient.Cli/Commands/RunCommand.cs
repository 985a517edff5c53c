using System.Globalization;
using Salient.Cli.CommandLine;
using Salient.Cli.Rendering;
using Salient.Cli.Services;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Scenario.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary><c>salient run</c>: loads, runs (through <see cref="RunService"/>), summarises and writes outputs atomically.</summary>
public sealed class RunCommand(IAnsiConsole console, TableWriter tables, StandardError stderr) : Command<RunSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var model = ScenarioInput.Require(console, stderr, settings);
        var compiled = new CompiledScenario(model);
        ShardSpec? shard = settings.Shard is null ? null : ShardSpec.TryParse(settings.Shard, out var spec, out _) ? spec : null;
        var range = shard?.RangeOf(settings.Replications) ?? ReplicationRange.All(settings.Replications);
        RunService.Check(compiled, settings.Replications, shard, range);
        RunService.NoteLongRun(compiled, range.Count, settings.ThreadCount, console.MarkupLine);
        RunService.CheckOutputSize(compiled, range.Count, settings.Trajectories, settings.DailyMaps, settings.Limits().OutputMegabytes, console.MarkupLine);
        string outDir = settings.Out ?? DefaultOutputFolder.ForRun(model, settings.Set, settings.Uncalibrated, settings.Seed, shard);
        var options = settings.ToRunOptions();
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(model.Title)}[/]{(model.Variant is null ? "" : $" (variant [bold]{Markup.Escape(model.Variant)}[/])")}: {model.Theatre.Cells.Length} cells, {model.Units.Length} units, {model.Calendar.Start:yyyy-MM-dd} to {model.Calendar.End:yyyy-MM-dd}"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{options.Replications:N0} replications, seed {options.Seed}, {options.Threads} thread(s){(shard is null ? "" : $"; shard {shard}: replications {Markup.Escape(range.ToString())}")}"));
        if (model.CommonChance != ChanceSource.None)
            console.MarkupLine($"[yellow]Held common to every replication (chance:, docs/model.md 3.4):[/] {Markup.Escape(string.Join(", ", ChanceSourceNames.Names(model.CommonChance)))}; the spread is what the other sources make");

        var request = new RunRequest(compiled, ScenarioInput.Resolve(settings.Scenario), settings.Set, options, shard, range, outDir,
            settings.Resume, settings.CheckpointEvery, settings.Trajectories, settings.DailyMaps, Report: !settings.NoReport, settings.Force);
        var outcome = RunService.Execute(request, console.MarkupLine,
            (total, work) => ProgressDisplay.Replications(console, total, work, cancellationToken), cancellationToken);

        double seconds = outcome.Seconds;
        int resumed = outcome.Resumed;
        string played = resumed == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({range.Count - resumed:N0} played now, {resumed:N0} from the checkpoint)");
        if (outcome.Summary is not { } summary)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"shard {shard}: {range.Count:N0} replications {Markup.Escape(range.ToString())}{played} in {seconds:F1} s ({(range.Count - resumed) / Math.Max(seconds, 1e-9):F0}/s). Shard folder: [bold]{Markup.Escape(outDir)}[/]; combine the shards with: salient merge DIR... --out OUT"));
            return 0;
        }

        SummaryTable.Render(tables, model, summary);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Replications:N0} replications{played} in {seconds:F1} s ({(options.Replications - resumed) / Math.Max(seconds, 1e-9):F0}/s). Outputs: [bold]{Markup.Escape(outDir)}[/] (summary.json, replications.csv, daily.csv, replications.parquet, manifest.json, cells.geojson, control.json, front.geojson{(settings.DailyMaps ? ", maps/" : "")}{(settings.NoReport ? "" : ", report.html")}; explore with: salient serve {Markup.Escape(outDir)})"));
        return 0;
    }
}
