using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Geometry;

/// <summary>
/// The theatre memo (<c>TheatreCache</c>): loads whose theatre inputs are the same share the theatre built the first
/// time (the same cell geometry objects), whatever else differs; any input that differs builds another.
/// </summary>
public class TheatreCacheTests
{
    private static Salient.Scenario.Model.ScenarioModel Grid(string text, params string[] overrides)
    {
        var result = Load(text, new LoadOptions(null, overrides), GridTheatreDir);
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return result.Scenario!;
    }

    [Fact]
    public void TheSameTheatre_WithOtherParameters_IsBuiltOnce()
    {
        var a = Grid(GridTheatre);
        var b = Grid(GridTheatre, "parameters.ground.lethality.red=0.02");
        Assert.Equal(a.Theatre.Cells.Length, b.Theatre.Cells.Length);
        for (int i = 0; i < a.Theatre.Cells.Length; i++)
        {
            Assert.Same(a.Theatre.Cells[i].Geometry, b.Theatre.Cells[i].Geometry);
            Assert.Equal(a.Theatre.Cells[i] with { Geometry = null }, b.Theatre.Cells[i] with { Geometry = null });
        }
    }

    [Theory]
    [InlineData("grid: { hex_km: 5 }", "grid: { hex_km: 4 }")]
    [InlineData("grid: { hex_km: 5 }", "grid: { hex_km: 5 }\n  snap_km: 0.5")]
    public void AnotherGridOrSnap_BuildsAnotherTheatre(string old, string replacement)
    {
        var a = Grid(GridTheatre);
        var b = Grid(GridTheatre.Edit(old, replacement));
        Assert.NotSame(a.Theatre.Cells[0].Geometry, b.Theatre.Cells[0].Geometry);
        if (replacement.Contains("hex_km: 4", StringComparison.Ordinal)) Assert.NotEqual(a.Theatre.Cells.Length, b.Theatre.Cells.Length);
    }
}
