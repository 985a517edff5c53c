using System.Diagnostics;
using System.Globalization;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Output.Csv;
using Salient.Output.Manifest;
using Salient.Output.Parquet;

namespace Salient.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Salient.Benchmarks -- finish SCENARIO N TILE.parquet</c>: the finishing step
/// of a checkpointed run of N replications without the simulation, for its peak memory (issue 16). The replications
/// are those of TILE (a replications.parquet of the same scenario) repeated; they are written through the checkpoint
/// store in the default blocks, then copied into replications.parquet, summarised (with the percentile passes) and
/// written to replications.csv as a run does. Prints each phase's peak resident set and managed heap, sampled every
/// 10 ms from /proc/self/statm (Linux).
/// </summary>
internal static class FinishMemory
{
    public static void Run(string[] args)
    {
        var c = Repo.Compile(args[1]);
        int n = int.Parse(args[2], CultureInfo.InvariantCulture);
        var layout = c.Layout;
        int width = layout.Metrics.Length, block = layout.DailyLength;
        var tile = new ReplicationParquetReader(args[3], layout);
        var tileMetrics = new double[tile.Count * width];
        var tileDaily = new float[tile.Count * block];
        int k = 0;
        foreach (var b in tile.Blocks())
        {
            b.Metrics.Span.CopyTo(tileMetrics.AsSpan(k * width));
            b.Daily.Span.CopyTo(tileDaily.AsSpan(k * block));
            k += b.Count;
        }
        string work = Path.Combine(Path.GetTempPath(), "salient-finish-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        using var sampler = new PhaseSampler();
        try
        {
            var range = ReplicationRange.All(n);
            int blockSize = RunCheckpoint.DefaultBlockSize(n);
            var manifest = ShardManifest.Begin(ShardManifest.RunKind, c, args[1], [], 1, n, new ShardSpec(1, 1), range, DateTimeOffset.UtcNow, 2);
            var plan = new RunPlan(c, new RunOptions(n, 1, 2), range, blockSize);
            var checkpoint = RunCheckpoint.Create(Path.Combine(work, "out.partial"), RunCheckpoint.Describe(manifest, blockSize));
            var store = checkpoint.Store(c, manifest);
            sampler.Phase("blocks");
            for (int b = 0; b < plan.BlockCount; b++)
            {
                var r = plan.BlockRange(b);
                store.Write(b, r, sink =>
                {
                    for (int i = r.Start; i < r.End; i++)
                        sink.Write(i, tileMetrics.AsSpan(i % tile.Count * width, width), tileDaily.AsSpan(i % tile.Count * block, block));
                    return new int[c.Days * c.CellCount];
                });
            }
            var (source, tally) = store.ReadAll();
            var parts = (ReplicationParquetParts)source;
            sampler.Phase("copy");
            parts.CopyTo(Path.Combine(work, ReplicationParquetWriter.FileName), c, manifest.ParquetMetadata());
            sampler.Phase("summary");
            var summary = new SummaryAccumulator(layout);
            summary.AddAll(parts);
            sampler.Phase("passes");
            summary.ToSummary(c, 1, parts);
            sampler.Phase("csv");
            CsvWriters.WriteReplications(new MonteCarloResult(c, 1, parts, tally), Path.Combine(work, "replications.csv"));
            sampler.Phase("end");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n} replications in blocks of {blockSize}: {summary.ReplayPasses} percentile passes of at most {summary.ReplayPeakBytes / 1e6:F1} MB"));
        }
        finally
        {
            sampler.Dispose();
            sampler.Print();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Peak resident set and managed heap per phase, from a thread sampling every 10 ms.</summary>
    private sealed class PhaseSampler : IDisposable
    {
        private readonly Lock _gate = new();
        private readonly List<(string Name, long Rss, long Heap)> _phases = [("start", 0, 0)];
        private readonly Thread _thread;
        private volatile bool _stop;

        public PhaseSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    Sample();
                    Thread.Sleep(10);
                }
            }) { IsBackground = true };
            _thread.Start();
        }

        public void Phase(string name)
        {
            Sample();
            lock (_gate) _phases.Add((name, 0, 0));
            Sample();
        }

        private void Sample()
        {
            long rss = long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
            long heap = GC.GetGCMemoryInfo().HeapSizeBytes;
            lock (_gate)
            {
                var (name, r, h) = _phases[^1];
                _phases[^1] = (name, Math.Max(r, rss), Math.Max(h, heap));
            }
        }

        public void Print()
        {
            foreach (var (name, rss, heap) in _phases)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-8} peak resident {rss / 1e6,7:F1} MB, managed heap {heap / 1e6,7:F1} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F1} MB"));
        }

        public void Dispose()
        {
            _stop = true;
            _thread.Join();
        }
    }
}
