using Salient.Engine.Kernel;
using Salient.Scenario.Model;
using Xunit;

namespace Salient.Engine.Tests.Season;

/// <summary>The season multipliers' closed forms and their monotonicity, over grids of every parameter's range.</summary>
public class SeasonFactorTests
{
    private static readonly double[] Unit = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1];

    [Fact]
    public void DroneLight_IsOneAtTheEquinoxDay_AndForThermalOrUngroundedSystems()
    {
        foreach (double g in Unit)
            foreach (double t in Unit)
                Assert.Equal(1, SeasonModel.DroneLight(12, g, t), 12);
        foreach (double hours in new[] { 0.0, 7.8, 16.6, 24 })
        {
            Assert.Equal(1, SeasonModel.DroneLight(hours, 0.7, 1), 12);
            Assert.Equal(1, SeasonModel.DroneLight(hours, 0, 0), 12);
        }
        // g = 0.6, no thermal: night flies at 0.4 of the day rate; 7.8 h of light gives (7.8 + 16.2 x 0.4) / (12 + 12 x 0.4).
        Assert.Equal((7.8 + 16.2 * 0.4) / 16.8, SeasonModel.DroneLight(7.8, 0.6, 0), 12);
    }

    [Fact]
    public void DroneLight_NeverFallsWithMoreDaylight_NorRisesWithLessThermal()
    {
        foreach (double g in Unit)
            foreach (double t in Unit)
                for (double h = 0; h < 24; h += 0.5)
                {
                    Assert.True(SeasonModel.DroneLight(h + 0.5, g, t) >= SeasonModel.DroneLight(h, g, t) - 1e-12);
                    if (h < 12) Assert.True(SeasonModel.DroneLight(h, g, Math.Min(1, t + 0.1)) >= SeasonModel.DroneLight(h, g, t) - 1e-12);
                }
    }

    [Fact]
    public void MoreFoliage_NeverRaisesDetection()
    {
        foreach (double c in Unit)
            for (double f = 0; f < 1; f += 0.05)
            {
                Assert.True(SeasonModel.Concealment(f + 0.05, c) <= SeasonModel.Concealment(f, c));
                Assert.InRange(SeasonModel.Concealment(f, c), 0, 1);
            }
    }

    [Fact]
    public void Mud_NeverSpeedsMovement_AndFrozenNeverBeatsDry_OverTheCatalogueRanges()
    {
        var mud = ParameterCatalogue.Definitions.Single(d => d.Name == "season.mud_mobility");
        var frozen = ParameterCatalogue.Definitions.Single(d => d.Name == "season.frozen_mobility");
        Assert.True(mud.Max <= 1 && frozen.Max <= 1 && mud.Min >= 0 && frozen.Min >= 0);
        foreach (double m in Unit)
            foreach (double f in Unit)
            {
                Assert.True(SeasonModel.Mobility(GroundState.Mud, m, f) <= SeasonModel.Mobility(GroundState.Dry, m, f));
                Assert.True(SeasonModel.Mobility(GroundState.Frozen, m, f) <= SeasonModel.Mobility(GroundState.Dry, m, f));
            }
        Assert.Equal(1, SeasonModel.Mobility(GroundState.Dry, 0.3, 0.8));
    }

    [Fact]
    public void BadWeather_NeverRaisesSorties()
    {
        foreach (var exposure in Enum.GetValues<WeatherExposure>())
            foreach (double g in Unit)
                foreach (double hours in new[] { 7.8, 12, 16.6 })
                {
                    double fair = SeasonModel.Sorties(exposure, hours, 0.2, false, false, 0.6, g, g);
                    Assert.True(SeasonModel.Sorties(exposure, hours, 0.2, true, false, 0.6, g, g) <= fair);
                    Assert.True(SeasonModel.Sorties(exposure, hours, 0.2, false, true, 0.6, g, g) <= fair);
                    Assert.True(SeasonModel.Sorties(exposure, hours, 0.2, true, true, 0.6, g, g) <= fair);
                }
        Assert.Equal(0.5, SeasonModel.Sorties(WeatherExposure.Aviation, 8, 0, true, true, 0.6, 0.9, 0.5));
        Assert.Equal(1, SeasonModel.Sorties(WeatherExposure.None, 8, 0, true, true, 0.6, 0.9, 0.9));
    }

    [Fact]
    public void FoliageCurve_FollowsItsDates()
    {
        // Leaf-out 20 Apr (110) to 20 May (140), leaf fall 1 Oct (274) to 10 Nov (314), bare cover 0.1.
        var f = new Foliage(110, 140, 274, 314, 0.1, 1.0, null);
        Assert.Equal(0.1, f.Cover(new DateOnly(2025, 1, 15)));
        Assert.Equal(0.1, f.Cover(new DateOnly(2025, 4, 20)));
        Assert.Equal(0.55, f.Cover(new DateOnly(2025, 5, 5)), 12);
        Assert.Equal(1.0, f.Cover(new DateOnly(2025, 7, 1)));
        Assert.Equal(0.55, f.Cover(new DateOnly(2025, 10, 21)), 12);
        Assert.Equal(0.1, f.Cover(new DateOnly(2025, 11, 10)));
        // Leap years follow the same calendar dates.
        Assert.Equal(f.Cover(new DateOnly(2025, 5, 5)), f.Cover(new DateOnly(2024, 5, 5)));
    }
}
