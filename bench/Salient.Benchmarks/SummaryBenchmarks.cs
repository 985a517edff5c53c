using BenchmarkDotNet.Attributes;
using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;

namespace Salient.Benchmarks;

/// <summary>
/// The run summary in bounded memory on Kursk's layout (282 metrics, 6,968 series-days): adding one replication to an
/// accumulator whose columns are bucketed (past 512 distinct values), and the replay that selects the exact
/// percentiles of 2,000 replications held in memory. Synthetic continuous values, so every column is bucketed.
/// </summary>
[MemoryDiagnoser]
public class SummaryBenchmarks
{
    private const int Replications = 2_000;
    private CompiledScenario _scenario = null!;
    private ArrayReplicationSource _source = null!;
    private SummaryAccumulator _warm = null!;
    private SummaryAccumulator _warmUnbounded = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Repo.Compile("scenarios/kursk-2024");
        var layout = _scenario.Layout;
        var rng = new Random(1);
        var metrics = new double[Replications * layout.Metrics.Length];
        var daily = new float[Replications * layout.DailyLength];
        for (int i = 0; i < metrics.Length; i++) metrics[i] = rng.NextDouble() * 1e4;
        for (int i = 0; i < daily.Length; i++) daily[i] = (float)(rng.NextDouble() * 1e4);
        _source = new ArrayReplicationSource(layout, 0, Replications, metrics, daily);
        _warm = new SummaryAccumulator(layout);
        _warm.AddAll(_source);
        _warmUnbounded = new SummaryAccumulator(layout, int.MaxValue);
        _warmUnbounded.AddAll(_source);
    }

    [Benchmark(Description = "kursk-2024 layout: add one replication, unbounded columns (the storage before: raw values)")]
    public int AddOneUnbounded()
    {
        var layout = _scenario.Layout;
        int r = _next++ % Replications;
        _warmUnbounded.Add(_source.Metrics.AsSpan(r * layout.Metrics.Length, layout.Metrics.Length), _source.Daily.AsSpan(r * layout.DailyLength, layout.DailyLength));
        return _warmUnbounded.Count;
    }

    [Benchmark(Description = "kursk-2024 layout: add one replication to a bucketed summary")]
    public int AddOne()
    {
        var layout = _scenario.Layout;
        int r = _next++ % Replications;
        var block = _source.Metrics.AsSpan(r * layout.Metrics.Length, layout.Metrics.Length);
        var days = _source.Daily.AsSpan(r * layout.DailyLength, layout.DailyLength);
        _warm.Add(block, days);
        return _warm.Count;
    }

    [Benchmark(Description = "kursk-2024 layout: accumulate and select the exact summary of 2,000 replications")]
    public int Summarise()
    {
        var accumulator = new SummaryAccumulator(_scenario.Layout);
        accumulator.AddAll(_source);
        return accumulator.ToSummary(_scenario, 1, _source).Metrics.Length;
    }
}
