using Salient.Engine.Kernel;
using Salient.Engine.Tests.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>The bundled examples of EW coordination and of fatigue run and show the effect they are there to show.</summary>
public class ExampleScenarioTests
{
    private const int Replications = 40;

    private static (double[][] Metrics, Salient.Engine.Compilation.CompiledScenario C) Run(string path)
    {
        var c = TestScenarios.Bundled(path);
        var sim = new Simulation(c);
        var all = new double[Replications][];
        var d = new float[c.Layout.DailyLength];
        for (int r = 0; r < Replications; r++)
        {
            all[r] = new double[c.Layout.Metrics.Length];
            sim.Run(5, r, all[r], d);
        }
        return (all, c);
    }

    [Fact]
    public void EwCoordination_TheSatcomCoveredBrigade_MassesFully_AndTakesItsTownFirst()
    {
        var (m, c) = Run("scenarios/examples/ew-coordination");
        int north = c.Layout.MetricIndex("capture.n-town.blue"), south = c.Layout.MetricIndex("capture.s-town.blue");
        int massing = c.Layout.MetricIndex("ew.massing_factor.blue");
        Assert.True(north >= 0 && south >= 0 && massing >= 0);
        // Blue's mean massing factor mixes the covered brigade (1) and the jammed one (1 - 0.5 x 0.81 = 0.595).
        Assert.All(m, r => Assert.InRange(r[massing], 0.595 - 1e-9, 1 + 1e-9));
        static double Day(double d) => double.IsNaN(d) ? double.PositiveInfinity : d;
        int earlier = m.Count(r => Day(r[north]) < Day(r[south]));
        int later = m.Count(r => Day(r[north]) > Day(r[south]));
        Assert.True(earlier > 3 * later, $"north first in {earlier}, south first in {later} of {Replications}");
    }

    [Fact]
    public void FatigueRotation_BlueRotates_RedDoesNot()
    {
        var (m, c) = Run("scenarios/examples/fatigue-rotation");
        int blue = c.Layout.MetricIndex("fatigue.rotations.blue"), red = c.Layout.MetricIndex("fatigue.rotations.red");
        Assert.All(m, r => Assert.Equal(0, r[red]));
        Assert.True(m.Average(r => r[blue]) >= 1, "blue should rotate at least one brigade on average");
        Assert.True(c.Layout.SeriesIndex("fatigue.mean.blue") >= 0);
    }
}
