using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Testing;
using Xunit;

namespace Salient.Analysis.Tests;

public class MetricSelectorTests
{
    private static CompiledScenario LineOfTowns() => TestRepository.Compile(TestRepository.LineOfTowns);

    [Fact]
    public void SeriesAtDate_IsTheDailyValueOfThatDay_AndFinalMetricIsTheMetricColumn()
    {
        var c = LineOfTowns();
        var run = MonteCarloRunner.Run(c, new RunOptions(6, 3, 1));
        var atDate = MetricSelector.Parse(" casualties.total.red@2024-01-10 ", c);
        Assert.Equal("casualties.total.red@2024-01-10", atDate.Name);
        Assert.Equal(MetricKind.Value, atDate.Kind);
        Assert.Equal(run.DailyColumn(c.Layout.SeriesIndex("casualties.total.red"), 9), atDate.Column(run));
        var final = MetricSelector.Parse("casualties.total.red", c);
        Assert.Equal(run.MetricColumn(c.Layout.MetricIndex("casualties.total.red")), final.Column(run));
    }

    [Fact]
    public void DayMetric_CensoredAtTheDayAfterTheEnd()
    {
        var c = LineOfTowns();
        var run = MonteCarloRunner.Run(c, new RunOptions(6, 3, 1));
        var cleared = MetricSelector.Parse("control.cleared.blue", c);
        Assert.True(cleared.IsDay);
        Assert.Equal(60, cleared.CensorDay); // 2024-01-01..2024-02-29: 60 days, indices 0..59
        var raw = cleared.Column(run);
        var (values, censored) = cleared.CensoredColumn(run);
        Assert.Equal(raw.Count(double.IsNaN), censored);
        for (int i = 0; i < raw.Length; i++) Assert.Equal(double.IsNaN(raw[i]) ? 60 : raw[i], values[i]);
        var s = Stats.Summarise(cleared, run);
        Assert.Equal(6, s.Count);
        Assert.Equal(censored / 6.0, s.Censored);
    }

    [Theory]
    [InlineData(0, "2024-01-01")]
    [InlineData(9.4, "2024-01-10")]
    [InlineData(9.5, "2024-01-11")]
    [InlineData(59, "2024-02-29")]
    [InlineData(59.6, "after 2024-02-29")]
    [InlineData(60, "after 2024-02-29")]
    [InlineData(double.NaN, "-")]
    public void FormatDay_RoundsToTheNearestDay(double day, string expected) =>
        Assert.Equal(expected, MetricSelector.FormatDay(day, new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 29)));

    [Theory]
    [InlineData("control.area_km2.blue@2023-12-31", "2023-12-31 is outside the scenario's calendar, 2024-01-01 to 2024-02-29")]
    [InlineData("control.area_km2.blue@2024-02-30", "'2024-02-30' is not a date")]
    [InlineData("control.area@2024-01-02", "unknown daily series 'control.area'; did you mean 'control.area_km2.")]
    [InlineData("control.nothing.blue", "unknown metric 'control.nothing.blue'; metrics of that family include: control.area_km2.blue")]
    [InlineData("", "unknown metric ''")]
    public void Parse_BadSelector_NamesTheValidChoices(string text, string message)
    {
        var ex = Assert.Throws<MetricSelectorException>(() => MetricSelector.Parse(text, LineOfTowns()));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NoList_TheDefaultsOfEverySide_ListErrorsNameTheOption()
    {
        var model = TestRepository.Compile(TestRepository.LineOfTowns).Model;
        Assert.Equal(["casualties.total.blue", "control.area_km2.blue", "casualties.total.red", "control.area_km2.red"],
            MetricSelector.Resolve(model, null, "--metrics").Select(m => m.Name));
        var ex = Assert.Throws<MetricSelectorException>(() => MetricSelector.Resolve(model, "nope", "--outputs"));
        Assert.StartsWith("--outputs: unknown metric 'nope'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(Experiments.Errors.UserErrorException.DefaultExitCode, ex.ExitCode);
    }
}
