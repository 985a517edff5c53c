using System.Diagnostics;
using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Output.Files;
using Salient.Output.Html;
using Salient.Output.Manifest;
using Salient.Output.Parquet;
using Spectre.Console;

namespace Salient.Cli.Services;

/// <summary>What <c>salient run</c> was asked to do, checked: the scenario, the replications of this process, where to write.</summary>
/// <remarks>Immutable.</remarks>
internal sealed record RunRequest(
    CompiledScenario Scenario, string ScenarioPath, IReadOnlyList<string> Set, RunOptions Options, ShardSpec? Shard, ReplicationRange Range,
    string OutDir, bool Resume, int? CheckpointEvery, bool Trajectories, bool DailyMaps, bool Report, bool Force)
{
    /// <summary>Writes report.html into the folder being committed (the seam a test uses to make the report stage fail).</summary>
    public Action<string> WriteReport { get; init; } = dir => ReportWriter.Write(dir);
}

/// <summary>What a run did: the summary (null for a shard), how long it took and how many replications came from a checkpoint.</summary>
internal sealed record RunOutcome(RunSummary? Summary, double Seconds, int Resumed);

/// <summary>
/// <c>salient run</c> and <c>salient merge</c> as services: the checkpoint decisions, the run orchestrator streaming into
/// the run folder's sink, and the outputs written in one atomic folder. Console-free: notes go to a callback as markup.
/// </summary>
internal static class RunService
{
    /// <summary>Refuses an empty shard.</summary>
    /// <remarks>There is no memory guard on the replication count: a run streams its replications to replications.parquet
    /// and its summary holds at most a few kilobytes per column whatever the count (<c>SummaryAccumulator</c>); the output
    /// size is checked by <see cref="CheckOutputSize"/>.</remarks>
    public static void Check(CompiledScenario compiled, int replications, ShardSpec? shard, ReplicationRange range)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        // Every shard of a split must hold replications, so each shard is refused or accepted alike (not only the empty ones).
        if (range.Count == 0 || shard is { } sh && sh.Count > replications)
            throw new UserInputException($"{shard?.Count} shards of {replications} replications would leave some empty: use at most {replications} shards");
    }

    /// <summary>Estimated output above which a run is announced with its size before it starts.</summary>
    public const long LargeOutputBytes = 1L << 30;

    /// <summary>CPU seconds per cell-tick (cells + units, times ticks), measured on Kursk on a 2-core machine: 400
    /// replications in 25 s of CPU, 923,000 cell-ticks each (commit of 2026-12-05). A rough scale, not a promise.</summary>
    private const double SecondsPerCellTick = 69e-9;

    /// <summary>Runs estimated above this many seconds are announced with their estimate.</summary>
    private const double LongRunSeconds = 600;

    /// <summary>A rough estimate of a run's wall time: cell-ticks at <see cref="SecondsPerCellTick"/>, spread over the threads.</summary>
    public static double EstimatedSeconds(CompiledScenario compiled, int replications, int threads)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        double cellTicks = (double)compiled.TotalTicks * (compiled.CellCount + compiled.UnitCount);
        return replications * cellTicks * SecondsPerCellTick / Math.Max(1, threads);
    }

    /// <summary>Announces a run estimated to take more than ten minutes (the disk estimate is <see cref="CheckOutputSize"/>'s).</summary>
    public static void NoteLongRun(CompiledScenario compiled, int replications, int threads, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(note);
        double seconds = EstimatedSeconds(compiled, replications, threads);
        if (seconds <= LongRunSeconds) return;
        note(string.Create(CultureInfo.InvariantCulture,
            $"This run may take about {seconds / 60:N0} minutes on {threads} thread(s) (a rough estimate from its size, at the rate Kursk runs on a 2-core machine); --shard k/N spreads it over machines, --checkpoint-every and --resume survive interruptions."));
    }

    /// <summary>
    /// Estimates the bytes a run folder will hold (replications.csv and .parquet, daily.csv, the trajectories and the
    /// daily maps, which dominate when asked for) and refuses a run above <paramref name="limitMegabytes"/>, naming
    /// the option that raises it; a run above <see cref="LargeOutputBytes"/> is announced through <paramref name="note"/>.
    /// </summary>
    /// <remarks>Per-value sizes are upper-end averages of the writers' output (a CSV number ~12 bytes, a Parquet
    /// value ~8, a cell of a daily control map ~60 bytes plus its outline's vertices at ~40 bytes each).</remarks>
    public static long CheckOutputSize(CompiledScenario compiled, int replications, bool trajectories, bool dailyMaps, long limitMegabytes, Action<string> note)
    {
        var layout = compiled.Layout;
        long days = compiled.Days;
        long bytes = (long)replications * layout.Metrics.Length * 20L + layout.DailyLength * 60L;
        if (trajectories) bytes += (long)replications * layout.DailyLength * 12L;
        if (dailyMaps)
        {
            long vertices = 0;
            foreach (var cell in compiled.Model.Theatre.Cells) vertices += cell.Geometry?.NumPoints ?? 1;
            bytes += days * (compiled.Model.Theatre.Cells.Length * 60L + vertices * 40L);
        }
        string size = bytes >= 1L << 30 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):F1} GB") : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):F0} MB");
        if (bytes > limitMegabytes * (1L << 20))
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"this run would write about {size} (limit {limitMegabytes:N0} MB{(dailyMaps ? "; --daily-maps writes a map of every cell for each of the " + days.ToString("N0", CultureInfo.InvariantCulture) + " days" : "")}); if this is intended, raise it with --limit output_mb=N"));
        if (bytes > LargeOutputBytes) note($"This run will write about {size} of outputs.");
        return bytes;
    }

    /// <summary>
    /// Plays the run (resuming its checkpoint when asked and it matches) and writes its folder atomically: a whole run's
    /// outputs, or a shard folder. <paramref name="withProgress"/> runs the replications behind a progress display.
    /// </summary>
    public static RunOutcome Execute(RunRequest request, Action<string> note, Func<int, Func<Action<int>, int[]>, int[]> withProgress, CancellationToken cancel)
    {
        var (compiled, options, shard, range) = (request.Scenario, request.Options, request.Shard, request.Range);
        var clock = Stopwatch.StartNew();
        // One writer per output folder and checkpoint: a second run on the same --out is refused, not let discard ours.
        using var outputLock = OutputLock.Acquire(request.OutDir);
        var manifest = ShardManifest.Begin(shard is null ? ShardManifest.RunKind : ShardManifest.ShardKind, compiled, request.ScenarioPath, request.Set,
            options.Seed, options.Replications, shard ?? new ShardSpec(1, 1), range, DateTimeOffset.UtcNow, options.Threads);

        // The checkpoint is checked before anything is written: a mismatch leaves every folder as it was.
        string checkpointDir = RunCheckpoint.FolderFor(request.OutDir);
        var checkpoint = request.Resume ? RunCheckpoint.Open(checkpointDir, RunCheckpoint.Describe(manifest, 1)) : null;
        if (checkpoint is not null && request.CheckpointEvery is { } every && every != checkpoint.Manifest.BlockSize)
            throw new UserInputException(string.Create(CultureInfo.InvariantCulture,
                $"the checkpoint '{checkpointDir}' was written in blocks of {checkpoint.Manifest.BlockSize} replications: resume with --checkpoint-every {checkpoint.Manifest.BlockSize} or without --checkpoint-every"));
        int blockSize = checkpoint?.Manifest.BlockSize ?? request.CheckpointEvery ?? RunCheckpoint.DefaultBlockSize(range.Count);
        var plan = new RunPlan(compiled, options, range, blockSize);
        bool blocks = checkpoint is not null || plan.BlockCount > 1;
        if (checkpoint is not null)
            note(string.Create(CultureInfo.InvariantCulture,
                $"Resuming from [bold]{Markup.Escape(checkpointDir)}[/]: {checkpoint.DoneCount} of {checkpoint.BlockCount} blocks of {blockSize} replications already done"));
        else
        {
            if (request.Resume) note($"No checkpoint at {Markup.Escape(checkpointDir)}: running from the start");
            else if (Directory.Exists(checkpointDir)) note($"Discarding the checkpoint {Markup.Escape(checkpointDir)} of an earlier run (continue one with --resume)");
            RunCheckpoint.Discard(checkpointDir);
            if (blocks)
                note(string.Create(CultureInfo.InvariantCulture,
                    $"Checkpointing every {blockSize:N0} replications to {Markup.Escape(checkpointDir)} (if interrupted, continue with the same command and --resume)"));
        }

        int resumed = checkpoint?.DoneReplications ?? 0;
        RunSummary? summary = null;
        // Replications stream, in order, into replications.parquet and the summary at once (through checkpoint blocks
        // when the run has several); only the outputs that need per-replication rows read the file back.
        AtomicDirectory.Write(request.OutDir, dir =>
        {
            using var sink = new RunResultSink(dir, compiled, manifest.ParquetMetadata(), summarise: shard is null);
            int[] tally = withProgress(range.Count, progress =>
            {
                var store = blocks ? (checkpoint ?? RunCheckpoint.Create(checkpointDir, RunCheckpoint.Describe(manifest, blockSize))).Store(compiled, manifest) : null;
                return RunOrchestrator.Execute(plan, store, sink, progress, cancel);
            });
            var (result, accumulated) = sink.Complete(options.Seed, tally);
            if (shard is null)
            {
                summary = accumulated!;
                RunOutputs.Write(dir, result, summary, request.ScenarioPath, request.Trajectories, request.DailyMaps);
            }
            else ControlTallyParquet.Write(Path.Combine(dir, ControlTallyParquet.FileName), tally, compiled.Days, compiled.CellCount);
            manifest.Finished(ShardManifest.EntriesOf(dir)).Write(dir);
            // The report is part of the atomic commit: a failure here keeps the previous result whole.
            if (shard is null && request.Report) request.WriteReport(dir);
        }, request.Force);
        RunCheckpoint.Discard(checkpointDir);
        return new RunOutcome(summary, clock.Elapsed.TotalSeconds, resumed);
    }

    /// <summary>
    /// Reads what a merge needs from checked shard folders before anything is written: their replications in order,
    /// the summed control tally (any damage is an error here) and the merged run's manifest.
    /// </summary>
    public static MergePlan PlanMerge(ShardSet set, CompiledScenario compiled, string scenarioPath, DateTimeOffset started)
    {
        var first = set.First;
        var source = set.Source(compiled.Layout);
        var tally = set.Tally(compiled.Days, compiled.CellCount);
        var parts = set.Shards.Select(s => new ManifestPart(s.Folder, s.Manifest.ShardIndex, s.Manifest.ShardCount, s.Manifest.Start, s.Manifest.End, s.Manifest.Timing, s.Manifest.Host)).ToList();
        var manifest = ShardManifest.Begin(ShardManifest.MergeKind, compiled, scenarioPath, first.Scenario.Set, first.Seed, first.Replications,
            new ShardSpec(1, 1), ReplicationRange.All(first.Replications), started, threads: 1) with { Parts = parts };
        return new MergePlan(compiled, scenarioPath, first.Seed, source, tally, manifest);
    }

    /// <summary>
    /// Writes the merged run: the shards' replications replayed through the same sink and writer as
    /// <see cref="Execute"/>, so the merged files are those of the run in one process. Returns the summary.
    /// </summary>
    public static RunSummary Merge(MergePlan plan, string outDir, bool trajectories, bool dailyMaps, bool report, bool force)
    {
        RunSummary summary = null!;
        using var outputLock = OutputLock.Acquire(outDir);
        AtomicDirectory.Write(outDir, dir =>
        {
            using var sink = new RunResultSink(dir, plan.Scenario, plan.Manifest.ParquetMetadata(), summarise: true);
            RunOrchestrator.Replay(plan.Source, plan.Scenario.Layout, sink);
            var (result, accumulated) = sink.Complete(plan.Seed, plan.Tally);
            summary = accumulated!;
            RunOutputs.Write(dir, result, summary, plan.ScenarioPath, trajectories, dailyMaps);
            plan.Manifest.Finished(ShardManifest.EntriesOf(dir)).Write(dir);
            if (report) ReportWriter.Write(dir);
        }, force);
        return summary;
    }
}

/// <summary>A merge, read and checked, before anything is written.</summary>
internal sealed record MergePlan(CompiledScenario Scenario, string ScenarioPath, ulong Seed, IReplicationSource Source, int[] Tally, ShardManifest Manifest);
