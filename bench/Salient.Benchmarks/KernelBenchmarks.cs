using BenchmarkDotNet.Attributes;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;

namespace Salient.Benchmarks;

/// <summary>The engine on the Kursk 2024-25 scenario: one tick (mid-campaign state) and one whole replication.</summary>
[MemoryDiagnoser]
public class KernelBenchmarks
{
    private CompiledScenario _scenario = null!;
    private Simulation _sim = null!;
    private double[] _metrics = [];
    private float[] _daily = [];
    private int _replication;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Repo.Compile("scenarios/kursk-2024");
        _sim = new Simulation(_scenario);
        _metrics = new double[_scenario.Layout.Metrics.Length];
        _daily = new float[_scenario.Layout.DailyLength];
    }

    /// <summary>Puts the simulation 30 days into a replication, so the tick measured is a typical fighting tick.</summary>
    [IterationSetup(Target = nameof(OneTick))]
    public void StartReplication()
    {
        _sim.Begin(1, _replication++);
        for (int i = 0; i < 30 * _scenario.TicksPerDay; i++) _sim.Step(_daily);
    }

    [Benchmark(Description = "kursk-2024: one tick")]
    public int OneTick()
    {
        _sim.Step(_daily);
        return _sim.Tick;
    }

    [Benchmark(Description = "kursk-2024: one replication")]
    public double OneReplication()
    {
        _sim.Run(1, _replication++ % 1000, _metrics, _daily);
        return _metrics[0];
    }
}
