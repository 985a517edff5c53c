using Salient.Analysis.Sweeps;
using Xunit;

namespace Salient.Analysis.Tests;

public sealed class SweepDesignTests
{
    [Fact]
    public void Parse_List_KeepsValuesAsText()
    {
        var v = VariedInput.Parse("parameters.ground.lethality.red=0.01, 0.02,0.03", stepsRequired: true);
        Assert.Equal("parameters.ground.lethality.red", v.Path);
        Assert.Equal(["0.01", "0.02", "0.03"], v.Values);
        Assert.False(v.IsRange);
    }

    [Fact]
    public void Parse_RangeWithSteps_GivesEvenLevels()
    {
        var v = VariedInput.Parse("units.red-bn.personnel=300..900:3", stepsRequired: true);
        Assert.Equal(["300", "600", "900"], v.Values);
        Assert.True(v.Integer);
        var f = VariedInput.Parse("p=0.01..0.03:3", stepsRequired: true);
        Assert.Equal(["0.01", "0.02", "0.03"], f.Values);
    }

    [Theory]
    [InlineData("novalue", "expected path=a,b,c or path=lo..hi:steps")]
    [InlineData("a.b=", "a.b: no values after '='")]
    [InlineData("a.b=1..x:3", "a.b: the upper bound 'x' is not a number")]
    [InlineData("a.b=5..1:3", "a.b: the range 5..1 is empty")]
    [InlineData("a.b=1..5:1", "a.b: the number of steps after ':' must be an integer of at least 2, found '1'")]
    [InlineData("a.b=1..5", "a.b: a range needs a number of steps")]
    [InlineData("a..b=1,2", "the path 'a..b' has an empty segment")]
    [InlineData("a.b=1,,2", "a.b: empty value in the list")]
    public void Parse_Errors_NameThePathAndTheExpectedForm(string text, string message)
    {
        var ex = Assert.Throws<SweepSpecException>(() => VariedInput.Parse(text, stepsRequired: true));
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SensitivityInput_RejectsLists()
    {
        var ex = Assert.Throws<SweepSpecException>(() => VariedInput.Parse("a.b=1,2", stepsRequired: false, allowList: false));
        Assert.Contains("a.b: expected a range lo..hi", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FullFactorial_EnumeratesEveryCombination_LastFastest()
    {
        var points = SweepDesign.FullFactorial([VariedInput.Parse("a=1,2", true), VariedInput.Parse("b=0..1:3", true)]);
        Assert.Equal(6, points.Count);
        Assert.Equal(["1", "0"], points[0].Values);
        Assert.Equal(["1", "0.5"], points[1].Values);
        Assert.Equal(["2", "1"], points[5].Values);
        Assert.Equal(["a=2", "b=1"], points[5].Overrides([VariedInput.Parse("a=1,2", true), VariedInput.Parse("b=0..1:3", true)]));
    }

    [Fact]
    public void FullFactorial_DuplicatePath_Throws()
    {
        var ex = Assert.Throws<SweepSpecException>(() => SweepDesign.FullFactorial([VariedInput.Parse("a=1,2", true), VariedInput.Parse("a=3", true)]));
        Assert.Contains("a: varied more than once", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LatinHypercube_OnePointPerStratum_AndSeeded()
    {
        const int N = 40;
        var unit = SweepDesign.LatinHypercubeUnit(3, N, seed: 9);
        for (int i = 0; i < 3; i++)
        {
            var strata = unit.Select(p => (int)(p[i] * N)).OrderBy(s => s).ToArray();
            Assert.Equal(Enumerable.Range(0, N), strata);
        }
        Assert.Equal(unit[7], SweepDesign.LatinHypercubeUnit(3, N, seed: 9)[7]);
        Assert.NotEqual(unit[7], SweepDesign.LatinHypercubeUnit(3, N, seed: 10)[7]);

        var points = SweepDesign.LatinHypercube([VariedInput.Parse("units.x.personnel=0..6000", false)], 10, seed: 1);
        Assert.All(points, p => Assert.True(int.TryParse(p.Values[0], out int v) && v is >= 0 and <= 6000));
    }
}
