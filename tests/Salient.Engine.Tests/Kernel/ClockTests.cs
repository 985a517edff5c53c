using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// The clock counts on from the last tick instead of dividing (Simulation.SetClock, PERF): after every tick the day
/// and the tick of the day are the quotient and remainder of the tick by the ticks a day, through whole replications,
/// a new replication begun mid-way, and steps after a settled replication's bulk recording.
/// </summary>
public class ClockTests
{
    [Theory]
    [InlineData("scenarios/validation/duel")]
    [InlineData("scenarios/examples/line-of-towns")]
    [InlineData("scenarios/examples/season-cycle")]
    public void EveryTick_DayAndTickOfDay_AreTheDivision(string path)
    {
        var c = TestScenarios.Bundled(path);
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        int perDay = c.TicksPerDay;
        foreach (int stop in new[] { c.TotalTicks, perDay + 3, c.TotalTicks })
        {
            sim.Begin(5, stop);
            while (sim.Tick < stop)
            {
                int tick = sim.Tick;
                sim.Step(daily);
                Assert.Equal((tick / perDay, tick % perDay), sim.Clock);
            }
        }
    }

    [Fact]
    public void StepsAfterASettledRun_DayAndTickOfDay_AreTheDivision()
    {
        var c = TestScenarios.Bundled("scenarios/validation/duel");
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        var metrics = new double[c.Layout.Metrics.Length];
        sim.Run(1, 0, metrics, daily);
        Assert.True(sim.SettledTicksSkipped > 0);
        // A settled run ends with the clock wherever the bulk recording left it; stepping on from a new start divides.
        sim.Begin(1, 1);
        for (int t = 0; t < 30; t++)
        {
            sim.Step(daily);
            Assert.Equal((t / c.TicksPerDay, t % c.TicksPerDay), sim.Clock);
        }
    }
}
