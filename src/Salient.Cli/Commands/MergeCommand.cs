using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Salient.Cli.Rendering;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Output.Files;
using Salient.Output.Html;
using Salient.Output.Manifest;
using Salient.Output.Parquet;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Commands;

/// <summary>Options of <c>salient merge</c>.</summary>
public sealed class MergeSettings : CommandSettings
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

    [CommandOption("--debug")]
    [Description("Show stack traces for unexpected failures.")]
    public bool Debug { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Shards.Length == 0) return ValidationResult.Error("give at least one shard folder to merge");
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out DIR is required: the folder to write the merged run to");
        return ValidationResult.Success();
    }
}

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
