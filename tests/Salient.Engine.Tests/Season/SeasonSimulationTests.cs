using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Engine.Tests.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Season;

/// <summary>
/// The season hooks inside the kernel: expected sorties under a weather probability against the closed form, weather
/// reproducible per replication and coupled across probabilities, the season calendar in the outputs, and no trace of
/// any of it without a season block.
/// </summary>
public class SeasonSimulationTests
{
    private const double Sigmas = 6; // false-failure probability below 1e-8 per assertion; the seeds are fixed
    private const int Days = 30;
    private const double Teams = 10, Rate = 24;

    /// <summary>Blue's fiber FPV teams (a drone system, never jammed) strike a large red unit for 30 days, one tick a day.</summary>
    private static string Yaml(double p, double grounded, double nightGrounded = 0, string extraSeason = "")
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string months = string.Join(", ", Enumerable.Repeat(F(p), 12));
        return $$"""
            salient: 1
            name: season-test
            calendar: { start: 2024-03-01, end: 2024-03-{{Days}}, tick_hours: 24 }
            sides: [ { id: blue }, { id: red } ]
            theatre:
              nodes:
                - { id: w, lon: 35.0, lat: 51.5, area_km2: 10, control: blue }
                - { id: e, lon: 35.07, lat: 51.5, area_km2: 10, control: red }
              edges: [ { from: w, to: e } ]
            catalogue:
              - id: fpv-fiber
                class: drone
                fires: { link: fiber, range_km: 10, rate_per_day: {{F(Rate)}}, p_hit: 0.5, kill: { personnel: 1 }, priority: { personnel: 1 } }
            units:
              - { id: b, side: blue, at: w, personnel: 1000, inventory: { fpv-fiber: {{F(Teams)}} } }
              - { id: r, side: red, at: e, personnel: 1000000 }
            parameters:
              ground: { positional_intensity: 0 }
              isr: { base_detection: 1.0 }
              season: { precipitation_grounded: {{F(grounded)}}, night_grounded: {{F(nightGrounded)}} }
            season:
              weather: { precipitation: [{{months}}], low_cloud: [{{months}}] }
            {{extraSeason}}
            """;
    }

    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(0.3, 0.5)]
    [InlineData(0.6, 0.8)]
    [InlineData(1.0, 1.0)]
    public void ExpectedSorties_AreBaseTimesOneMinusPG(double p, double g)
    {
        // Per replication the sorties are Poisson given the weather, with daily mean m (1 - g B_d), m = teams x rate and
        // B_d ~ Bernoulli(p): E = D m (1 - p g), Var = D m (1 - p g) + D m² g² p (1 - p) (law of total variance).
        const int replications = 200;
        var c = TestScenarios.Compile(Yaml(p, g));
        double m = Teams * Rate;
        double sum = Sum(c, replications, 11, "fires.sorties.fpv-fiber.blue");
        double mean = Days * m * (1 - p * g) * replications;
        double se = Math.Sqrt(replications * (Days * m * (1 - p * g) + Days * m * m * g * g * p * (1 - p)));
        Assert.InRange(sum, mean - Sigmas * se - 1e-9, mean + Sigmas * se + 1e-9);
    }

    [Fact]
    public void PrecipitationDays_AreReproducible_AndOnlyAddedByAHigherProbability()
    {
        var low = TestScenarios.Compile(Yaml(0.2, 0.5));
        var high = TestScenarios.Compile(Yaml(0.5, 0.5));
        int idxLow = low.Layout.MetricIndex("season.precipitation_days"), idxHigh = high.Layout.MetricIndex("season.precipitation_days");
        int series = low.Layout.SeriesIndex("season.precipitation");
        Assert.True(series >= 0);
        var simLow = new Simulation(low);
        var simHigh = new Simulation(high);
        var m = new double[low.Layout.Metrics.Length];
        var m2 = new double[high.Layout.Metrics.Length];
        var dLow = new float[low.Layout.DailyLength];
        var dHigh = new float[high.Layout.DailyLength];
        var again = new float[low.Layout.DailyLength];
        bool differ = false;
        double previous = double.NaN;
        for (int r = 0; r < 20; r++)
        {
            simLow.Run(5, r, m, dLow);
            simHigh.Run(5, r, m2, dHigh);
            Assert.True(m2[idxHigh] >= m[idxLow]);
            for (int d = 0; d < Days; d++)
                Assert.True(dHigh[series * Days + d] >= dLow[series * Days + d], "a precipitation day at p = 0.2 is one at p = 0.5 too");
            simLow.Run(5, r, m, again);
            Assert.Equal(dLow, again);
            if (r > 0) differ |= m[idxLow] != previous;
            previous = m[idxLow];
        }
        Assert.True(differ, "weather differs between replications");
    }

    [Fact]
    public void MoreBadWeather_NeverRaisesExpectedSorties()
    {
        // Same seed: a higher probability only adds bad days, so the mean sorties cannot rise beyond noise; the Poisson
        // draws are shared only in distribution, so compare with the standard error of the difference.
        const int replications = 100;
        double previous = double.MaxValue;
        foreach (double p in new[] { 0.0, 0.3, 0.7, 1.0 })
        {
            double sum = Sum(TestScenarios.Compile(Yaml(p, 0.6)), replications, 13, "fires.sorties.fpv-fiber.blue");
            double se = Math.Sqrt(2 * replications * Days * Teams * Rate * (1 + Teams * Rate * 0.36 * 0.25));
            Assert.True(sum <= previous + Sigmas * se, $"sorties at p = {p}: {sum}, above {previous}");
            previous = sum;
        }
    }

    [Fact]
    public void Daylight_SeriesAndNightGrounding_FollowTheClosedForm()
    {
        // No weather (p = 0); night grounding 0.6 and no thermal share: E[sorties] = m sum_d DroneLight(L_d, 0.6, 0).
        const int replications = 100;
        var c = TestScenarios.Compile(Yaml(0, 0, nightGrounded: 0.6));
        double expected = 0;
        for (int d = 0; d < Days; d++)
            expected += Teams * Rate * SeasonModel.DroneLight(SeasonModel.DaylightHours(51.5, new DateOnly(2024, 3, 1).AddDays(d)), 0.6, 0);
        double sum = Sum(c, replications, 17, "fires.sorties.fpv-fiber.blue");
        double se = Math.Sqrt(replications * expected);
        Assert.InRange(sum, replications * expected - Sigmas * se, replications * expected + Sigmas * se);

        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        sim.Run(1, 0, new double[c.Layout.Metrics.Length], daily);
        int series = c.Layout.SeriesIndex("season.daylight_hours");
        for (int d = 0; d < Days; d++)
            Assert.Equal((float)SeasonModel.DaylightHours(51.5, new DateOnly(2024, 3, 1).AddDays(d)), daily[series * Days + d]);
    }

    [Fact]
    public void NoSeasonBlock_DeclaresNoSeasonOutputs()
    {
        var c = TestScenarios.Compile(TestScenarios.Duel(100, 100));
        Assert.DoesNotContain(c.Layout.Metrics, x => x.Name.StartsWith("season.", StringComparison.Ordinal));
        Assert.DoesNotContain(c.Layout.Series, x => x.StartsWith("season.", StringComparison.Ordinal));
    }

    [Fact]
    public void Example_ShowsTheCycle()
    {
        var c = TestScenarios.Bundled(Path.Combine("scenarios", "examples", "season-cycle"));
        var season = c.Model.Season!;
        Assert.Equal(51.5, season.LatitudeDeg, 9);
        var sim = new Simulation(c);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        sim.Run(3, 0, metrics, daily);
        int days = c.Days;
        float At(string name, DateOnly date) => daily[c.Layout.SeriesIndex(name) * days + c.Model.Calendar.DayIndex(date)];
        Assert.True(At("season.daylight_hours", new DateOnly(2024, 6, 21)) > 16.5f);
        Assert.True(At("season.daylight_hours", new DateOnly(2024, 12, 21)) < 8f);
        Assert.Equal(1f, At("season.foliage", new DateOnly(2024, 7, 1)));
        Assert.Equal(0.1f, At("season.foliage", new DateOnly(2024, 1, 15)), 6);
        Assert.Equal(2f, At("season.ground_state", new DateOnly(2024, 1, 15)));
        Assert.Equal(1f, At("season.ground_state", new DateOnly(2024, 3, 15)));
        Assert.Equal(0f, At("season.ground_state", new DateOnly(2024, 7, 1)));
        Assert.Equal(1f, At("season.ground_state", new DateOnly(2024, 11, 1)));
        Assert.Equal(88, metrics[c.Layout.MetricIndex("season.mud_days")]);
        Assert.Equal(73, metrics[c.Layout.MetricIndex("season.frozen_days")]);
        // 366 days at the monthly probabilities: ~109 precipitation days expected, sd ~8.6.
        Assert.InRange(metrics[c.Layout.MetricIndex("season.precipitation_days")], 109 - 6 * 8.6, 109 + 6 * 8.6);
    }

    private static double Sum(CompiledScenario c, int replications, ulong seed, string name)
    {
        var sim = new Simulation(c);
        var m = new double[c.Layout.Metrics.Length];
        var d = new float[c.Layout.DailyLength];
        int idx = c.Layout.MetricIndex(name);
        Assert.True(idx >= 0, "no metric " + name);
        double sum = 0;
        for (int r = 0; r < replications; r++)
        {
            sim.Run(seed, r, m, d);
            sum += m[idx];
        }
        return sum;
    }
}
