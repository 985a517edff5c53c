using System.Text.Json;
using System.Text.Json.Serialization;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Output.Files;
using Salient.Output.Json;
using Salient.Output.Parquet;

namespace Salient.Output.Manifest;

/// <summary>The scenario a run played: enough to find it again and to check it is the same one.</summary>
/// <param name="Name">Scenario name.</param>
/// <param name="Hash">SHA-256 of the scenario's inputs with the variant and overrides applied (<c>sha256:...</c>).</param>
/// <param name="Variant">The variant applied, or null.</param>
/// <param name="Path">Absolute path of the scenario folder or file when the run started.</param>
/// <param name="Set">The <c>--set</c> overrides applied, in order.</param>
/// <param name="Calibration">The calibration file applied (relative to the scenario), or null when the scenario ran as written.</param>
public sealed record ManifestScenario(string Name, string Hash, string? Variant, string? Path, IReadOnlyList<string> Set, string? Calibration = null);

/// <summary>When a run or shard started and finished.</summary>
public sealed record ManifestTiming(DateTimeOffset Started, DateTimeOffset Finished, double Seconds, double ReplicationsPerSecond);

/// <summary>Where a run or shard ran.</summary>
public sealed record ManifestHost(string Name, string Os, int Cpus, string Runtime, int Threads);

/// <summary>One shard that went into a merge: its folder and the replications it held.</summary>
public sealed record ManifestPart(string Folder, int ShardIndex, int ShardCount, int Start, int End, ManifestTiming Timing, ManifestHost Host);

/// <summary>
/// manifest.json: the provenance of a run folder, a shard folder or a merged folder: scenario name and hash, engine
/// version, seed, random number algorithm, the replications total and the range this folder holds, the shard k/N,
/// timing and host. Everything that differs between two ways of computing the same result (how it was split, how long
/// it took, where) lives here and in the Parquet metadata, never in summary.json, so summary.json stays byte-identical.
/// </summary>
/// <param name="Format">The manifest format version.</param>
/// <param name="Kind"><c>run</c>, <c>shard</c>, <c>merge</c> or <c>block</c> (a checkpoint block).</param>
/// <param name="Scenario">The scenario played.</param>
/// <param name="Engine">Engine version.</param>
/// <param name="Seed">Experiment seed.</param>
/// <param name="Rng">Random number algorithm and stream keying.</param>
/// <param name="Replications">Replications of the whole run (all shards together).</param>
/// <param name="ShardIndex">k of k/N (1 for a whole run).</param>
/// <param name="ShardCount">N of k/N (1 for a whole run).</param>
/// <param name="Start">First replication index held here.</param>
/// <param name="End">One past the last replication index held here.</param>
/// <param name="Timing">When this folder's work ran.</param>
/// <param name="Host">Where it ran.</param>
/// <param name="Files">The data files in the folder.</param>
/// <param name="Parts">For a merge, the shards merged, in replication order; otherwise empty.</param>
public sealed record ShardManifest(
    int Format,
    string Kind,
    ManifestScenario Scenario,
    string Engine,
    ulong Seed,
    string Rng,
    int Replications,
    int ShardIndex,
    int ShardCount,
    int Start,
    int End,
    ManifestTiming Timing,
    ManifestHost Host,
    IReadOnlyList<string> Files,
    IReadOnlyList<ManifestPart> Parts)
{
    /// <summary>The file name in a run, shard or merge folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The format version written.</summary>
    public const int CurrentFormat = 1;

    /// <summary>Kind of a folder written by <c>salient run</c>.</summary>
    public const string RunKind = "run";

    /// <summary>Kind of a folder written by <c>salient run --shard k/N</c>.</summary>
    public const string ShardKind = "shard";

    /// <summary>Kind of a block folder inside a run's checkpoint (<see cref="RunCheckpoint"/>).</summary>
    public const string BlockKind = "block";

    /// <summary>Kind of a folder written by <c>salient merge</c>.</summary>
    public const string MergeKind = "merge";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The replications held here.</summary>
    [JsonIgnore]
    public ReplicationRange Range => new(Start, End - Start);

    /// <summary>The host this process runs on, with <paramref name="threads"/> worker threads.</summary>
    public static ManifestHost CurrentHost(int threads) => new(
        Environment.MachineName,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        Environment.ProcessorCount,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        threads);

    /// <summary>Timing from <paramref name="started"/> to now, for <paramref name="replications"/> replications.</summary>
    public static ManifestTiming TimingSince(DateTimeOffset started, int replications)
    {
        var finished = DateTimeOffset.UtcNow;
        double seconds = Math.Max((finished - started).TotalSeconds, 0);
        return new ManifestTiming(started, finished, Math.Round(seconds, 3), seconds > 0 ? Math.Round(replications / seconds, 1) : 0);
    }

    /// <summary>A manifest for <paramref name="scenario"/>, timed from <paramref name="started"/> (finish it with <see cref="Finished"/>).</summary>
    public static ShardManifest Begin(string kind, CompiledScenario scenario, string? scenarioPath, IReadOnlyList<string> set, ulong seed,
        int replications, ShardSpec shard, ReplicationRange range, DateTimeOffset started, int threads)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var model = scenario.Model;
        return new ShardManifest(CurrentFormat, kind,
            new ManifestScenario(model.Name, model.Hash, model.Variant, scenarioPath is null ? null : System.IO.Path.GetFullPath(scenarioPath), [.. set], model.Calibration),
            EngineInfo.Version, seed, EngineInfo.RngAlgorithm, replications, shard.Index, shard.Count, range.Start, range.End,
            new ManifestTiming(started, started, 0, 0), CurrentHost(threads), [], []);
    }

    /// <summary>The entries of a finished folder as <c>files</c> lists them: its files, then its subfolders with a trailing slash.</summary>
    public static IEnumerable<string> EntriesOf(string folder) =>
        Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)
            .Concat(Directory.EnumerateDirectories(folder).Select(d => Path.GetFileName(d) + "/").Order(StringComparer.Ordinal));

    /// <summary>This manifest with its timing completed now and the files the folder holds.</summary>
    public ShardManifest Finished(IEnumerable<string> files) =>
        this with { Timing = TimingSince(Timing.Started, End - Start), Files = [.. files] };

    /// <summary>The provenance stored in Parquet metadata: this manifest as compact JSON (timing as known when the file was started).</summary>
    public IReadOnlyDictionary<string, string> ParquetMetadata() =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [ReplicationParquetWriter.ProvenanceKey] = JsonSerializer.Serialize(this, CompactOptions) };

    private static readonly JsonSerializerOptions CompactOptions = new(Options) { WriteIndented = false };

    /// <summary>The manifest as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    /// <summary>Writes the manifest into <paramref name="folder"/>.</summary>
    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, FileName), ToJson() + "\n");

    /// <summary>Parses a manifest; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ShardManifest Parse(string json)
    {
        var m = JsonSerializer.Deserialize<ShardManifest>(json, Options) ?? throw new JsonException("the manifest is empty");
        if (m.Scenario is null || m.Engine is null || m.Timing is null || m.Host is null)
            throw new JsonException("the manifest lacks scenario, engine, timing or host");
        if (m.Format != CurrentFormat) throw new JsonException($"manifest format {m.Format} is not supported (expected {CurrentFormat})");
        return m with { Files = m.Files ?? [], Parts = m.Parts ?? [] };
    }

    /// <summary>Reads <paramref name="folder"/>'s manifest.json; throws <see cref="OutputException"/> naming the folder when it is missing or unreadable.</summary>
    public static ShardManifest Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new OutputException($"'{folder}' does not exist or is not a folder");
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path) && File.Exists(Path.Combine(folder, CheckpointManifest.FileName)))
            throw new OutputException($"'{folder}' is the checkpoint of an unfinished run, not a shard folder: finish that run by repeating its salient run command with --resume");
        if (!File.Exists(path)) throw new OutputException($"'{folder}' is not a shard folder: it has no {FileName} (write one with: salient run --shard k/N --out {folder})");
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is JsonException or IOException or NotSupportedException)
        {
            throw new OutputException($"'{folder}': cannot read {FileName}: {ex.Message}", ex);
        }
    }
}
