using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>Named variants (SAL120) and <c>--set path=value</c> overrides (SAL114), applied before binding.</summary>
public class VariantAndOverrideTests
{
    private static double RedBnPersonnel(LoadResult result) => result.Scenario!.Units.Single(u => u.Id == "red-bn").Personnel.Value;

    [Fact]
    public void Variant_ChangesTheValue_AndIsRecorded()
    {
        var result = Load(LineOfTowns, new LoadOptions("strong-red"));
        AssertLoads(result);
        Assert.Equal(1200, RedBnPersonnel(result));
        Assert.Equal("strong-red", result.Scenario!.Variant);
        Assert.Equal("strong-red", Assert.Single(result.Scenario.VariantNames));
    }

    [Fact]
    public void UnknownVariant_IsSal120_WithTheNearestVariant()
    {
        var d = SingleError(Load(LineOfTowns, new LoadOptions("strong-redd")));
        AssertAt(d, "SAL120", "test.yaml", 0, 0);
        Assert.Equal("strong-redd", d.Arguments[0]);
        Assert.Equal("strong-red", Hinted(d.Arguments[1])[0]);
    }

    [Fact]
    public void VariantOfAScenarioWithoutVariants_IsSal120()
    {
        var text = LineOfTowns[..LineOfTowns.IndexOf("variants:", StringComparison.Ordinal)];
        var d = SingleError(Load(text, new LoadOptions("anything")));
        Assert.Equal("SAL120", d.Code);
        Assert.Equal("anything", d.Arguments[0]);
    }

    [Fact]
    public void VariantWithABadValue_IsReportedAtTheValueInTheVariant()
    {
        var text = LineOfTowns.Edit("units.red-bn.personnel: 1200", "units.red-bn.personnel: -1200");
        AssertLoads(Load(text));
        var d = SingleError(Load(text, new LoadOptions("strong-red")));
        AssertAt(d, "SAL104", PositionOf(text, "units.red-bn.personnel: -1200", "-1200"));
    }

    [Fact]
    public void DuplicateVariantId_IsSal106()
    {
        var text = LineOfTowns + "  - id: strong-red\n    set: { units.red-bn.personnel: 900 }\n";
        var d = SingleError(Load(text));
        AssertAt(d, "SAL106", (text.Split('\n').Length - 2, 9));
        Assert.Equal(["variant", "strong-red"], d.Arguments.Take(2));
    }

    [Fact]
    public void Override_ChangesTheValue()
    {
        var result = LoadWith(LineOfTowns, "units.red-bn.personnel=700", "parameters.ground.lethality.red=0.05");
        AssertLoads(result);
        Assert.Equal(700, RedBnPersonnel(result));
        Assert.Equal(0.05, result.Scenario!.Parameters["ground.lethality.red"].Value);
    }

    [Fact]
    public void Override_CanSetAParameterTheFileDoesNotMention()
    {
        var result = LoadWith(LineOfTowns, "parameters.movement.km_per_day={value: 30, source: test}");
        AssertLoads(result);
        var q = result.Scenario!.Parameters["movement.km_per_day"];
        Assert.Equal(30, q.Value);
        Assert.Equal("test", q.Source);
    }

    [Fact]
    public void Override_SelectsListItemsByIdNameSideOrIndex()
    {
        var result = LoadWith(LineOfTowns,
            "units.2.personnel=1600",                                      // index
            "theatre.nodes.mid.defensibility=2",                           // id
            "plans.red.phases.hold.posture=withdraw",                      // side, then name
            "reinforcements.0.per_day=25");
        AssertLoads(result);
        var model = result.Scenario!;
        Assert.Equal(1600, model.Units.Single(u => u.Id == "red-reserve").Personnel.Value);
        Assert.Equal(2, model.Theatre.Cells.Single(c => c.Id == "mid").Defensibility);
        Assert.Equal(Posture.Withdraw, model.Plans.Single(p => p.Name == "hold").Posture);
        Assert.Equal(25, model.Reinforcements[0].Personnel.Value);
    }

    [Fact]
    public void Override_AppliesAfterTheVariant()
    {
        var result = Load(LineOfTowns, new LoadOptions("strong-red", ["units.red-bn.personnel=1300"]));
        AssertLoads(result);
        Assert.Equal(1300, RedBnPersonnel(result));
    }

    [Fact]
    public void Override_WithAnUnknownListItem_IsSal114_WithTheNearestItems()
    {
        const string set = "units.red-bnn.personnel=3";
        var d = SingleError(LoadWith(LineOfTowns, set));
        AssertAt(d, "SAL114", "--set " + set, 0, 0);
        Assert.Equal("units.red-bnn.personnel", d.Arguments[0]);
        Assert.Equal("red-bn", Hinted(d.Arguments[1])[^1]);
    }

    [Fact]
    public void Override_ThroughASingleValue_IsSal114()
    {
        const string set = "calendar.start.day=3";
        var d = SingleError(LoadWith(LineOfTowns, set));
        AssertAt(d, "SAL114", "--set " + set, 0, 0);
        Assert.Equal("calendar.start.day", d.Arguments[0]);
    }

    [Theory]
    [InlineData("parameters.ground.lethality.red")]
    [InlineData("=3")]
    public void Override_WithoutPathAndValue_IsSal114(string set)
    {
        var d = SingleError(LoadWith(LineOfTowns, set));
        AssertAt(d, "SAL114", "--set " + set, 0, 0);
        Assert.Equal(set, d.Arguments[0]);
    }

    [Fact]
    public void Override_WithAnEmptySegment_IsSal114()
    {
        const string set = "units..personnel=3";
        var d = SingleError(LoadWith(LineOfTowns, set));
        AssertAt(d, "SAL114", "--set " + set, 0, 0);
    }

    [Fact]
    public void Override_WithAMisspeltMappingKey_IsAnUnknownKey_AtTheOverride()
    {
        // Mapping keys are created on demand, so the binder reports the misspelling, at the --set pseudo-file.
        const string set = "parameters.ground.lethalty.red=0.05";
        var d = SingleError(LoadWith(LineOfTowns, set));
        AssertAt(d, "SAL101", "--set " + set, 0, 0);
        Assert.Equal(["lethalty", "parameters.ground"], d.Arguments.Take(2));
        Assert.Contains("ground.lethality.red", Hinted(d.Arguments[2]));
    }

    [Fact]
    public void Override_WithABadValue_IsReportedAtTheSetPseudoFile()
    {
        const string set = "parameters.ground.lethality.red=abc";
        var d = SingleError(LoadWith(LineOfTowns, set));
        AssertAt(d, "SAL103", "--set " + set, 1, 1);
        Assert.Equal(["a finite number for parameters.ground.lethality.red", "'abc'"], d.Arguments);
    }

    [Fact]
    public void Override_WithAnOutOfRangeValue_IsReportedAtTheSetPseudoFile()
    {
        const string set = "units.red-bn.personnel=-3";
        var d = SingleError(LoadWith(LineOfTowns, set));
        AssertAt(d, "SAL104", "--set " + set, 1, 1);
        Assert.Equal(["units.red-bn.personnel", "in [0, 10000000]", "-3"], d.Arguments);
    }

    [Fact]
    public void Override_WithInvalidYaml_IsSal114_AtTheValue()
    {
        const string set = "units.red-bn.personnel=[";
        var d = SingleError(LoadWith(LineOfTowns, set));
        Assert.Equal("SAL114", d.Code);
        Assert.Equal("--set " + set, d.Span.File);
        Assert.True(d.Span.Column > set.IndexOf('=', StringComparison.Ordinal), d.ToString());
        Assert.Equal(set, d.Arguments[0]);
    }

    [Fact]
    public void Override_WithAFlowMappingValue_SetsADistribution()
    {
        var result = LoadWith(LineOfTowns, "units.red-bn.personnel={dist: uniform, min: 500, max: 700, source: test}");
        AssertLoads(result);
        Assert.Equal(DistributionKind.Uniform, result.Scenario!.Units.Single(u => u.Id == "red-bn").Personnel.Distribution!.Kind);
    }

    [Fact]
    public void SeveralBadOverrides_AreAllReported()
    {
        var result = LoadWith(LineOfTowns, "units.nobody.personnel=1", "foo", "plans.green.phases.0.posture=attack");
        Assert.Equal(3, result.Errors.Count());
        Assert.All(result.Errors, d => Assert.Equal("SAL114", d.Code));
    }
}
