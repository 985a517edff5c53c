using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// <c>chance:</c> (docs/model.md 3.4): a source held common draws in every replication what replication 0 draws. Exact
/// expectations: with every source held, every replication is replication 0 of the ordinary run, bit for bit; with
/// none held (or the key absent) the run is the ordinary run; replication 0 is the ordinary replication 0 whatever is
/// held; and holding a source changes the spread only through that source (held inputs give every replication the
/// same sampled inputs while the fighting still varies).
/// </summary>
public class CommonChanceTests
{
    private const string Kursk = "scenarios/kursk-2024";
    private const string Towns = "scenarios/examples/line-of-towns";

    [Theory]
    [InlineData(Kursk)]
    [InlineData(Towns)]
    public void EverySourceHeld_EveryReplicationIsReplicationZero(string path)
    {
        var ordinary = Load(path);
        var held = Load(path, "chance.vary=[]");
        Assert.Equal(ChanceSource.All, held.Model.CommonChance);
        var (m0, d0) = Play(ordinary, 0);
        foreach (int r in new[] { 1, 2, 5 })
        {
            AssertSame((m0, d0), Play(held, r));
        }
    }

    [Theory]
    [InlineData(Kursk, "chance.common=[]")]
    [InlineData(Kursk, "chance.common=[ground, weather]")]
    [InlineData(Towns, "chance.vary=[fires]")]
    public void ReplicationZero_IsTheOrdinaryReplicationZero(string path, string set)
    {
        AssertSame(Play(Load(path), 0), Play(Load(path, set), 0));
    }

    [Fact]
    public void NothingHeld_IsTheOrdinaryRun()
    {
        var ordinary = Load(Kursk);
        var none = Load(Kursk, "chance.common=[]");
        Assert.Equal(ChanceSource.None, none.Model.CommonChance);
        foreach (int r in new[] { 1, 3 })
            AssertSame(Play(ordinary, r), Play(none, r));
    }

    /// <summary>
    /// Kursk's force sizes are distributions (inputs): held, every replication starts with replication 0's forces
    /// while ground combat and the fires still vary; held ground and fires alone, the forces differ again.
    /// </summary>
    [Fact]
    public void HeldInputs_SameForces_FightingStillVaries()
    {
        var ordinary = Load(Kursk);
        var inputs = Load(Kursk, "chance.common=[inputs]");
        var fighting = Load(Kursk, "chance.vary=[inputs]");
        int personnel = ordinary.Layout.MetricIndex(MetricNames.PersonnelFinal("blue"));
        Assert.True(personnel >= 0);

        double[] Initial(CompiledScenario c, int r)
        {
            var sim = new Simulation(c);
            sim.Begin(11, r);
            return sim.InitialPersonnel.ToArray();
        }
        Assert.Equal(Initial(ordinary, 0), Initial(inputs, 4));
        Assert.NotEqual(Initial(ordinary, 0), Initial(fighting, 4));
        Assert.Equal(Initial(ordinary, 4), Initial(fighting, 4));
        Assert.NotEqual(Play(inputs, 0).Metrics[personnel], Play(inputs, 4).Metrics[personnel]);
    }

    private static void AssertSame((double[] Metrics, float[] Daily) expected, (double[] Metrics, float[] Daily) actual)
    {
        Assert.Equal(expected.Metrics, actual.Metrics);
        Assert.Equal(expected.Daily, actual.Daily);
    }

    private static CompiledScenario Load(string path, params string[] set)
    {
        var result = ScenarioLoader.Load(Path.Combine(TestScenarios.RepositoryRoot(), path), new LoadOptions(Overrides: set));
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return new CompiledScenario(result.Scenario!);
    }

    private static (double[] Metrics, float[] Daily) Play(CompiledScenario c, int replication)
    {
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        new Simulation(c).Run(11, replication, metrics, daily);
        return (metrics, daily);
    }
}
