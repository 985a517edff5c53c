using Salient.Scenario.Model;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary><c>dist: particles</c> (a fitted posterior, docs/model.md 3.2): values and weights, and each way to get it wrong (SAL113).</summary>
public class ParticlesTests
{
    private const string BlueLethality = "      blue: { value: 0.02, source: assumption }";

    private static string WithBlueLethality(string quantity) => LineOfTowns.Edit(BlueLethality, "      blue: " + quantity);

    [Fact]
    public void Particles_Load_WithTheirValuesWeightsAndWeightedMean()
    {
        var model = Load(WithBlueLethality("{ dist: particles, values: [0.01, 0.03, 0.05], weights: [0.5, 0.25, 0.25], calibrate: true, source: posterior }")).Scenario;
        Assert.NotNull(model);
        var d = model.Parameters["ground.lethality.blue"].Distribution!;
        Assert.Equal(DistributionKind.Particles, d.Kind);
        Assert.Equal(new[] { 0.01, 0.03, 0.05 }, d.Values.ToArray());
        Assert.Equal(new[] { 0.5, 0.25, 0.25 }, d.Weights.ToArray());
        Assert.Equal((0.01, 0.05), (d.Min, d.Max));
        Assert.Equal(0.5 * 0.01 + 0.25 * 0.03 + 0.25 * 0.05, d.Mean, 15);
        Assert.Equal(d.Mean, model.Parameters["ground.lethality.blue"].Value);
    }

    [Fact]
    public void Scaling_ScalesEveryValue_AndKeepsTheWeights()
    {
        var d = Distribution.FromParticles([1.0, 2.0], [1.0, 3.0]).Scaled(2);
        Assert.Equal(new[] { 2.0, 4.0 }, d.Values.ToArray());
        Assert.Equal(new[] { 1.0, 3.0 }, d.Weights.ToArray());
        Assert.Equal((2.0, 4.0), (d.Min, d.Max));
    }

    [Theory]
    [InlineData("{ dist: particles, values: [0.01, 0.02], weights: [1], source: s }", "as many weights as values (1 weights, 2 values)")]
    [InlineData("{ dist: particles, values: [0.01, 0.02], weights: [1, -1], source: s }", "every weight finite and >= 0")]
    [InlineData("{ dist: particles, values: [0.01, 0.02], weights: [0, 0], source: s }", "weights with a positive sum")]
    [InlineData("{ dist: particles, values: [], weights: [], source: s }", "at least one value")]
    public void MalformedParticles_AreABadDistribution_AtTheMapping(string quantity, string problem)
    {
        var text = WithBlueLethality(quantity);
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: particles", "{"));
        Assert.Equal("particles", d.Arguments[0]);
        Assert.Contains(problem, d.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AValueOutsideTheAllowedRange_IsABadDistribution()
    {
        var text = WithBlueLethality("{ dist: particles, values: [0.01, 11], weights: [1, 1], source: s }"); // lethality is at most 10
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: particles", "{"));
        Assert.Contains("leaves the allowed range", d.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AParametricKeyOnParticles_IsABadDistribution_AtThatKey()
    {
        var text = WithBlueLethality("{ dist: particles, values: [0.01], weights: [1], mean: 0.01, source: s }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: particles", "mean"));
    }

    [Fact]
    public void ValuesOnAParametricFamily_AreABadDistribution_AtThatKey()
    {
        var text = WithBlueLethality("{ dist: uniform, min: 0.01, max: 0.03, values: [0.01], source: s }");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL113", PositionOf(text, "dist: uniform", "values"));
        Assert.Contains("belongs to dist: particles", d.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AValueThatIsNotANumber_IsReportedAtIt()
    {
        var text = WithBlueLethality("{ dist: particles, values: [0.01, lots], weights: [1, 1], source: s }");
        var d = SingleError(Load(text));
        Assert.Equal(PositionOf(text, "dist: particles", "lots"), (d.Span.Line, d.Span.Column));
    }
}
