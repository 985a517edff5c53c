using System.Diagnostics;
using Salient.Engine.Kernel;

namespace Salient.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Salient.Benchmarks -- profile SCENARIO [REPLICATIONS [SEED [run]]]</c>: plays the
/// replications on one thread tick by tick through <see cref="Simulation.StepProfiled"/> and prints each phase's share
/// of the time and nanoseconds per tick and per unit-tick; then times whole <see cref="Simulation.Run"/> calls (no
/// timers) for comparison. SCENARIO is a folder, absolute or relative to the
/// repository. The first replication warms up the JIT and is not counted.
/// </summary>
internal static class Profile
{
    public static void Run(string[] args)
    {
        string path = args.Length > 1 ? args[1] : "scenarios/kursk-2024";
        int reps = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50;
        ulong seed = args.Length > 3 ? ulong.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1;
        var c = Repo.Compile(path);
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        var metrics = new double[c.Layout.Metrics.Length];
        if (args.Length > 4 && args[4] == "run")
        {
            // Whole replications only (no timers inside them), for sampling with perf: clock reads are slow on some VMs.
            ulong h = 1469598103934665603UL;
            for (int rep = 0; rep < reps; rep++)
            {
                sim.Run(seed, rep, metrics, daily);
                foreach (double x in metrics) h = (h ^ (ulong)BitConverter.DoubleToInt64Bits(x)) * 1099511628211UL;
                foreach (float x in daily) h = (h ^ (ulong)BitConverter.SingleToInt32Bits(x)) * 1099511628211UL;
            }
            Console.WriteLine($"hash {h:x16}");
            var clock = Stopwatch.StartNew();
            for (int rep = 0; rep < reps; rep++) sim.Run(seed, rep, metrics, daily);
            Console.WriteLine($"Run: {clock.Elapsed.TotalMilliseconds * 1000 / reps:F2} us a replication");
            return;
        }
        var phases = Simulation.ProfiledPhases;
        var elapsed = new long[phases.Count];
        for (int rep = 0; rep <= reps; rep++)
        {
            if (rep == 1) Array.Clear(elapsed);
            sim.Begin(seed, rep);
            while (sim.Tick < c.TotalTicks) sim.StepProfiled(daily, elapsed);
        }
        double ticks = (double)reps * c.TotalTicks;
        double total = elapsed.Sum();
        double nsPerTick = total * 1e9 / Stopwatch.Frequency / ticks;
        Console.WriteLine($"{Path.GetFileName(path.TrimEnd('/'))}: {c.UnitCount} units, {c.CellCount} cells, {reps} replications of {c.TotalTicks} ticks");
        for (int i = 0; i < phases.Count; i++)
            Console.WriteLine($"  {phases[i],-13}{elapsed[i] / total,7:P1}{elapsed[i] * 1e9 / Stopwatch.Frequency / ticks,10:F0} ns/tick");
        Console.WriteLine($"  {"all",-13}{1,7:P1}{nsPerTick,10:F0} ns/tick, {nsPerTick / c.UnitCount:F0} ns per unit-tick");

        var watch = Stopwatch.StartNew();
        for (int rep = 0; rep < reps; rep++) sim.Run(seed, rep, metrics, daily);
        double perRep = watch.Elapsed.TotalMilliseconds * 1000 / reps;
        Console.WriteLine($"  Run (no timers): {perRep:F1} us a replication, {perRep * 1000 / c.TotalTicks / c.UnitCount:F0} ns per unit-tick of the full horizon");

        // Where a replication's time goes: Begin (sampling the inputs, resetting the state) alone, then Begin and every
        // tick stepped; then the ticks that draw random numbers (the fight) against those that do not.
        watch.Restart();
        for (int rep = 0; rep < reps; rep++) sim.Begin(seed, rep);
        double begin = watch.Elapsed.TotalMilliseconds * 1000 / reps;
        watch.Restart();
        for (int rep = 0; rep < reps; rep++)
        {
            sim.Begin(seed, rep);
            while (sim.Tick < c.TotalTicks) sim.Step(daily);
        }
        double stepped = watch.Elapsed.TotalMilliseconds * 1000 / reps;
        long drawT = 0, quietT = 0, drawN = 0, quietN = 0;
        var words = new double[3];
        for (int rep = 0; rep < reps; rep++)
        {
            sim.Begin(seed, rep);
            while (sim.Tick < c.TotalTicks)
            {
                var w0 = sim.WordsDrawn;
                long t0 = Stopwatch.GetTimestamp();
                sim.Step(daily);
                long dt = Stopwatch.GetTimestamp() - t0;
                if (sim.WordsDrawn != w0) { drawT += dt; drawN++; } else { quietT += dt; quietN++; }
            }
            var (ground, fire, airDefence) = sim.WordsDrawn; // each stream starts afresh with the replication
            words[0] += ground;
            words[1] += fire;
            words[2] += airDefence;
        }
        Console.WriteLine($"  ticks drawing: {drawN / (double)reps:F1} a replication, {drawT * 1e9 / Stopwatch.Frequency / drawN:F0} ns each; drawless: {quietN / (double)reps:F1}, {quietT * 1e9 / Stopwatch.Frequency / Math.Max(quietN, 1):F0} ns each");
        // The draws set a floor under a replication's time: each word is a Philox output and usually one sampler step.
        Console.WriteLine($"  random words a replication: ground {words[0] / reps:F0}, fires {words[1] / reps:F0}, air defence {words[2] / reps:F0}");
        Console.WriteLine($"  per replication: Begin {begin:F2} us, every tick stepped {stepped - begin:F2} us (Run stops stepping a settled replication)");
    }
}
