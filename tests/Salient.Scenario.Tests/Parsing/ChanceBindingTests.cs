using Salient.Scenario.Model;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>The <c>chance:</c> block (docs/model.md 3.4): which sources of chance are held common, and a positioned
/// error for each kind of bad input.</summary>
public class ChanceBindingTests
{
    private static string With(string block) => LineOfTowns + "\n" + block.ReplaceLineEndings("\n") + "\n";

    [Fact]
    public void NoBlock_NothingHeld()
    {
        var r = Load(LineOfTowns);
        AssertLoads(r);
        Assert.Equal(ChanceSource.None, r.Scenario!.CommonChance);
    }

    [Theory]
    [InlineData("chance: { common: [ground, weather] }", ChanceSource.Ground | ChanceSource.Weather)]
    [InlineData("chance: { common: [] }", ChanceSource.None)]
    [InlineData("chance: { common: [inputs, ground, fires, air_defence, supply, infiltration, deep_strike, weather, break, pursuit] }", ChanceSource.All)]
    [InlineData("chance: { vary: [ground] }", ChanceSource.All & ~ChanceSource.Ground)]
    [InlineData("chance: { vary: [] }", ChanceSource.All)]
    public void Block_Binds(string block, ChanceSource held)
    {
        var r = Load(With(block));
        AssertLoads(r);
        Assert.Equal(held, r.Scenario!.CommonChance);
    }

    [Fact]
    public void Override_SetsTheBlock()
    {
        var r = LoadWith(LineOfTowns, "chance.vary=[fires, ground]");
        AssertLoads(r);
        Assert.Equal(ChanceSource.All & ~(ChanceSource.Fires | ChanceSource.Ground), r.Scenario!.CommonChance);
    }

    [Fact]
    public void EveryNameParses_AndNamesListTheSet()
    {
        foreach (var (name, source) in ChanceSourceNames.Sources)
            Assert.Equal(source, ChanceSourceNames.ByName[name]);
        Assert.False(ChanceSourceNames.ByName.ContainsKey("Ground"));
        Assert.Equal(ChanceSource.All, ChanceSourceNames.Sources.Aggregate(ChanceSource.None, (a, x) => a | x.Source));
        Assert.Equal(["ground", "weather"], ChanceSourceNames.Names(ChanceSource.Weather | ChanceSource.Ground));
    }

    [Theory]
    [InlineData("chance: { common: [grund] }", "SAL104", "grund")]
    [InlineData("chance: { common: [ground], vary: [fires] }", "SAL104", "[fires]")]
    [InlineData("chance: { common: ground }", "SAL103", "ground")]
    [InlineData("chance: { held: [ground] }", "SAL101", "held")]
    [InlineData("chance: [ground]", "SAL103", "[")]
    public void BadInput_GetsOnePositionedError(string block, string code, string token)
    {
        var text = With(block);
        var d = SingleError(Load(text));
        AssertAt(d, code, PositionOf(text, block, token));
    }

    [Fact]
    public void UnknownName_SuggestsTheNearest()
    {
        var d = SingleError(Load(With("chance: { common: [grund] }")));
        Assert.Contains("ground", d.Message, StringComparison.Ordinal);
    }
}
