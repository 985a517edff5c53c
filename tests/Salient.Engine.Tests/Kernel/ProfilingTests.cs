using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary><see cref="Simulation.StepProfiled"/> plays exactly what <see cref="Simulation.Step"/> plays.</summary>
public class ProfilingTests
{
    [Theory]
    [InlineData("scenarios/kursk-2024")]
    [InlineData("scenarios/examples/infiltration")]
    public void StepProfiled_SameStateAsStep(string path)
    {
        var c = TestScenarios.Bundled(path);
        var a = new Simulation(c);
        var b = new Simulation(c);
        var da = new float[c.Layout.DailyLength];
        var db = new float[c.Layout.DailyLength];
        var elapsed = new long[Simulation.ProfiledPhases.Count];
        a.Begin(4, 2);
        b.Begin(4, 2);
        int ticks = Math.Min(c.TotalTicks, 30 * c.TicksPerDay);
        for (int i = 0; i < ticks; i++)
        {
            a.Step(da);
            b.StepProfiled(db, elapsed);
        }
        Assert.Equal(a.StateHash(), b.StateHash());
        Assert.Equal(da, db);
        Assert.True(elapsed.Sum() > 0);
    }
}
