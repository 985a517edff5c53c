using Salient.Scenario.Model;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>The <c>season:</c> block: what it binds to, its defaults, and a positioned diagnostic for each kind of bad input.</summary>
public class SeasonBindingTests
{
    private const string Block = """

        season:
          foliage:
            leaf_out: { start: 04-20, end: 05-20 }
            leaf_fall: { start: 10-01, end: 11-10 }
            leaf_off_cover: 0.1
          ground:
            - { state: mud, start: 2024-01-10, end: 2024-01-20, source: assumption }
            - { state: frozen, start: 2024-02-01, end: 2024-02-10 }
          weather:
            precipitation: [0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]
          systems:
            ifv: { weather: aviation, thermal: 0.5 }
        """;

    private static string With(string block) => LineOfTowns + block.ReplaceLineEndings("\n");

    [Fact]
    public void NoBlock_NoSeason()
    {
        var r = Load(LineOfTowns);
        AssertLoads(r);
        Assert.Null(r.Scenario!.Season);
    }

    [Fact]
    public void Block_BindsEveryPart_WithTheCentroidLatitude()
    {
        var r = Load(With(Block));
        AssertLoads(r);
        var s = r.Scenario!.Season!;
        Assert.Equal(50, s.LatitudeDeg);
        Assert.Equal(new DateOnly(2001, 4, 20).DayOfYear, s.Foliage.LeafOutStart);
        Assert.Equal(0.1, s.Foliage.LeafOffCover);
        Assert.Equal(1.0, s.Foliage.LeafOnCover);
        Assert.Equal(GroundState.Mud, s.GroundOn(new DateOnly(2024, 1, 15)));
        Assert.Equal(GroundState.Frozen, s.GroundOn(new DateOnly(2024, 2, 10)));
        Assert.Equal(GroundState.Dry, s.GroundOn(new DateOnly(2024, 2, 11)));
        Assert.Equal(0.3, s.PrecipitationByMonth[11]);
        Assert.All(s.LowCloudByMonth, p => Assert.Equal(0, p));
        Assert.Equal(new SeasonSystem(0, WeatherExposure.Aviation, 0.5), Assert.Single(s.Systems));
    }

    [Fact]
    public void UnlistedDrone_DefaultsToDroneExposure()
    {
        var text = With("\nseason: { latitude: 51.7 }\n").Edit(
            "  - { id: ifv, name: Infantry fighting vehicle, class: armour,",
            "  - { id: uav, class: drone }\n  - { id: ifv, name: Infantry fighting vehicle, class: armour,");
        var r = Load(text);
        AssertLoads(r);
        var s = r.Scenario!.Season!;
        Assert.Equal(51.7, s.LatitudeDeg);
        Assert.Equal(WeatherExposure.Drone, s.Systems[0].Exposure);
        Assert.Equal(WeatherExposure.None, s.Systems[1].Exposure);
    }

    [Theory]
    [InlineData("leaf_out: { start: 04-20, end: 05-20 }", "leaf_out: { start: April, end: 05-20 }", "SAL103")]
    [InlineData("leaf_fall: { start: 10-01, end: 11-10 }", "leaf_fall: { start: 10-01, end: 09-10 }", "SAL104")]
    [InlineData("leaf_fall: { start: 10-01, end: 11-10 }", "leaf_fall: { start: 05-01, end: 11-10 }", "SAL104")]
    [InlineData("- { state: frozen, start: 2024-02-01, end: 2024-02-10 }", "- { state: frozen, start: 2024-01-15, end: 2024-02-10 }", "SAL104")]
    [InlineData("- { state: frozen, start: 2024-02-01, end: 2024-02-10 }", "- { state: slush, start: 2024-02-01, end: 2024-02-10 }", "SAL104")]
    [InlineData("0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]", "0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]", "SAL104")]
    [InlineData("0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3]", "0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 1.3]", "SAL104")]
    [InlineData("ifv: { weather: aviation, thermal: 0.5 }", "ifw: { weather: aviation, thermal: 0.5 }", "SAL105")]
    [InlineData("ifv: { weather: aviation, thermal: 0.5 }", "ifv: { weather: aviation, thermal: 0.5, colour: red }", "SAL101")]
    [InlineData("leaf_off_cover: 0.1", "leaf_off_cover: 1.1", "SAL104")]
    public void BadInput_GetsOnePositionedError(string old, string replacement, string code)
    {
        var text = With(Block).Edit(old, replacement);
        var d = SingleError(Load(text));
        Assert.Equal(code, d.Code);
        Assert.Equal("test.yaml", d.Span.File);
        Assert.True(d.Span.Line > LineOfTowns.Split('\n').Length, $"reported at {d.Span}, inside the season block");
    }
}
