using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Engine.Tests.Kernel;

namespace Salient.Engine.Tests.Systems;

/// <summary>
/// A two-cell scenario with no ground combat (both sides defend, no positional fire): blue's firing systems strike a
/// large red unit 5 km away, so each kill-chain stage can be compared with its closed form.
/// </summary>
internal static class SystemsScenario
{
    public static string Yaml(
        int radioTeams = 0, int fiberTeams = 0, int rocketLaunchers = 0,
        double ewAvailability = 0, double ewOnDrone = 0, int ewItems = 1,
        int adBatteries = 0, double adChannels = 2, double adPk = 0.7, double adShots = 1, double adInterceptors = 1e6,
        double? stock = null, double counterDrone = 0, int tickHours = 1, int days = 1)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string inventory = $"fpv-rf: {radioTeams}, fpv-fiber: {fiberTeams}, rocket: {rocketLaunchers}";
        string redInventory = $"jammer: {ewItems}, sam: {adBatteries}";
        string stocks = stock is null ? "" : $"stocks:\n  - {{ side: blue, system: fpv-rf, initial: {F(stock.Value)} }}\n";
        return $$"""
            salient: 1
            name: systems
            calendar: { start: 2024-01-01, end: 2024-01-{{days:00}}, tick_hours: {{tickHours}} }
            sides: [ { id: blue }, { id: red } ]
            theatre:
              nodes:
                - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
                - { id: e, lon: 30.07, lat: 50, area_km2: 10, control: red }
              edges: [ { from: w, to: e } ]
            catalogue:
              - id: fpv-rf
                class: drone
                fires: { link: radio, range_km: 10, rate_per_day: 24, p_hit: 0.5, kill: { personnel: 1 }, priority: { personnel: 1 } }
              - id: fpv-fiber
                class: drone
                fires: { link: fiber, range_km: 10, rate_per_day: 24, p_hit: 0.5, kill: { personnel: 1 }, priority: { personnel: 1 } }
              - id: rocket
                class: artillery
                fires: { link: gnss, range_km: 80, rate_per_day: 48, p_hit: 0.5, interceptable: true, kill: { personnel: 1 }, priority: { personnel: 1 } }
              - id: jammer
                class: ew
                ew: { radius_km: 20, availability: {{F(ewAvailability)}}, effect: { drone: {{F(ewOnDrone)}} } }
              - id: sam
                class: air_defence
                air_defence: { range_km: 50, channels: {{F(adChannels)}}, cycle_minutes: 60, interceptors: {{F(adInterceptors)}}, pk: {{F(adPk)}}, shots_per_target: {{F(adShots)}} }
            units:
              - { id: b, side: blue, at: w, personnel: 1000, inventory: { {{inventory}} } }
              - { id: r, side: red, at: e, personnel: 1000000, inventory: { {{redInventory}} } }
            {{stocks}}
            parameters:
              ground: { positional_intensity: 0 }
              isr: { base_detection: 1.0 }
              counter_drone: { p: { red: {{F(counterDrone)}} } }
            """;
    }

    public static CompiledScenario Compile(string yaml) => TestScenarios.Compile(yaml);

    /// <summary>Sums the named metrics over replications 0..n-1.</summary>
    public static double[] Sum(CompiledScenario c, int replications, ulong seed, params string[] names)
    {
        var sums = new double[names.Length];
        var sim = new Simulation(c);
        var m = new double[c.Layout.Metrics.Length];
        var d = new float[c.Layout.DailyLength];
        var idx = names.Select(n => c.Layout.MetricIndex(n) is var i and >= 0 ? i : throw new ArgumentException("no metric " + n)).ToArray();
        for (int r = 0; r < replications; r++)
        {
            sim.Run(seed, r, m, d);
            for (int j = 0; j < names.Length; j++) sums[j] += m[idx[j]];
        }
        return sums;
    }
}
