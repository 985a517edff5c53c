using System.Diagnostics;

namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>The phases <see cref="StepProfiled"/> times, in the order of its <c>elapsed</c> entries.</summary>
    public static IReadOnlyList<string> ProfiledPhases { get; } =
        ["arrivals", "infiltration", "logistics", "command", "isr", "fires", "ground", "recovery", "fatigue", "record"];

    /// <summary>
    /// <see cref="Step"/> with a stopwatch around each phase: adds the <see cref="Stopwatch"/> ticks each phase took
    /// to <paramref name="elapsed"/> (indexed as <see cref="ProfiledPhases"/>). Plays the phases in the order of
    /// <see cref="Step"/>, calling also those Step leaves out because they change nothing in the scenario (a test
    /// compares the state hashes), for profiling runs (bench/Salient.Benchmarks,
    /// <c>profile</c>); the timer reads cost some 20 ns a phase.
    /// </summary>
    public void StepProfiled(Span<float> daily, Span<long> elapsed)
    {
        bool dayEnds = _tick % _c.TicksPerDay == _c.TicksPerDay - 1;
        for (int p = 0; p < ProfiledPhases.Count; p++)
        {
            if (p == RecordPhase && !dayEnds) continue;
            long start = Stopwatch.GetTimestamp();
            RunPhase(p, daily);
            elapsed[p] += Stopwatch.GetTimestamp() - start;
        }
        _tick++;
    }

    private const int RecordPhase = 9;

    /// <summary>
    /// Plays only phase <paramref name="phase"/> (an index into <see cref="ProfiledPhases"/>) on the current state, as
    /// <see cref="Step"/> would at this tick, without advancing the tick: for the per-phase benchmarks
    /// (bench/Salient.Benchmarks, <c>PhaseBenchmarks</c>), which put the state back before each measurement. A phase
    /// played out of its order sees the state the earlier phases left, so use it to measure, not to simulate.
    /// </summary>
    public void RunPhase(int phase, Span<float> daily)
    {
        SetClock();
        switch (phase)
        {
            case 0: Arrivals(); break;
            case 1: Infiltration(); break;
            case 2: Logistics(); break;
            case 3: Command(); break;
            case 4: Isr(); break;
            case 5: Fires(); break;
            case 6: GroundCombat(); break;
            case 7: Recovery(); break;
            case 8: Fatigue(); break;
            case RecordPhase: RecordDay(daily); break;
            default: throw new ArgumentOutOfRangeException(nameof(phase));
        }
    }
}
