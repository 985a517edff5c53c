using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>Infiltration routes, contingents and settlement counts (docs/model.md, "Infiltration", "Contingents").</summary>
public sealed class InfiltrationTests
{
    /// <summary>
    /// Three cells in a row: blue holds w, red holds x and r. Blue's unit 'force' (personnel <paramref name="personnel"/>)
    /// goes through route w -> x from 2024-01-02 (day 1), and red holds x with <paramref name="red"/> personnel.
    /// One tick a day; no fire unless <paramref name="lethality"/>; nothing fortifies; supply does not matter.
    /// </summary>
    private static string Strip(int personnel, double capacity, double p, double loss, int transit, double surprise,
        int red = 0, double lethality = 0, int days = 10) => $$"""
        salient: 1
        name: strip
        calendar: { start: 2024-01-01, end: 2024-01-{{days:00}}, tick_hours: 24 }
        sides:
          - { id: blue, doctrine: { attack_ratio: 0 } }
          - { id: red }
        theatre:
          terrain:
            defensibility: { open: 1.0, town: 2.0 }
          nodes:
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: x, lon: 30.1, lat: 50, area_km2: 10, control: red, terrain: town }
            - { id: r, lon: 30.2, lat: 50, area_km2: 10, control: red }
          edges:
            - { from: w, to: x, length_km: 7 }
            - { from: x, to: r, length_km: 7 }
        units:
          - { id: force, side: blue, at: w, personnel: {{personnel}} }
        {{(red > 0 ? $"  - {{ id: def, side: red, at: x, personnel: {red} }}" : "")}}
        plans:
          - side: blue
            phases:
              - { name: p, start: 2024-01-01, end: 2024-01-{{days:00}}, posture: attack, objectives: [r] }
        infiltration:
          - { id: tunnel, side: blue, route: [w, x], unit: force, start: 2024-01-02, transit_days: {{transit}}, capacity: {{capacity}}, detection_per_day: {{p}}, loss_if_detected: {{loss}}, surprise: {{surprise}} }
        parameters:
          logistics: { supply_floor: 1 }
          ground:
            lethality: { blue: {{lethality}}, red: {{lethality}} }
            break_ratio: 1
            garrison_power_per_km2: { blue: 0, red: 0 }
            support_fraction: 0
            fortification_per_day: 0
        """;

    private static (double[] Metrics, float[] Daily, Simulation Sim) Run(CompiledScenario c, ulong seed, int rep, Simulation? sim = null)
    {
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        sim ??= new Simulation(c);
        sim.Run(seed, rep, metrics, daily);
        return (metrics, daily, sim);
    }

    private static double M(CompiledScenario c, double[] metrics, string name)
    {
        int i = c.Layout.MetricIndex(name);
        Assert.True(i >= 0, $"no metric {name}");
        return metrics[i];
    }

    [Fact]
    public void Transit_MeanSurvivors_MatchTheClosedForm()
    {
        // Given 1,000 personnel, a route of capacity 800, detection 0.2 a day, half lost on each detection, 4 days
        const double Capacity = 800, P = 0.2, L = 0.5;
        const int T = 4, Reps = 4000;
        var c = TestScenarios.Compile(Strip(1000, Capacity, P, L, T, 0));
        // When many replications are run
        var sim = new Simulation(c);
        double sum = 0;
        for (int rep = 0; rep < Reps; rep++)
        {
            var (m, _, _) = Run(c, 11, rep, sim);
            double sent = M(c, m, "infiltration.sent.tunnel.blue"), lost = M(c, m, "infiltration.lost.tunnel.blue");
            double emerged = M(c, m, "infiltration.emerged.tunnel.blue");
            // Then each replication sends exactly the capacity and accounts for every man
            Assert.Equal(Capacity, sent);
            Assert.Equal(sent, lost + emerged);
            sum += emerged;
        }
        // and the mean survivors are N (1 - pL)^T. Tolerance: survivors lie in [0, 800], so by Hoeffding's inequality
        // P(|mean - E| >= 40) <= 2 exp(-2 x 4000 x 40^2 / 800^2) = 4e-9 (and the seed is fixed).
        double expected = Capacity * Math.Pow(1 - P * L, T);
        Assert.InRange(sum / Reps, expected - 40, expected + 40);
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.0)]   // always detected, all lost: none emerge
    [InlineData(0.0, 1.0, 800.0)] // never detected: all emerge
    [InlineData(1.0, 0.0, 800.0)] // detected but no loss stated
    public void Transit_Extremes_AreExact(double p, double loss, double emerged)
    {
        var c = TestScenarios.Compile(Strip(1000, 800, p, loss, 3, 0));
        var (m, _, _) = Run(c, 1, 0);
        Assert.Equal(emerged, M(c, m, "infiltration.emerged.tunnel.blue"));
        Assert.Equal(p > 0 ? 3 : 0, M(c, m, "infiltration.detections.tunnel.blue"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void Emergence_IsOnTheStartDayPlusTheTransitDays(int transit)
    {
        // Given a route entered on day 1 (2024-01-02) with no detection risk
        var c = TestScenarios.Compile(Strip(500, 800, 0, 1, transit, 0));
        var (m, daily, _) = Run(c, 5, 2);
        // Then the force emerges on day 1 + T exactly, all of it, and it is counted as sent from day 1 on
        Assert.Equal(1 + transit, M(c, m, "infiltration.emergence_day.tunnel.blue"));
        Assert.Equal(500, M(c, m, "infiltration.emerged.tunnel.blue"));
        int s = c.Layout.SeriesIndex("infiltration.sent.tunnel.blue");
        Assert.Equal(0f, daily[s * c.Layout.Days + 0]);
        Assert.Equal(500f, daily[s * c.Layout.Days + 1]);
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.45, false)]
    [InlineData(0.55, true)]
    [InlineData(1.0, true)]
    public void Surprise_CutsTheDefenceMultiplier_ExactlyAtTheBreakThreshold(double sigma, bool taken)
    {
        // Given 1,500 infiltrators emerging on day 2 inside a town (defensibility M = 2) held by 1,000 defenders, with
        // no fire, no garrison and break ratio 1: the defenders break iff 1500 >= 1000 x (1 + (M - 1)(1 - sigma)),
        // that is iff sigma >= 0.5; a force already inside the cell then takes it at once.
        var c = TestScenarios.Compile(Strip(1500, 2000, 0, 1, 1, sigma, red: 1000, days: 5));
        var (m, _, _) = Run(c, 3, 0);
        double day = M(c, m, "capture.x.blue");
        if (taken) Assert.Equal(2, day);
        else Assert.True(double.IsNaN(day), $"x taken on day {day}");
    }

    [Fact]
    public void Contingents_SumToTheSidesTotals_Exactly()
    {
        // Given red's two units in two contingents, attacked hard enough to be overrun (no cell to fall back to)
        const string Yaml = """
            salient: 1
            name: contingents
            calendar: { start: 2024-01-01, end: 2024-01-20, tick_hours: 6 }
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
              - { id: b, side: blue, at: w, personnel: 4000 }
              - { id: r1, side: red, at: e, personnel: 400, contingent: home }
              - { id: r2, side: red, at: e, personnel: 300, contingent: allied }
            plans:
              - side: blue
                phases:
                  - { name: p, start: 2024-01-01, end: 2024-01-20, posture: attack, objectives: [e] }
            """;
        var c = TestScenarios.Compile(Yaml);
        var sim = new Simulation(c);
        bool sawCaptured = false;
        for (int rep = 0; rep < 20; rep++)
        {
            var (m, daily, _) = Run(c, 7, rep, sim);
            foreach (var kind in new[] { "killed", "wounded", "captured" })
                Assert.Equal(M(c, m, $"casualties.{kind}.red"), M(c, m, $"casualties.{kind}.home") + M(c, m, $"casualties.{kind}.allied"));
            Assert.Equal(M(c, m, "casualties.total.red"), M(c, m, "casualties.total.home") + M(c, m, "casualties.total.allied"));
            Assert.Equal(M(c, m, "personnel.final.red"), M(c, m, "personnel.final.home") + M(c, m, "personnel.final.allied"));
            int total = c.Layout.SeriesIndex("casualties.total.red"), home = c.Layout.SeriesIndex("casualties.total.home"), allied = c.Layout.SeriesIndex("casualties.total.allied");
            for (int d = 0; d < c.Layout.Days; d++)
                Assert.Equal(daily[total * c.Layout.Days + d], daily[home * c.Layout.Days + d] + daily[allied * c.Layout.Days + d]);
            sawCaptured |= M(c, m, "casualties.captured.red") > 0;
        }
        Assert.True(sawCaptured, "no replication overran red, so the captured tally was not exercised");
    }

    [Fact]
    public void NoRouteNorContingentNorSettlements_DeclaresNoNewMetric()
    {
        var c = TestScenarios.Bundled("scenarios/examples/line-of-towns");
        Assert.DoesNotContain(c.Layout.Metrics, x => x.Name.StartsWith("infiltration.", StringComparison.Ordinal));
        Assert.DoesNotContain(c.Layout.Series, x => x.StartsWith("control.settlements.", StringComparison.Ordinal) || x.StartsWith("control.area_firm_km2.", StringComparison.Ordinal) || x.StartsWith("infiltration.", StringComparison.Ordinal));
    }

    [Fact]
    public void Settlements_HeldEachDay_AreExactOnAGridStrip()
    {
        // Given the grid fixture (two regions, three settlements; blue attacks east), one replication
        var c = TestScenarios.Bundled("tests/Salient.Scenario.Tests/Fixtures/grid-theatre");
        var (_, daily, sim) = Run(c, 2, 0);
        var cells = c.Model.Theatre.Cells;
        int days = c.Layout.Days, blue = c.Layout.SeriesIndex("control.settlements.blue"), red = c.Layout.SeriesIndex("control.settlements.red");
        Assert.True(blue >= 0 && red >= 0);
        for (int d = 0; d < days; d++)
        {
            // Then each day's count is the settlements of the counted cells each side held that day (the control tally)
            int expectBlue = 0, expectRed = 0;
            foreach (var cell in cells)
            {
                if (!c.Model.Theatre.Regions[cell.Region].Counted) continue;
                if (sim.ControlTally[d * cells.Length + cell.Index] == 1) expectBlue += cell.Settlements.Length;
                else expectRed += cell.Settlements.Length;
            }
            Assert.Equal(expectBlue, daily[blue * days + d]);
            Assert.Equal(expectRed, daily[red * days + d]);
        }
    }

    [Fact]
    public void FirmArea_EachDay_IsTheCountedAreaBehindTheContactLine()
    {
        // Given the grid fixture (blue attacks east across a front), one replication
        var c = TestScenarios.Bundled("tests/Salient.Scenario.Tests/Fixtures/grid-theatre");
        var (_, daily, sim) = Run(c, 2, 0);
        var cells = c.Model.Theatre.Cells;
        int n = cells.Length, days = c.Layout.Days;
        int[] firm = [c.Layout.SeriesIndex("control.area_firm_km2.blue"), c.Layout.SeriesIndex("control.area_firm_km2.red")];
        int[] held = [c.Layout.SeriesIndex("control.area_km2.blue"), c.Layout.SeriesIndex("control.area_km2.red")];
        Assert.True(firm[0] >= 0 && firm[1] >= 0);
        bool contactSeen = false;
        for (int d = 0; d < days; d++)
        {
            // Then each day a side's firm area is the area of its counted cells none of whose neighbours the other
            // side held that day, and half the area of those with such a neighbour (read from the day's control
            // tally: 1 where blue held the cell)
            int Side(int cell) => sim.ControlTally[d * n + cell] == 1 ? 0 : 1;
            var expect = new double[2];
            foreach (var cell in cells)
            {
                if (!c.Model.Theatre.Regions[cell.Region].Counted) continue;
                int side = Side(cell.Index);
                bool contact = false;
                for (int e = c.NeighbourStart[cell.Index]; e < c.NeighbourStart[cell.Index + 1]; e++)
                    contact |= Side(c.Neighbour[e]) != side;
                expect[side] += contact ? 0.5 * cell.AreaKm2 : cell.AreaKm2;
            }
            for (int s = 0; s < 2; s++)
            {
                Assert.Equal((float)expect[s], daily[firm[s] * days + d]);
                Assert.True(daily[firm[s] * days + d] <= daily[held[s] * days + d]);
                contactSeen |= daily[firm[s] * days + d] < daily[held[s] * days + d];
            }
        }
        // And the fixture has a front, so the band is not empty
        Assert.True(contactSeen);
    }

    [Fact]
    public void Example_RunsAndSendsItsDetachment()
    {
        var c = TestScenarios.Bundled("scenarios/examples/infiltration");
        var (m, _, _) = Run(c, 1, 0);
        Assert.Equal(800, M(c, m, "infiltration.sent.pipeline.blue"));
        Assert.Equal(8, M(c, m, "infiltration.emergence_day.pipeline.blue"));
        Assert.True(M(c, m, "casualties.total.allied") >= 0);
    }

    [Theory]
    [InlineData("route: [w, r]", "SAL104")]          // not adjacent
    [InlineData("route: [w, x], phase: nope", "SAL103")] // both start and phase
    public void BadRoute_IsAPositionedError(string change, string code)
    {
        string yaml = Strip(500, 800, 0, 1, 1, 0).Replace("route: [w, x]", change, StringComparison.Ordinal);
        var result = ScenarioLoader.LoadText(yaml, "test.yaml", Path.GetTempPath());
        Assert.Contains(result.Errors, e => e.Code == code && e.Span.Line > 0);
    }

    [Fact]
    public void ContingentNamedAsASide_IsAnError()
    {
        string yaml = Strip(500, 800, 0, 1, 1, 0).Replace("{ id: force, side: blue, at: w, personnel: 500 }", "{ id: force, side: blue, at: w, personnel: 500, contingent: red }", StringComparison.Ordinal);
        var result = ScenarioLoader.LoadText(yaml, "test.yaml", Path.GetTempPath());
        Assert.Contains(result.Errors, e => e.Code == ScenarioErrors.OutOfRange.Code);
    }
}
