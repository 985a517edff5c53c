using BenchmarkDotNet.Attributes;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;

namespace Salient.Benchmarks;

/// <summary>
/// Each phase of the tick on its own (<see cref="Simulation.RunPhase"/>), on a mid-campaign state: before every
/// measurement the simulation is put 30 days into a replication (Kursk) or 10 days (line-of-towns) and the tick's
/// phases before the measured one are played, so the phase sees what it sees in a run. <c>[MemoryDiagnoser]</c>
/// reports the bytes each phase allocates (none: tests/Salient.Engine.Tests/Kernel/TickAllocationTests.cs asserts it).
/// Run: <c>dotnet run -c Release --project bench/Salient.Benchmarks -- --filter '*PhaseBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class PhaseBenchmarks
{
    private CompiledScenario _scenario = null!;
    private Simulation _sim = null!;
    private float[] _daily = [];
    private int _replication;

    /// <summary>The scenario, relative to the repository.</summary>
    [Params("scenarios/kursk-2024", "scenarios/examples/line-of-towns")]
    public string Scenario { get; set; } = "";

    /// <summary>The phase measured (<see cref="Simulation.ProfiledPhases"/>).</summary>
    [Params("logistics", "command", "isr", "fires", "ground", "recovery", "record")]
    public string Phase { get; set; } = "";

    private int PhaseIndex => Simulation.ProfiledPhases.ToList().IndexOf(Phase);

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Repo.Compile(Scenario);
        _sim = new Simulation(_scenario);
        _daily = new float[_scenario.Layout.DailyLength];
    }

    [IterationSetup]
    public void MidCampaign()
    {
        _sim.Begin(1, _replication++ % 1000);
        int days = Math.Min(Scenario.Contains("kursk", StringComparison.Ordinal) ? 30 : 10, _scenario.Days - 1);
        // Stop on a day's last tick, so the recording phase has a day to record.
        for (int i = 0; i < days * _scenario.TicksPerDay - 1; i++) _sim.Step(_daily);
        for (int p = 0; p < PhaseIndex; p++) _sim.RunPhase(p, _daily);
    }

    [Benchmark(Description = "one phase of one tick")]
    public int OnePhase()
    {
        _sim.RunPhase(PhaseIndex, _daily);
        return _sim.Tick;
    }
}
