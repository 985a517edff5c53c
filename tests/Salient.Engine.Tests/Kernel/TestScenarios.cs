using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Scenario.Parsing;

namespace Salient.Engine.Tests.Kernel;

/// <summary>Small scenarios written inline, so each test states exactly the mechanics it exercises.</summary>
internal static class TestScenarios
{
    /// <summary>Two adjacent cells, blue at 'w' attacking red at 'e' (or both defending), one tick per day.</summary>
    /// <remarks><paramref name="ground"/> holds extra <c>key: value</c> lines for <c>parameters.ground</c>, one per line.</remarks>
    public static string Duel(int blue, int red, string ground = "", string bluePosture = "attack", int days = 1, double tickHours = 24) => $$"""
        salient: 1
        name: duel
        calendar: { start: 2024-01-01, end: 2024-01-{{days:00}}, tick_hours: {{tickHours}} }
        sides:
          - { id: blue, doctrine: { attack_ratio: 0 } }
          - { id: red }
        theatre:
          nodes:
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red }
          edges:
            - { from: w, to: e, length_km: 7 }
        units:
          - { id: b, side: blue, at: w, personnel: {{blue}} }
          - { id: r, side: red, at: e, personnel: {{red}} }
        plans:
          - side: blue
            phases:
              - { name: p, start: 2024-01-01, end: 2024-01-{{days:00}}, posture: {{bluePosture}}, objectives: [e] }
        parameters:
          ground:
            break_ratio: 1000
            break_cohesion: 0
            support_fraction: 0
        {{string.Concat(ground.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => "    " + l + "\n"))}}
        """;

    /// <summary>Plays replication 0 of seed <paramref name="seed"/> tick by tick and reads <paramref name="read"/> after each tick.</summary>
    public static T[] EveryTick<T>(CompiledScenario c, Func<Simulation, T> read, ulong seed = 7)
    {
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        sim.Begin(seed, 0);
        var values = new T[c.Days * c.TicksPerDay];
        for (int t = 0; t < values.Length; t++)
        {
            sim.Step(daily);
            values[t] = read(sim);
        }
        return values;
    }

    public static CompiledScenario Compile(string yaml)
    {
        var result = ScenarioLoader.LoadText(yaml, "test.yaml", Path.GetTempPath());
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return new CompiledScenario(result.Scenario!);
    }

    /// <summary>The repository root (the folder holding Salient.slnx).</summary>
    public static string RepositoryRoot() => Salient.Testing.TestRepository.Root;

    public static CompiledScenario Bundled(string relative)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepositoryRoot(), relative));
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return new CompiledScenario(result.Scenario!);
    }
}
