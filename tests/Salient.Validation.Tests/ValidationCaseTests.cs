using Salient.Experiments.Validation;
using Xunit;

namespace Salient.Validation.Tests;

/// <summary>
/// Each validation case's checks: the engine's estimate within the tolerance of the closed form. The tolerances are
/// derived from the replication counts in the cases (5 standard errors, plus the tick's exact discretisation error
/// where the closed form is continuous-time; the total-variation bound by McDiarmid's inequality): see each case's
/// remarks in src/Salient.Experiments/Validation and docs/validation.md. Seeds are fixed, so the tests are deterministic.
/// </summary>
[Collection(ValidationCollection.Name)]
public sealed class ValidationCaseTests(ValidationFixture fixture)
{
    [Theory]
    [InlineData("lanchester-square", 36)]
    [InlineData("lanchester-linear", 36)]
    [InlineData("markov-duel", 5)]
    [InlineData("air-defence-saturation", 8)]
    [InlineData("ew-jamming", 2)]
    [InlineData("hughes-salvo", 4)]
    public void Case_EveryCheckWithinTolerance(string id, int checks)
    {
        var result = fixture.Report[id];
        Assert.Equal(checks, result.Checks.Count);
        var failed = result.Checks.Where(c => !c.Passed).Select(c => $"{c.Quantity}: expected {c.Expected}, measured {c.Measured}, |diff| {Math.Abs(c.Measured - c.Expected)} > tolerance {c.Tolerance}").ToList();
        Assert.True(failed.Count == 0, $"{id}: {failed.Count} check(s) outside tolerance:\n{string.Join('\n', failed)}");
        Assert.All(result.Checks, c => Assert.True(c.Tolerance > 0 && double.IsFinite(c.Measured), c.ToString()));
    }

    [Fact]
    public void Suite_RunsEveryCaseInOrder()
    {
        Assert.Equal(ValidationSuite.Cases.Select(c => c.Id), fixture.Report.Cases.Select(c => c.Id));
        Assert.True(fixture.Report.Passed);
    }

    [Fact]
    public void LanchesterSquare_TolerancesAreTight_AndTheForcesActuallyAttrit()
    {
        // The check must have teeth: red loses most of its strength, and the tolerance is a small part of that.
        var red = fixture.Report["lanchester-square"].Checks.Where(c => c.Quantity.StartsWith("mean personnel.red", StringComparison.Ordinal)).ToList();
        Assert.True(red[^1].Expected < 400, $"red ends at {red[^1].Expected}");
        Assert.All(red, c => Assert.True(c.Tolerance < 5, c.ToString()));
    }

    [Fact]
    public void LanchesterLinear_TolerancesAreTight_AndTheForcesActuallyAttrit()
    {
        var red = fixture.Report["lanchester-linear"].Checks.Where(c => c.Quantity.StartsWith("mean personnel.red", StringComparison.Ordinal)).ToList();
        Assert.True(red[^1].Expected < 400, $"red ends at {red[^1].Expected}");
        Assert.All(red, c => Assert.True(c.Tolerance < 5, c.ToString()));
    }

    [Fact]
    public void LanchesterLinear_CovarianceDriftIsASmallPartOfTheTolerance()
    {
        // The linear-noise estimate of the covariance drift enters the tolerance; it must stay a small part of the
        // sampling term, so an error in that approximation could not decide a check.
        const double a = 0.06 * 1.25 / 1.5 / (10 * 50), b = 0.03 * 0.8 * 1.5 / (10 * 50);
        var steps = LanchesterLinearCase.Propagate(1000, 1000, a, b, 1.0 / 24, 18, 24);
        foreach (var e in steps)
        {
            Assert.True(Math.Abs(e.B - e.EulerB) < 0.1 * 5 * Math.Sqrt(e.VarB / LanchesterLinearCase.Replications), e.ToString());
            Assert.True(Math.Abs(e.R - e.EulerR) < 0.1 * 5 * Math.Sqrt(e.VarR / LanchesterLinearCase.Replications), e.ToString());
        }
    }

    [Fact]
    public void Hughes_SaturatedSalvoMatchesTheDeterministicEquation()
    {
        // Far above the defence's capacity the Poisson salvo's expectation is Hughes' deterministic value.
        var first = fixture.Report["hughes-salvo"].Checks[0];
        Assert.Contains("(Hughes 10)", first.Quantity, StringComparison.Ordinal);
        Assert.Equal(10, first.Expected, 0.05);
    }

    [Fact]
    public void AirDefence_SaturatedBatteryLeaksMore()
    {
        var leakers = fixture.Report["air-defence-saturation"].Checks.Where(c => c.Quantity.StartsWith("leakers", StringComparison.Ordinal)).ToList();
        Assert.True(leakers[0].Expected > leakers[2].Expected + 1, "C = 2 should leak far more than C = 8");
    }
}
