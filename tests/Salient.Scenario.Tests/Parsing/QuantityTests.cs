using Salient.Scenario.Model;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>The quantity forms: plain numbers, {value}, {dist} (SAL113) and {schedule} (SAL118, SAL119).</summary>
public class QuantityTests
{
    private const string RedBn = "personnel: { value: 600, source: assumption }";
    private const string BlueLethality = "      blue: { value: 0.02, source: assumption }";

    private static string WithRedBn(string quantity) => LineOfTowns.Edit(RedBn, "personnel: " + quantity);

    private static string WithBlueLethality(string quantity) => LineOfTowns.Edit(BlueLethality, "      blue: " + quantity);

    [Fact]
    public void AllForms_LoadIntoTheModel()
    {
        var text = WithRedBn("{ dist: uniform, min: 500, max: 700, source: assumption, note: a range }")
            .Edit(BlueLethality, "      blue: { dist: beta, alpha: 2, beta: 5, min: 0, max: 0.1, source: assumption, calibrate: true }")
            .Edit("      red: { value: 0.03, source: assumption }", """
                      red:
                        source: assumption
                        interpolate: linear
                        schedule:
                          - { date: 2024-01-01, value: 0.03 }
                          - { date: 2024-02-01, value: { dist: triangular, min: 0.01, mode: 0.02, max: 0.04 } }
                """.TrimEnd('\n'));
        var result = Load(text);
        AssertLoads(result);
        var model = result.Scenario!;

        var personnel = model.Units.Single(u => u.Id == "red-bn").Personnel;
        Assert.Equal(new Distribution(DistributionKind.Uniform, 500, 700, 0, 500, 700), personnel.Distribution);
        Assert.Equal(600, personnel.Value);
        Assert.Equal("a range", personnel.Note);

        var blue = model.Parameters["ground.lethality.blue"];
        Assert.Equal(new Distribution(DistributionKind.Beta, 2, 5, 0, 0, 0.1), blue.Distribution);
        Assert.True(blue.Calibrate);

        var red = model.Parameters["ground.lethality.red"];
        Assert.True(red.IsScheduled);
        Assert.True(red.IsUncertain);
        Assert.Equal(Interpolation.Linear, red.Interpolation);
        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1)], red.Schedule.Select(p => p.Date));
        Assert.Equal("assumption", red.Source);
    }

    [Fact]
    public void Parameters_MayBeWrittenWithDottedKeys()
    {
        var text = LineOfTowns.Edit("parameters:\n", "parameters:\n  movement.km_per_day: { value: 30, source: assumption }\n  logistics:\n    consumption_per_day.attack: { value: 0.4, source: assumption }\n");
        var result = Load(text);
        AssertLoads(result);
        Assert.Equal(30, result.Scenario!.Parameters["movement.km_per_day"].Value);
        Assert.Equal(0.4, result.Scenario.Parameters["logistics.consumption_per_day.attack"].Value);
        Assert.Equal(0.1, result.Scenario.Parameters["logistics.consumption_per_day.defend"].Value);
    }

    [Fact]
    public void MinAboveMax_IsABadDistribution()
    {
        var text = WithRedBn("{ dist: uniform, min: 700, max: 600, source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: uniform", "{"));
        Assert.Equal(["uniform", "needs min < max"], d.Arguments);
    }

    [Fact]
    public void TriangularModeOutsideMinMax_IsABadDistribution()
    {
        var text = LineOfTowns.Edit("min: 2500, mode: 3000, max: 3500", "min: 2500, mode: 4000, max: 3500");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "mode: 4000", "{"));
        Assert.Equal("triangular", d.Arguments[0]);
    }

    [Fact]
    public void UnknownDistributionName_IsOutOfRange_WithTheNearestName()
    {
        var text = WithRedBn("{ dist: lognormel, median: 600, sigma: 0.1, source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "dist: lognormel", "lognormel"));
        Assert.Equal("dist of 'units.red-bn.personnel'", d.Arguments[0]);
        Assert.Equal(["lognormel", "lognormal"], Hinted(d.Arguments[2]));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    public void LognormalSigmaNotPositive_IsABadDistribution(string sigma)
    {
        var text = WithRedBn($"{{ dist: lognormal, median: 600, sigma: {sigma}, source: assumption }}");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: lognormal", "{"));
        Assert.Equal(["lognormal", "needs sigma > 0"], d.Arguments);
    }

    [Fact]
    public void Lognormal_IsTruncatedAtTheQuantitysMaximum_OrAtItsOwnMax()
    {
        var byDefault = Load(WithRedBn("{ dist: lognormal, median: 600, sigma: 0.2, source: assumption }"));
        AssertLoads(byDefault);
        Assert.Equal(1e7, byDefault.Scenario!.Units.Single(u => u.Id == "red-bn").Personnel.Distribution!.Max);

        var withMax = Load(WithRedBn("{ dist: lognormal, median: 600, sigma: 0.2, max: 900, source: assumption }"));
        AssertLoads(withMax);
        Assert.Equal(900, withMax.Scenario!.Units.Single(u => u.Id == "red-bn").Personnel.Distribution!.Max);
    }

    [Fact]
    public void LognormalWithMaxBelowTheMedian_IsABadDistribution()
    {
        var text = WithRedBn("{ dist: lognormal, median: 600, sigma: 0.2, max: 500, source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: lognormal", "{"));
        Assert.Equal("lognormal", d.Arguments[0]);
    }

    [Fact]
    public void Lognormal_IsTruncatedBelowAtTheQuantitysMinimum()
    {
        // experience must be in [0.1, 10]: the lognormal is truncated to that range unless min/max say otherwise.
        var text = LineOfTowns.Edit("experience: { value: 1.0, source: assumption }", "experience: { dist: lognormal, median: 1, sigma: 0.1, source: assumption }");
        var result = Load(text);
        AssertLoads(result);
        var d = result.Scenario!.Units.Single(u => u.Id == "blue-bde").Experience.Distribution!;
        Assert.Equal((0.1, 10.0), (d.Min, d.Max));
    }

    [Fact]
    public void SupportOutsideTheAllowedRange_IsABadDistribution()
    {
        // An untruncated normal can draw any value; a lethality must stay in [0, 10].
        var text = WithBlueLethality("{ dist: normal, mean: 0.02, sd: 0.01, source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: normal", "{"));
        Assert.Equal("normal", d.Arguments[0]);
        Assert.Contains("'parameters.ground.lethality.blue'", d.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedNormalInsideTheRange_Loads()
    {
        var text = WithBlueLethality("{ dist: normal, mean: 0.02, sd: 0.01, min: 0, max: 0.1, source: assumption }");
        var model = Load(text).Scenario;
        Assert.NotNull(model);
        Assert.Equal(new Distribution(DistributionKind.Normal, 0.02, 0.01, 0, 0, 0.1), model.Parameters["ground.lethality.blue"].Distribution);
    }

    [Fact]
    public void BetaOutsideAProbabilityRange_IsABadDistribution()
    {
        var text = LineOfTowns.Edit("      red: { value: 0.03, source: assumption }\n",
            "      red: { value: 0.03, source: assumption }\n    killed_fraction:\n      red: { dist: beta, alpha: 2, beta: 5, min: 0, max: 2, source: assumption }\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: beta", "{"));
        Assert.Equal("beta", d.Arguments[0]);
    }

    [Fact]
    public void ParameterOfAnotherDistribution_IsABadDistribution_AtThatKey()
    {
        var text = WithRedBn("{ dist: uniform, min: 500, max: 700, sigma: 2, source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: uniform", "sigma"));
        Assert.Equal("uniform", d.Arguments[0]);
    }

    [Fact]
    public void MissingDistributionParameter_IsAMissingKey()
    {
        var text = WithRedBn("{ dist: triangular, min: 500, max: 700, source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL102", PositionOf(text, "dist: triangular, min: 500", "{"));
        Assert.Equal(["mode", "triangular distribution of 'units.red-bn.personnel'"], d.Arguments);
    }

    [Theory]
    [InlineData("{ source: assumption }", "none")]
    [InlineData("{ value: 600, dist: uniform, min: 1, max: 2 }", "several")]
    public void QuantityMappingNeedsExactlyOneForm(string quantity, string found)
    {
        var text = WithRedBn(quantity);
        var d = SingleError(Load(text));
        AssertAt(d, "SAL103", PositionOf(text, "personnel: " + quantity, "{"));
        Assert.Equal(found, d.Arguments[1]);
    }

    [Fact]
    public void ScheduleOutsideParameters_IsSal118_AtTheScheduleKey()
    {
        var text = WithRedBn("{ schedule: [ { date: 2024-01-01, value: 600 } ], source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL118", PositionOf(text, "personnel: { schedule", "schedule"));
        Assert.Empty(d.Arguments);
    }

    [Fact]
    public void ScheduleDatesOutOfOrder_AreSal119_AtTheLaterPoint()
    {
        var text = WithBlueLethality("{ schedule: [ { date: 2024-01-10, value: 0.1 }, { date: 2024-01-05, value: 0.2 } ], source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL119", PositionOf(text, "schedule: [", "2024-01-05"));
        Assert.Equal(["2024-01-05", "2024-01-10"], d.Arguments);
    }

    [Fact]
    public void RepeatedScheduleDate_IsSal119()
    {
        var text = WithBlueLethality("{ schedule: [ { date: 2024-01-10, value: 0.1 }, { date: 2024-01-10, value: 0.2 } ], source: assumption }");
        var d = SingleError(Load(text));
        Assert.Equal("SAL119", d.Code);
        Assert.Equal(["2024-01-10", "2024-01-10"], d.Arguments);
    }

    [Fact]
    public void EmptySchedule_IsWrongType()
    {
        var text = WithBlueLethality("{ schedule: [], source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL103", PositionOf(text, "schedule: []", "["));
    }

    [Fact]
    public void SchedulePointOutOfRange_NamesThePointByDate()
    {
        var text = WithBlueLethality("{ schedule: [ { date: 2024-01-10, value: 11 } ], source: assumption }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL104", PositionOf(text, "schedule: [", "11"));
        Assert.Equal("parameters.ground.lethality.blue@2024-01-10", d.Arguments[0]);
    }

    [Fact]
    public void FixedTerrainDefensibility_RejectsADistribution()
    {
        var text = LineOfTowns.Edit("defensibility: { open: 1.0, town: 1.5 }", "defensibility: { open: 1.0, town: { dist: uniform, min: 1, max: 2 } }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL103", PositionOf(text, "town: { dist", "{ dist"));
    }
}
