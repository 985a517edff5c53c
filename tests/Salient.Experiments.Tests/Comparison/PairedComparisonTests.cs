using Salient.Engine.Compilation;
using Salient.Experiments.Comparison;
using Salient.Experiments.Runner;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Xunit;

namespace Salient.Experiments.Tests.Comparison;

public class PairedComparisonTests
{
    private static string Example() => TestRepository.LineOfTowns;

    private static MonteCarloResult Run(LoadOptions options, int reps = 40)
    {
        var loaded = ScenarioLoader.Load(Example(), options);
        Assert.True(loaded.Success, string.Join("\n", loaded.Errors));
        return MonteCarloRunner.Run(new CompiledScenario(loaded.Scenario!), new RunOptions(reps, 5, 2));
    }

    [Fact]
    public void VariantIdenticalToBaseline_ZeroDifferenceInEveryMetric()
    {
        // Common random numbers: a variant that sets a value to what it already is replays every draw exactly.
        var baseline = Run(LoadOptions.Default);
        var same = Run(new LoadOptions(null, ["units.red-bn.personnel=600"]));
        var diffs = PairedComparison.Compare(baseline, same);
        Assert.Equal(baseline.Layout.Metrics.Length, diffs.Count);
        Assert.All(diffs, d =>
        {
            if (d.Pairs == 0) return;
            Assert.Equal(0, d.MeanDifference);
            Assert.Equal(0, d.Low);
            Assert.Equal(0, d.High);
        });
    }

    [Fact]
    public void StrongerRed_RaisesBlueCasualties_WithAnIntervalExcludingZero()
    {
        var baseline = Run(LoadOptions.Default, 60);
        var strong = Run(new LoadOptions("strong-red"), 60);
        var d = PairedComparison.Compare(baseline, strong).Single(x => x.Name == "casualties.total.blue");
        Assert.True(d.Low > 0, $"expected more blue casualties against a stronger red: {d}");
    }

    [Fact]
    public void Difference_KnownColumns_StudentInterval()
    {
        // Differences 1, 2, 3, 4, 5: mean 3, sd sqrt(2.5), se sqrt(0.5); t(0.975, 4) = 2.7764451.
        var info = new MetricInfo("m", MetricKind.Value);
        var d = PairedComparison.Difference(info, [0, 0, 0, 0, 0], [1, 2, 3, 4, 5]);
        Assert.Equal(5, d.Pairs);
        Assert.Equal(3, d.MeanDifference, 12);
        Assert.Equal(3 - 2.7764451 * Math.Sqrt(0.5), d.Low, 5);
        Assert.Equal(3 + 2.7764451 * Math.Sqrt(0.5), d.High, 5);
    }

    [Fact]
    public void Difference_EventMetrics_PairOnlyWhereBothHappened()
    {
        var info = new MetricInfo("capture.x.blue", MetricKind.Day);
        var d = PairedComparison.Difference(info, [1, double.NaN, 3, 4], [2, 5, double.NaN, 6]);
        Assert.Equal(2, d.Pairs);
        Assert.Equal(1.5, d.MeanDifference, 12);
        Assert.Equal(0.75, d.BaselineProbability);
        Assert.Equal(0.75, d.VariantProbability);
    }
}
