using System.Diagnostics;

namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>The phases <see cref="StepProfiled"/> times, in the order of its <c>elapsed</c> entries.</summary>
    public static IReadOnlyList<string> ProfiledPhases { get; } =
        ["arrivals", "infiltration", "logistics", "command", "isr", "fires", "ground", "recovery", "fatigue", "record"];

    /// <summary>
    /// <see cref="Step"/> with a stopwatch around each phase: adds the <see cref="Stopwatch"/> ticks each phase took
    /// to <paramref name="elapsed"/> (indexed as <see cref="ProfiledPhases"/>). Plays exactly the same phases in the
    /// same order as <see cref="Step"/> (a test compares the state hashes), for profiling runs (bench/Salient.Benchmarks,
    /// <c>profile</c>); the timer reads cost some 20 ns a phase.
    /// </summary>
    public void StepProfiled(Span<float> daily, Span<long> elapsed)
    {
        _day = _tick / _c.TicksPerDay;
        long t0 = Stopwatch.GetTimestamp();
        Arrivals();
        long t1 = Stopwatch.GetTimestamp();
        Infiltration();
        long t2 = Stopwatch.GetTimestamp();
        Logistics();
        long t3 = Stopwatch.GetTimestamp();
        Command();
        long t4 = Stopwatch.GetTimestamp();
        Isr();
        long t5 = Stopwatch.GetTimestamp();
        Fires();
        long t6 = Stopwatch.GetTimestamp();
        GroundCombat();
        long t7 = Stopwatch.GetTimestamp();
        Recovery();
        long t8 = Stopwatch.GetTimestamp();
        Fatigue();
        long t9 = Stopwatch.GetTimestamp();
        if (_tick % _c.TicksPerDay == _c.TicksPerDay - 1) RecordDay(daily);
        long t10 = Stopwatch.GetTimestamp();
        _tick++;
        elapsed[0] += t1 - t0; elapsed[1] += t2 - t1; elapsed[2] += t3 - t2; elapsed[3] += t4 - t3; elapsed[4] += t5 - t4;
        elapsed[5] += t6 - t5; elapsed[6] += t7 - t6; elapsed[7] += t8 - t7; elapsed[8] += t9 - t8; elapsed[9] += t10 - t9;
    }

    /// <summary>
    /// Plays only phase <paramref name="phase"/> (an index into <see cref="ProfiledPhases"/>) on the current state, as
    /// <see cref="Step"/> would at this tick, without advancing the tick: for the per-phase benchmarks
    /// (bench/Salient.Benchmarks, <c>PhaseBenchmarks</c>), which put the state back before each measurement. A phase
    /// played out of its order sees the state the earlier phases left, so use it to measure, not to simulate.
    /// </summary>
    public void RunPhase(int phase, Span<float> daily)
    {
        _day = _tick / _c.TicksPerDay;
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
            case 9: RecordDay(daily); break;
            default: throw new ArgumentOutOfRangeException(nameof(phase));
        }
    }
}
