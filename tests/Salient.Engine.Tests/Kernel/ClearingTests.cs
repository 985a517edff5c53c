using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Clearing a built-up cell (docs/model.md 4.7, step 8): the cell falls when its crossing is done (L / (a mu s) days
/// of assaults on consecutive ticks) and its clearing too (kappa x residents / 1000 days of assault ticks, kept across
/// pauses). The values make every step a power of two (dt = 1/4 day, crossing steps of 1/8), so the tick of capture
/// is exact, not a rounding.
/// </summary>
public class ClearingTests
{
    // Red holds 'e' with no unit and no garrison: blue walks 7 km at 3.5 km/day (2 days) and clears the residents.
    private static CompiledScenario Town(double residents, double kappa, string phases = "- { name: p, start: 2024-01-01, end: 2024-01-10, posture: attack, objectives: [e] }") =>
        TestScenarios.Compile($$"""
        salient: 1
        name: clearing
        calendar: { start: 2024-01-01, end: 2024-01-10, tick_hours: 6 }
        sides:
          - { id: blue, doctrine: { attack_ratio: 0 } }
          - { id: red }
        theatre:
          nodes:
            - { id: w, lon: 30.0, lat: 50, area_km2: 10, control: blue }
            - { id: e, lon: 30.1, lat: 50, area_km2: 10, control: red, population: {{residents}} }
          edges:
            - { from: w, to: e, length_km: 7 }
        units:
          - { id: b, side: blue, at: w, personnel: 1000 }
        plans:
          - side: blue
            phases:
              {{phases}}
        parameters:
          ground:
            advance_km_per_day: 3.5
            clearing_days_per_1000_residents: {{kappa}}
        """);

    /// <summary>Day index on which blue first holds 20 km² (both nodes), or -1.</summary>
    private static int CaptureDay(CompiledScenario c)
    {
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        new Simulation(c).Run(1, 0, metrics, daily);
        int series = c.Layout.SeriesIndex("control.area_km2.blue");
        for (int d = 0; d < c.Days; d++)
            if (daily[series * c.Days + d] == 20f) return d;
        return -1;
    }

    [Theory]
    [InlineData(0, 1.0, 1)]     // no residents: the crossing, 2 days (8 ticks), ends on day index 1
    [InlineData(4000, 0, 1)]    // clearing off: residents change nothing
    [InlineData(1000, 1.0, 1)]  // 1 day of clearing, done while crossing: 2 days
    [InlineData(4000, 1.0, 3)]  // max(2, 1 x 4000/1000) = 4 days, 16 ticks: day index 3
    [InlineData(2000, 3.0, 5)]  // max(2, 3 x 2) = 6 days, 24 ticks: day index 5
    public void BuiltUpCell_FallsWhenCrossedAndCleared(double residents, double kappa, int expectedDay) =>
        Assert.Equal(expectedDay, CaptureDay(Town(residents, kappa)));

    [Fact]
    public void Clearing_IsKeptAcrossAPause_TheCrossingIsNot()
    {
        // Assault on days 0-1 (8 ticks: crossing done, 2 of 4 clearing days), pause on day 2 (the crossing resets, the
        // clearing stays), assault from day 3: 8 more ticks re-cross and finish the clearing, so the town falls at the
        // end of day 4. Were the clearing reset too, it would need 4 more days: day 6.
        const string phases = """
            - { name: a, start: 2024-01-01, end: 2024-01-02, posture: attack, objectives: [e] }
                  - { name: pause, start: 2024-01-03, end: 2024-01-03, posture: defend }
                  - { name: b, start: 2024-01-04, end: 2024-01-10, posture: attack, objectives: [e] }
            """;
        Assert.Equal(4, CaptureDay(Town(4000, 1.0, phases)));
        Assert.Equal(1, CaptureDay(Town(0, 1.0, phases))); // without residents the crossing alone takes it before the pause
    }

    [Fact]
    public void MoreResidents_NeverMakeACellFallSooner()
    {
        int previous = -1;
        foreach (double residents in new[] { 0.0, 250, 500, 1000, 1500, 3000, 4500, 6000 })
        {
            int day = CaptureDay(Town(residents, 1.0));
            Assert.True(day >= previous, $"{residents} residents fell on day {day}, fewer fell on day {previous}");
            previous = day;
        }
    }

    [Fact]
    public void GridCell_Residents_AreItsSettlementsPopulations()
    {
        // Kursk's gazetteer gives Sudzha 6,940 residents (GeoNames); its cell holds it and possibly smaller places.
        var model = TestScenarios.Bundled("scenarios/kursk-2024").Model;
        var sudzha = model.Theatre.Cells[model.Theatre.CellIndex("sudzha")];
        Assert.True(sudzha.Population >= 6940, $"Sudzha's cell has {sudzha.Population} residents");
        Assert.Contains(model.Theatre.Cells, c => c.Settlements.IsEmpty && c.Population == 0);
    }
}
