using System.Globalization;
using Salient.Engine.Tests.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>
/// Fed at the depot (docs/model.md 4.10, <c>logistics.depot_supply_km</c>) against exact expectations. The scenario: a
/// blue depot, then <c>near</c> (~5 km) and <c>far</c> (~10 km) on a road from the depot to <c>far</c>, each with a
/// brigade of 500 that borders a red cell (so both hold where they stand); no shooters and no ground fire, so nothing
/// is random. With person-days a = 0.06 and throughput T = 500 a route-served brigade on a route cell (d = 0) takes in
/// a T / P a day, P the personnel the road serves, and consumes 0.1 defending: after t ticks of 1/4 day its supply is
/// 1 - (0.1 - a T / P) (t + 1) / 4. A depot-fed brigade regains r (1 - d/D) = 0.5 (1 - d/60) > 0.1 a day, so it stays
/// at 1. Tolerance 1e-12: forty additions of short binary fractions.
/// </summary>
public class DepotSupplyTests
{
    private const double PerPersonDay = 0.06, Throughput = 500, Consumption = 0.1;

    private static string Yaml(double depotSupplyKm) => $$"""
        salient: 1
        name: depot-supply
        calendar: { start: 2024-01-01, end: 2024-01-10, tick_hours: 6 }
        sides: [ { id: blue, doctrine: { cut_off_days: 100 } }, { id: red } ]
        theatre:
          nodes:
            - { id: depot, lon: 30.00, lat: 50, area_km2: 10, control: blue }
            - { id: near, lon: 30.07, lat: 50, area_km2: 10, control: blue }
            - { id: far, lon: 30.14, lat: 50, area_km2: 10, control: blue }
            - { id: north, lon: 30.07, lat: 50.045, area_km2: 10, control: red }
            - { id: east, lon: 30.21, lat: 50, area_km2: 10, control: red }
          edges:
            - { from: depot, to: near }
            - { from: near, to: far }
            - { from: near, to: north }
            - { from: far, to: east }
          depots:
            - { id: blue-base, side: blue, at: depot }
            - { id: red-base, side: red, at: east }
        catalogue:
          - { id: truck, class: logistics, exposure: 0.5, cost_usd: 100000 }
        units:
          - { id: bde-near, side: blue, at: near, personnel: 500 }
          - { id: bde-far, side: blue, at: far, personnel: 500 }
        supply_routes:
          - { id: road, side: blue, path: [depot, far], throughput: {{Throughput.ToString(CultureInfo.InvariantCulture)}}, vehicle: truck, vehicles_per_day: 100 }
        parameters:
          ground: { positional_intensity: 0 }
          logistics: { supply_per_person_day: { blue: {{PerPersonDay.ToString(CultureInfo.InvariantCulture)}} }, depot_supply_km: { blue: {{depotSupplyKm.ToString(CultureInfo.InvariantCulture)}} } }
        """;

    /// <summary>Both brigades' supply after each tick of one replication.</summary>
    private static (double Near, double Far)[] SupplyByTick(double depotSupplyKm) =>
        TestScenarios.EveryTick(TestScenarios.Compile(Yaml(depotSupplyKm)), sim => (sim.SupplyOfUnit(0), sim.SupplyOfUnit(1)));

    private static double RouteFed(double personnelServed, int tick) =>
        1 - (Consumption - PerPersonDay * Throughput / personnelServed) * (tick + 1) / 4.0;

    [Theory]
    [InlineData(0)] // off: both brigades share the road, P = 1000
    [InlineData(1)] // on, but neither brigade is within 1 km of the depot
    public void Off_OrOutOfReach_BothBrigadesShareTheRoad(double depotSupplyKm)
    {
        var supply = SupplyByTick(depotSupplyKm);
        for (int t = 0; t < supply.Length; t++)
        {
            Assert.Equal(RouteFed(1000, t), supply[t].Near, 12);
            Assert.Equal(RouteFed(1000, t), supply[t].Far, 12);
        }
    }

    [Fact]
    public void TheBrigadeNearTheDepot_IsFedThere_AndTheRoadServesTheOtherAlone()
    {
        // R = 8 km covers near (~5 km) and not far (~10 km): near stays full; the road's P is far's 500 alone.
        var supply = SupplyByTick(8);
        for (int t = 0; t < supply.Length; t++)
        {
            Assert.Equal(1.0, supply[t].Near);
            Assert.Equal(RouteFed(500, t), supply[t].Far, 12);
        }
    }

    [Fact]
    public void BothWithinReach_BothAreFedByTheDepot()
    {
        var supply = SupplyByTick(12);
        Assert.All(supply, s => Assert.Equal((1.0, 1.0), s));
    }
}
