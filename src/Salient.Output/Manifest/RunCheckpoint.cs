using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Output.Files;
using Salient.Output.Parquet;

namespace Salient.Output.Manifest;

/// <summary>
/// checkpoint.json: what a checkpoint folder was written for. <c>salient run --resume</c> continues it only when the
/// scenario hash, seed, replications, shard, engine and random number algorithm all match the run asked for.
/// </summary>
/// <param name="Format">The checkpoint format version.</param>
/// <param name="Scenario">The scenario played (name, hash with variant and overrides, variant, path, --set).</param>
/// <param name="Engine">Engine version.</param>
/// <param name="Rng">Random number algorithm.</param>
/// <param name="Seed">Experiment seed.</param>
/// <param name="Replications">Replications of the whole run.</param>
/// <param name="ShardIndex">k of <c>--shard k/N</c> (1 for a whole run).</param>
/// <param name="ShardCount">N of <c>--shard k/N</c> (1 for a whole run).</param>
/// <param name="Start">First replication this run plays.</param>
/// <param name="End">One past the last replication this run plays.</param>
/// <param name="BlockSize">Replications per block (the last block may be shorter).</param>
/// <param name="Created">When the checkpoint was started (UTC).</param>
public sealed record CheckpointManifest(
    int Format,
    ManifestScenario Scenario,
    string Engine,
    string Rng,
    ulong Seed,
    int Replications,
    int ShardIndex,
    int ShardCount,
    int Start,
    int End,
    int BlockSize,
    DateTimeOffset Created)
{
    /// <summary>The file name inside a checkpoint folder.</summary>
    public const string FileName = "checkpoint.json";

    /// <summary>The format version written.</summary>
    public const int CurrentFormat = 1;

    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The replications the run plays.</summary>
    [JsonIgnore]
    public ReplicationRange Range => new(Start, End - Start);
}

/// <summary>
/// The checkpoint of a run in progress: a folder beside the output (<c>OUT.partial</c>) holding <c>checkpoint.json</c>
/// and one folder per completed block of replications, <c>block-000000/</c>, ... Each block folder is written whole
/// into a hidden temporary folder and renamed into place (<see cref="AtomicDirectory"/>), its files flushed to disk
/// first, so a block folder that exists is complete. A block folder is a shard folder (replications.parquet,
/// control_tally.parquet, manifest.json of kind <c>block</c>), and the finished run is the merge of its blocks.
/// </summary>
/// <remarks>Block <c>i</c> holds replications <c>[Start + i * BlockSize, min(Start + (i + 1) * BlockSize, End))</c>:
/// the boundaries depend on the replication range and block size only, never on the thread count.</remarks>
public sealed class RunCheckpoint
{
    /// <summary>Suffix of the checkpoint folder after the output folder's name.</summary>
    public const string Suffix = ".partial";

    /// <summary>
    /// Fewest replications per block by default. Saving a block costs tens of milliseconds (files written, synced and
    /// later copied), so blocks of a few dozen fast replications would cost more than they play: runs of up to this
    /// many replications are one block, not checkpointed.
    /// </summary>
    public const int MinDefaultBlock = 2_000;

    /// <summary>Most replications per block by default.</summary>
    public const int MaxDefaultBlock = 100_000;

    /// <summary>Blocks a run is cut into by default, when the bounds above allow.</summary>
    public const int DefaultBlocks = 20;

    private const string BlockPrefix = "block-";

    private RunCheckpoint(string folder, CheckpointManifest manifest)
    {
        Folder = folder;
        Manifest = manifest;
    }

    /// <summary>The checkpoint folder.</summary>
    public string Folder { get; }

    /// <summary>Its checkpoint.json.</summary>
    public CheckpointManifest Manifest { get; }

    /// <summary>How many blocks the run has.</summary>
    public int BlockCount => BlockCountOf(Manifest.End - Manifest.Start, Manifest.BlockSize);

    /// <summary>The checkpoint folder of output folder <paramref name="outDir"/>: <c>OUT.partial</c> beside it.</summary>
    public static string FolderFor(string outDir)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        return Path.GetFullPath(outDir).TrimEnd(Path.DirectorySeparatorChar) + Suffix;
    }

    /// <summary>
    /// The default block size for <paramref name="count"/> replications: about 1/<see cref="DefaultBlocks"/> of them,
    /// within [<see cref="MinDefaultBlock"/>, <see cref="MaxDefaultBlock"/>]. Depends on the count only.
    /// </summary>
    public static int DefaultBlockSize(int count) =>
        (int)Math.Clamp(((long)count + DefaultBlocks - 1) / DefaultBlocks, MinDefaultBlock, MaxDefaultBlock);

    /// <summary>Blocks of <paramref name="blockSize"/> needed for <paramref name="count"/> replications.</summary>
    public static int BlockCountOf(int count, int blockSize) => (int)(((long)count + blockSize - 1) / blockSize);

    /// <summary>The replications of block <paramref name="block"/>.</summary>
    public ReplicationRange BlockRange(int block)
    {
        long start = Manifest.Start + (long)block * Manifest.BlockSize;
        long end = Math.Min(start + Manifest.BlockSize, Manifest.End);
        return new ReplicationRange((int)start, (int)(end - start));
    }

    /// <summary>The folder of block <paramref name="block"/>.</summary>
    public string BlockFolder(int block) => Path.Combine(Folder, BlockPrefix + block.ToString("D6", CultureInfo.InvariantCulture));

    /// <summary>The manifest a new checkpoint of this run would have.</summary>
    public static CheckpointManifest Describe(ShardManifest run, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        return new CheckpointManifest(CheckpointManifest.CurrentFormat, run.Scenario, run.Engine, run.Rng, run.Seed, run.Replications,
            run.ShardIndex, run.ShardCount, run.Start, run.End, blockSize, DateTimeOffset.UtcNow);
    }

    /// <summary>Deletes <paramref name="folder"/> (a checkpoint) if it exists.</summary>
    public static void Discard(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot remove the checkpoint '{folder}': {ex.Message}", ex);
        }
    }

    /// <summary>Creates a fresh checkpoint in <paramref name="folder"/>, replacing whatever was there.</summary>
    public static RunCheckpoint Create(string folder, CheckpointManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        Discard(folder);
        try
        {
            Directory.CreateDirectory(folder);
            AtomicFile.WriteAllText(Path.Combine(folder, CheckpointManifest.FileName), JsonSerializer.Serialize(manifest, CheckpointManifest.Options) + "\n", durable: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot write the checkpoint '{folder}': {ex.Message}", ex);
        }
        return new RunCheckpoint(folder, manifest);
    }

    /// <summary>
    /// Opens the checkpoint in <paramref name="folder"/> to continue a run described by <paramref name="expected"/>;
    /// null when there is no checkpoint there. Throws <see cref="OutputException"/>, touching nothing, when the
    /// checkpoint is of another run (scenario, seed, replications, shard, engine) or unreadable.
    /// </summary>
    public static RunCheckpoint? Open(string folder, CheckpointManifest expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        string path = Path.Combine(folder, CheckpointManifest.FileName);
        if (!File.Exists(path)) return null;
        CheckpointManifest found;
        try
        {
            found = JsonSerializer.Deserialize<CheckpointManifest>(File.ReadAllText(path), CheckpointManifest.Options)
                ?? throw new JsonException("it is empty");
            if (found.Format != CheckpointManifest.CurrentFormat) throw new JsonException($"format {found.Format} is not supported (expected {CheckpointManifest.CurrentFormat})");
            if (found.Scenario is null || found.Engine is null || found.Rng is null) throw new JsonException("it lacks scenario, engine or rng");
            if (found.BlockSize < 1 || found.Start < 0 || found.End <= found.Start || found.End > found.Replications)
                throw new JsonException("its block size or replication range is invalid");
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            throw new OutputException($"cannot resume from '{folder}': {CheckpointManifest.FileName} is unreadable ({ex.Message}); run without --resume to start afresh (this discards the checkpoint)", ex);
        }
        const string Afresh = "run without --resume to start afresh (this discards the checkpoint)";
        string where = $"cannot resume from '{folder}'";
        if (found.Scenario.Hash != expected.Scenario.Hash)
            throw new OutputException($"{where}: it was written for scenario {found.Scenario.Name} with hash {found.Scenario.Hash}{Describe(found.Scenario)}, but this run's scenario {expected.Scenario.Name} has hash {expected.Scenario.Hash}{Describe(expected.Scenario)}: the scenario, variant or --set overrides differ. Resume with the original inputs, or {Afresh}");
        if (found.Seed != expected.Seed)
            throw new OutputException($"{where}: it was written for seed {found.Seed}, but this run has seed {expected.Seed}. Resume with --seed {found.Seed}, or {Afresh}");
        if (found.Replications != expected.Replications)
            throw new OutputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: it was written for {found.Replications:N0} replications, but this run has {expected.Replications:N0}. Resume with --replications {found.Replications}, or {Afresh}"));
        if (found.ShardIndex != expected.ShardIndex || found.ShardCount != expected.ShardCount || found.Start != expected.Start || found.End != expected.End)
            throw new OutputException(string.Create(CultureInfo.InvariantCulture,
                $"{where}: it was written for shard {found.ShardIndex}/{found.ShardCount} (replications [{found.Start}, {found.End})), but this run is shard {expected.ShardIndex}/{expected.ShardCount} (replications [{expected.Start}, {expected.End})). {char.ToUpperInvariant(Afresh[0])}{Afresh[1..]}"));
        if (found.Engine != expected.Engine || found.Rng != expected.Rng)
            throw new OutputException($"{where}: it was written by engine {found.Engine} ({found.Rng}), but this is engine {expected.Engine} ({expected.Rng}), whose results may differ. {char.ToUpperInvariant(Afresh[0])}{Afresh[1..]}");
        return new RunCheckpoint(folder, found);
    }

    private static string Describe(ManifestScenario s) =>
        (s.Variant is null ? "" : $", variant {s.Variant}") + (s.Set.Count == 0 ? "" : $", --set {string.Join(" ", s.Set)}");

    /// <summary>Whether block <paramref name="block"/> was completed (its folder exists: blocks appear whole, by rename).</summary>
    public bool IsDone(int block) => Directory.Exists(BlockFolder(block));

    /// <summary>Blocks completed so far.</summary>
    public int DoneCount => Enumerable.Range(0, BlockCount).Count(IsDone);

    /// <summary>Replications in the blocks completed so far.</summary>
    public int DoneReplications => Enumerable.Range(0, BlockCount).Where(IsDone).Sum(b => BlockRange(b).Count);

    /// <summary>
    /// Writes block <paramref name="block"/> atomically: <paramref name="play"/> streams the block's replications into
    /// its replications.parquet and returns their control tally; then control_tally.parquet and a manifest.json of kind
    /// <c>block</c>, all flushed to disk before the rename. The simulation is the caller's (the run orchestrator's).
    /// </summary>
    public void WriteBlock(CompiledScenario scenario, ShardManifest run, int block, Func<IReplicationSink, int[]> play)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(play);
        var range = BlockRange(block);
        var manifest = run with
        {
            Kind = ShardManifest.BlockKind,
            ShardIndex = block + 1,
            ShardCount = BlockCount,
            Start = range.Start,
            End = range.End,
            Timing = new ManifestTiming(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, 0, 0),
        };
        AtomicDirectory.Write(BlockFolder(block), dir =>
        {
            int[] tally;
            using (var writer = new ReplicationParquetWriter(Path.Combine(dir, ReplicationParquetWriter.FileName), scenario, manifest.ParquetMetadata()))
            {
                tally = play(writer);
                writer.Complete();
            }
            ControlTallyParquet.Write(Path.Combine(dir, ControlTallyParquet.FileName), tally, scenario.Days, scenario.CellCount);
            manifest.Finished(ShardManifest.EntriesOf(dir)).Write(dir);
            foreach (string file in Directory.EnumerateFiles(dir)) Flush(file);
        });
    }

    /// <summary>This checkpoint as the run orchestrator's block store for <paramref name="scenario"/> and the run <paramref name="run"/>.</summary>
    public IBlockStore Store(CompiledScenario scenario, ShardManifest run) => new BlockStore(this, scenario, run);

    /// <summary>The completed blocks as a checked set of shard folders (every block must be done).</summary>
    public ShardSet Blocks()
    {
        var folders = Enumerable.Range(0, BlockCount).Select(BlockFolder).ToList();
        var set = ShardSet.Open(folders, Manifest.Start, Manifest.End);
        // The blocks agree with each other (ShardSet); they must also be of the run checkpoint.json describes.
        if (set.First.Scenario.Hash != Manifest.Scenario.Hash || set.First.Seed != Manifest.Seed || set.First.Replications != Manifest.Replications)
            throw new OutputException($"'{Folder}': its blocks were not written by the run its {CheckpointManifest.FileName} describes; run without --resume to start afresh");
        return set;
    }

    /// <summary>fsync: a block that survives its rename has its data on disk, not only in the page cache.</summary>
    private static void Flush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        stream.Flush(flushToDisk: true);
    }

    private sealed class BlockStore(RunCheckpoint checkpoint, CompiledScenario scenario, ShardManifest run) : IBlockStore
    {
        public bool IsDone(int block) => checkpoint.IsDone(block);

        public void Write(int block, ReplicationRange range, Func<IReplicationSink, int[]> play)
        {
            if (range != checkpoint.BlockRange(block))
                throw new ArgumentException($"block {block} of this checkpoint is {checkpoint.BlockRange(block)}, not {range}", nameof(range));
            checkpoint.WriteBlock(scenario, run, block, play);
        }

        public (IReplicationSource Source, int[] Tally) ReadAll()
        {
            var set = checkpoint.Blocks();
            return (set.Source(scenario.Layout), set.Tally(scenario.Days, scenario.CellCount));
        }
    }
}
