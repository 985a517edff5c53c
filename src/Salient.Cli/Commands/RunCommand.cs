using System.Diagnostics;
using System.Globalization;
using Salient.Cli.Rendering;
using Salient.Cli.Settings;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Output.Csv;
using Salient.Output.Files;
using Salient.Output.Html;
using Salient.Output.Json;
using Salient.Output.Manifest;
using Salient.Output.Parquet;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary><c>salient run</c>: loads, runs, summarises and writes outputs atomically.</summary>
public sealed class RunCommand(IAnsiConsole console) : Command<RunSettings>
{
    /// <summary>Bytes of result memory a run may use before it is refused (a guard against absurd replication counts).</summary>
    public const long MemoryBudgetBytes = 8L * 1024 * 1024 * 1024;

    /// <inheritdoc/>
    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var model = ScenarioInput.Require(console, settings);

        var compiled = new CompiledScenario(model);
        ShardSpec? shard = settings.Shard is null ? null : ShardSpec.TryParse(settings.Shard, out var spec, out _) ? spec : null;
        long bytes = (long)settings.Replications * (compiled.Layout.Metrics.Length * 8L + compiled.Layout.DailyLength * 4L);
        if (shard is null && bytes > MemoryBudgetBytes)
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"{settings.Replications:N0} replications of this scenario would hold {bytes / 1e9:F1} GB of results in memory (limit {MemoryBudgetBytes / 1e9:F0} GB); run fewer"));

        string outDir = settings.Out ?? Path.Combine("out", $"{model.Name}{(model.Variant is null ? "" : "-" + model.Variant)}-{settings.Seed}{(shard is { } sh ? $"-shard-{sh.Index}-of-{sh.Count}" : "")}");
        var range = shard?.RangeOf(settings.Replications) ?? ReplicationRange.All(settings.Replications);
        if (range.Count == 0)
            throw new UserInputException($"shard {shard} of {settings.Replications} replications is empty: use at most {settings.Replications} shards");
        int threads = settings.Threads ?? Environment.ProcessorCount;
        var options = new RunOptions(settings.Replications, settings.Seed, threads);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[bold]{Markup.Escape(model.Title)}[/]{(model.Variant is null ? "" : $" (variant [bold]{Markup.Escape(model.Variant)}[/])")}: {model.Theatre.Cells.Length} cells, {model.Units.Length} units, {model.Calendar.Start:yyyy-MM-dd} to {model.Calendar.End:yyyy-MM-dd}"));
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{options.Replications:N0} replications, seed {options.Seed}, {threads} thread(s){(shard is null ? "" : $"; shard {shard}: replications {Markup.Escape(range.ToString())}")}"));

        var clock = Stopwatch.StartNew();
        string scenarioPath = ScenarioInput.Resolve(settings.Scenario);
        var manifest = ShardManifest.Begin(shard is null ? ShardManifest.RunKind : ShardManifest.ShardKind, compiled, scenarioPath, settings.Set,
            options.Seed, options.Replications, shard ?? new ShardSpec(1, 1), range, DateTimeOffset.UtcNow, threads);

        // The checkpoint is checked before anything is written: a mismatch leaves every folder as it was.
        string checkpointDir = RunCheckpoint.FolderFor(outDir);
        var checkpoint = settings.Resume ? RunCheckpoint.Open(checkpointDir, RunCheckpoint.Describe(manifest, 1)) : null;
        if (checkpoint is not null && settings.CheckpointEvery is { } every && every != checkpoint.Manifest.BlockSize)
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"the checkpoint '{checkpointDir}' was written in blocks of {checkpoint.Manifest.BlockSize} replications: resume with --checkpoint-every {checkpoint.Manifest.BlockSize} or without --checkpoint-every"));
        int blockSize = checkpoint?.Manifest.BlockSize ?? settings.CheckpointEvery ?? RunCheckpoint.DefaultBlockSize(range.Count);
        bool blocks = checkpoint is not null || RunCheckpoint.BlockCountOf(range.Count, blockSize) > 1;
        if (checkpoint is not null)
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Resuming from [bold]{Markup.Escape(checkpointDir)}[/]: {checkpoint.DoneCount} of {checkpoint.BlockCount} blocks of {blockSize} replications already done"));
        else
        {
            if (settings.Resume) console.MarkupLine($"No checkpoint at {Markup.Escape(checkpointDir)}: running from the start");
            else if (Directory.Exists(checkpointDir)) console.MarkupLine($"Discarding the checkpoint {Markup.Escape(checkpointDir)} of an earlier run (continue one with --resume)");
            RunCheckpoint.Discard(checkpointDir);
            if (blocks)
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                    $"Checkpointing every {blockSize:N0} replications to {Markup.Escape(checkpointDir)} (if interrupted, continue with the same command and --resume)"));
        }

        int resumed = checkpoint?.DoneReplications ?? 0;
        string played = resumed == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({range.Count - resumed:N0} played now, {resumed:N0} from the checkpoint)");
        MonteCarloResult result = null!;
        RunSummary summary = null!;
        // Replications stream into replications.parquet as they finish (through checkpoint blocks when the run has
        // several); everything else is read back from it.
        AtomicDirectory.Write(outDir, dir =>
        {
            result = WithProgress(range.Count, progress => blocks
                ? RunBlocks(checkpoint ?? RunCheckpoint.Create(checkpointDir, RunCheckpoint.Describe(manifest, blockSize)), compiled, options, manifest, dir, progress, cancellationToken)
                : ReplicationFiles.Run(compiled, options, range, dir, manifest.ParquetMetadata(), progress, cancellationToken), cancellationToken);
            if (shard is null)
            {
                summary = RunSummary.From(result);
                WriteOutputs(dir, result, summary, scenarioPath, settings.Trajectories, settings.DailyMaps);
            }
            else ControlTallyParquet.Write(Path.Combine(dir, ControlTallyParquet.FileName), result.ControlTally, compiled.Days, compiled.CellCount);
            manifest.Finished(ShardManifest.EntriesOf(dir)).Write(dir);
        });
        RunCheckpoint.Discard(checkpointDir);
        double seconds = clock.Elapsed.TotalSeconds;
        if (shard is not null)
        {
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"shard {shard}: {range.Count:N0} replications {Markup.Escape(range.ToString())}{played} in {seconds:F1} s ({(range.Count - resumed) / Math.Max(seconds, 1e-9):F0}/s). Shard folder: [bold]{Markup.Escape(outDir)}[/]; combine the shards with: salient merge DIR... --out OUT"));
            return 0;
        }
        string? report = settings.NoReport ? null : ReportWriter.Write(outDir);

        SummaryTable.Render(console, model, summary);
        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Replications:N0} replications{played} in {seconds:F1} s ({(options.Replications - resumed) / Math.Max(seconds, 1e-9):F0}/s). Outputs: [bold]{Markup.Escape(outDir)}[/] (summary.json, replications.csv, daily.csv, replications.parquet, manifest.json, cells.geojson, control.json, front.geojson{(settings.DailyMaps ? ", maps/" : "")}{(report is null ? "" : ", report.html")}; explore with: salient serve {Markup.Escape(outDir)})"));
        return 0;
    }

    /// <summary>
    /// Writes a run's outputs from its results and summary into <paramref name="dir"/>: the one writer code path for
    /// <c>salient run</c> and <c>salient merge</c>, so a merged run's files are those of the same run in one process.
    /// </summary>
    internal static void WriteOutputs(string dir, MonteCarloResult result, RunSummary summary, string? scenarioPath, bool trajectories, bool dailyMaps)
    {
        SummaryJsonWriter.Write(summary, Path.Combine(dir, "summary.json"));
        CsvWriters.WriteReplications(result, Path.Combine(dir, "replications.csv"));
        CsvWriters.WriteDaily(summary, Path.Combine(dir, "daily.csv"));
        ViewerOutputs.Write(result, scenarioPath, dir, dailyMaps);
        RunDataFiles.Write(result, dir, trajectories);
    }

    /// <summary>
    /// Plays the blocks <paramref name="checkpoint"/> does not hold yet, each saved as it completes, then copies all
    /// blocks in replication order into <c>dir/replications.parquet</c> (exactly a merge of the blocks).
    /// </summary>
    private static MonteCarloResult RunBlocks(RunCheckpoint checkpoint, CompiledScenario compiled, RunOptions options, ShardManifest manifest,
        string dir, Action<int> progress, CancellationToken cancellationToken)
    {
        int before = 0;
        for (int b = 0; b < checkpoint.BlockCount; b++)
        {
            int offset = before;
            if (!checkpoint.IsDone(b)) checkpoint.RunBlock(compiled, options, manifest, b, d => progress(offset + d), cancellationToken);
            before += checkpoint.BlockRange(b).Count;
            progress(before);
        }
        var set = checkpoint.Blocks();
        return ReplicationFiles.Copy(compiled, options.Seed, set.Source(compiled.Layout), set.Tally(compiled.Days, compiled.CellCount), dir, manifest.ParquetMetadata());
    }

    /// <summary>Runs <paramref name="work"/> on a worker thread behind a progress bar of <paramref name="total"/> replications.</summary>
    private T WithProgress<T>(int total, Func<Action<int>, T> work, CancellationToken cancellationToken)
    {
        T value = default!;
        int done = 0;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("replications", maxValue: total);
                var run = Task.Run(() => work(d => Volatile.Write(ref done, Math.Max(d, Volatile.Read(ref done)))), cancellationToken);
                while (!((IAsyncResult)run).AsyncWaitHandle.WaitOne(100)) task.Value = Volatile.Read(ref done);
                value = run.GetAwaiter().GetResult();
                task.Value = total;
            });
        return value;
    }
}
