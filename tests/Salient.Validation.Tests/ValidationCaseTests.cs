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
    [InlineData("markov-duel", 5)]
    [InlineData("air-defence-saturation", 8)]
    [InlineData("ew-jamming", 2)]
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
    public void AirDefence_SaturatedBatteryLeaksMore()
    {
        var leakers = fixture.Report["air-defence-saturation"].Checks.Where(c => c.Quantity.StartsWith("leakers", StringComparison.Ordinal)).ToList();
        Assert.True(leakers[0].Expected > leakers[2].Expected + 1, "C = 2 should leak far more than C = 8");
    }
}
