using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>
/// Each phase draws only from its own stream (docs/model.md 3.1): casualties caused by fires take their killed/wounded
/// split and equipment losses from the Fires stream, so ground combat's draws do not move when fires change.
/// </summary>
public class StreamSeparationTests
{
    [Fact]
    public void FiresCasualties_DrawNothingFromTheGroundStream()
    {
        // Given a day of fiber-drone strikes and rockets on a unit, with no ground combat (no positional fire, no assaults)
        var c = SystemsScenario.Compile(SystemsScenario.Yaml(fiberTeams: 10, rocketLaunchers: 2, adBatteries: 1));
        var sim = new Simulation(c);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];

        // When one replication runs
        sim.Run(7, 0, metrics, daily);

        // Then the strikes caused casualties (so Inflict ran) and drew from the Fires and AirDefence streams only
        Assert.True(metrics[c.Layout.MetricIndex("casualties.total.red")] > 0);
        var drawn = sim.WordsDrawn;
        Assert.True(drawn.Fires > 0);
        Assert.True(drawn.AirDefence > 0);
        Assert.Equal(0UL, drawn.Ground);
    }
}
