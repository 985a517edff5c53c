using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Testing;
using Xunit;

namespace Salient.Engine.Tests.Compilation;

/// <summary>
/// The metric registry: each metric is declared once with its reader, so the layout and the values cannot drift.
/// These check the identities that tie the declared metrics together on real runs of the bundled scenarios.
/// </summary>
public class MetricLayoutTests
{
    public static TheoryData<string> Scenarios => new() { "line-of-towns", "kursk-2024" };

    private static CompiledScenario Compile(string name) =>
        TestRepository.Compile(name == "kursk-2024" ? TestRepository.Kursk : TestRepository.LineOfTowns);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Layout_NamesAreUnique(string scenario)
    {
        var layout = Compile(scenario).Layout;
        var duplicates = layout.Metrics.GroupBy(m => m.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.Equal(layout.Series.Length, layout.Series.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Run_DeclaredMetricsObeyTheirIdentities(string scenario)
    {
        // Given one replication of a bundled scenario
        var c = Compile(scenario);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        new Simulation(c).Run(5, 2, metrics, daily);
        double M(string name) => metrics[IndexOf(c, name)];
        float LastDay(string series) => daily[c.Layout.SeriesIndex(series) * c.Days + c.Days - 1];

        foreach (var side in c.Model.Sides.Select(s => s.Id))
        {
            // Then every casualty is counted once by kind and once by cause
            double total = M(MetricNames.CasualtiesTotal(side));
            Assert.Equal(total, M(MetricNames.Casualties("killed", side)) + M(MetricNames.Casualties("wounded", side)) + M(MetricNames.Casualties("captured", side)));
            double byCause = c.Layout.Metrics.Where(m => m.Name.StartsWith("casualties.by_cause.", StringComparison.Ordinal) && m.Name.EndsWith("." + side, StringComparison.Ordinal))
                .Sum(m => M(m.Name));
            Assert.Equal(total, byCause, 6);
            // and the daily series end where the final metrics do
            Assert.Equal((float)M(MetricNames.ControlArea(side)), LastDay(MetricNames.ControlArea(side)));
            Assert.Equal((float)total, LastDay(MetricNames.CasualtiesTotal(side)));
            Assert.Equal((float)M(MetricNames.PersonnelFinal(side)), LastDay(MetricNames.Personnel(side)));
            Assert.True(M(MetricNames.ControlAreaPeak(side)) >= M(MetricNames.ControlArea(side)));
        }
    }

    private static int IndexOf(CompiledScenario c, string name)
    {
        int i = c.Layout.MetricIndex(name);
        Assert.True(i >= 0, $"metric '{name}' is not declared");
        return i;
    }
}
