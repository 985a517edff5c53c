using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Output.Files;
using Salient.Output.Parquet;

namespace Salient.Output.Manifest;

/// <summary>One shard folder and its manifest.</summary>
public sealed record ShardFolder(string Folder, ShardManifest Manifest);

/// <summary>
/// A set of shard folders checked to belong together: the same scenario hash, seed, engine version, random number
/// algorithm and replications total, covering the replications <c>[0, R)</c> exactly once. Every problem is an
/// <see cref="OutputException"/> that names the offending folder.
/// </summary>
public sealed class ShardSet
{
    private ShardSet(IReadOnlyList<ShardFolder> shards) => Shards = shards;

    /// <summary>The shards in replication order.</summary>
    public IReadOnlyList<ShardFolder> Shards { get; }

    /// <summary>The manifest of the first shard (the one the others were checked against).</summary>
    public ShardManifest First => Shards[0].Manifest;

    /// <summary>Reads and checks <paramref name="folders"/>, which must cover <c>[0, R)</c>.</summary>
    public static ShardSet Open(IReadOnlyList<string> folders) => Open(folders, 0, null);

    /// <summary>
    /// Reads and checks <paramref name="folders"/>, which must cover <c>[start, end)</c> exactly once (<paramref name="end"/>
    /// null: the replications total). The blocks of a checkpoint cover the range of its run.
    /// </summary>
    public static ShardSet Open(IReadOnlyList<string> folders, int start, int? end)
    {
        ArgumentNullException.ThrowIfNull(folders);
        if (folders.Count == 0) throw new OutputException("no shard folders given to merge");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shards = new List<ShardFolder>();
        foreach (string folder in folders)
        {
            if (!seen.Add(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)))
                throw new OutputException($"'{folder}' is given twice");
            shards.Add(new ShardFolder(folder, ShardManifest.Read(folder)));
        }
        var first = shards[0];
        foreach (var s in shards)
        {
            var m = s.Manifest;
            if (m.Kind is not (ShardManifest.ShardKind or ShardManifest.RunKind or ShardManifest.BlockKind))
                throw new OutputException($"'{s.Folder}' is a {m.Kind} folder, not a shard (merge the shards themselves)");
            if (m.Start < 0 || m.End <= m.Start || m.End > m.Replications)
                throw new OutputException(string.Create(CultureInfo.InvariantCulture, $"'{s.Folder}': its replication range [{m.Start}, {m.End}) is not within [0, {m.Replications})"));
            if (s == first) continue;
            var f = first.Manifest;
            Require(s, m.Scenario.Hash == f.Scenario.Hash, $"scenario {m.Scenario.Name} with hash {m.Scenario.Hash}", $"{f.Scenario.Name} with hash {f.Scenario.Hash}", first);
            Require(s, m.Seed == f.Seed, $"seed {m.Seed}", $"seed {f.Seed}", first);
            Require(s, m.Engine == f.Engine, $"engine {m.Engine}", $"engine {f.Engine}", first);
            Require(s, m.Rng == f.Rng, $"random number algorithm '{m.Rng}'", $"'{f.Rng}'", first);
            Require(s, m.Replications == f.Replications, $"{m.Replications} replications in total", $"{f.Replications}", first);
        }
        shards.Sort((a, b) => a.Manifest.Start.CompareTo(b.Manifest.Start));
        int expected = start;
        int last = end ?? first.Manifest.Replications;
        for (int i = 0; i < shards.Count; i++)
        {
            var m = shards[i].Manifest;
            if (m.Start < expected)
                throw new OutputException(string.Create(CultureInfo.InvariantCulture,
                    $"'{shards[i].Folder}' (replications [{m.Start}, {m.End})) overlaps '{shards[i - 1].Folder}' (replications [{shards[i - 1].Manifest.Start}, {shards[i - 1].Manifest.End}))"));
            if (m.Start > expected)
                throw new OutputException(string.Create(CultureInfo.InvariantCulture,
                    $"replications [{expected}, {m.Start}) are in no shard: a shard is missing before '{shards[i].Folder}' (replications [{m.Start}, {m.End})){MissingHint(shards, expected, m.Start)}"));
            expected = m.End;
        }
        if (expected != last)
            throw new OutputException(string.Create(CultureInfo.InvariantCulture,
                $"replications [{expected}, {last}) are in no shard: a shard is missing after '{shards[^1].Folder}' (replications [{shards[^1].Manifest.Start}, {shards[^1].Manifest.End})){MissingHint(shards, expected, last)}"));
        return new ShardSet(shards);
    }

    /// <summary>When every folder is a shard of one k/N split, the shards that cover the gap <c>[from, to)</c>, as a hint of what to run.</summary>
    private static string MissingHint(List<ShardFolder> shards, int from, int to)
    {
        var m = shards[0].Manifest;
        if (shards.Any(s => s.Manifest.Kind != ShardManifest.ShardKind || s.Manifest.ShardCount != m.ShardCount)) return "";
        var missing = Enumerable.Range(1, m.ShardCount)
            .Where(k => new ShardSpec(k, m.ShardCount).RangeOf(m.Replications) is var r && r.Start < to && r.End > from)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}/{m.ShardCount}")).ToList();
        if (missing.Count == 0) return "";
        string list = missing.Count <= 8 ? string.Join(", ", missing) : $"{string.Join(", ", missing.Take(8))}, ... ({missing.Count} shards)";
        return $". Run the missing shard(s) {list} with the same scenario, --seed {m.Seed} and -n {m.Replications} (add --resume to continue an interrupted one), then merge again";
    }

    private static void Require(ShardFolder shard, bool same, string found, string expected, ShardFolder first)
    {
        if (!same) throw new OutputException($"'{shard.Folder}' was run with {found}, but '{first.Folder}' with {expected}: shards of different runs cannot be merged");
    }

    /// <summary>The shards' replications, in order, read from their Parquet files (checked against their manifests).</summary>
    public IReplicationSource Source(MetricLayout layout)
    {
        var parts = new List<ReplicationParquetReader>();
        foreach (var s in Shards)
        {
            string path = Path.Combine(s.Folder, ReplicationParquetWriter.FileName);
            if (!File.Exists(path)) throw new OutputException($"'{s.Folder}': {ReplicationParquetWriter.FileName} is missing");
            ReplicationParquetReader reader;
            try { reader = new ReplicationParquetReader(path, layout); }
            catch (InvalidDataException ex) { throw new OutputException($"'{s.Folder}': {ex.Message}", ex); }
            if (reader.Start != s.Manifest.Start || reader.Count != s.Manifest.End - s.Manifest.Start)
                throw new OutputException(string.Create(CultureInfo.InvariantCulture,
                    $"'{s.Folder}': {ReplicationParquetWriter.FileName} holds replications [{reader.Start}, {reader.Start + reader.Count}), but its manifest says [{s.Manifest.Start}, {s.Manifest.End})"));
            parts.Add(reader);
        }
        return new ReplicationParquetParts(parts);
    }

    /// <summary>The sum of the shards' control tallies.</summary>
    public int[] Tally(int days, int cells)
    {
        var total = new int[days * cells];
        foreach (var s in Shards)
        {
            string path = Path.Combine(s.Folder, ControlTallyParquet.FileName);
            if (!File.Exists(path)) throw new OutputException($"'{s.Folder}': {ControlTallyParquet.FileName} is missing");
            int[] tally;
            try { tally = ControlTallyParquet.Read(path, days, cells); }
            catch (InvalidDataException ex) { throw new OutputException($"'{s.Folder}': {ex.Message}", ex); }
            for (int i = 0; i < total.Length; i++) total[i] = checked(total[i] + tally[i]);
        }
        return total;
    }
}
