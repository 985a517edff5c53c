using Salient.Analysis.Calibration;
using Salient.Experiments.Claims;
using Xunit;

namespace Salient.Analysis.Tests;

/// <summary>
/// A lever that cannot reach a claim implies nothing about it. Kursk's check once turned a claim of 15 HIMARS launchers
/// lost (to strikes, which ground lethality does not drive) into "implied ground.lethality.red &gt; 0.303": the median
/// was 0 at every multiplier from 1/4 to 16, so the claim lay "beyond the grid" only because the lever did nothing.
/// </summary>
public sealed class ImpliedParameterApplicabilityTests
{
    private static readonly Claim Launchers = new("himars", "losses.himars.blue", ClaimKind.Final, 0, 0, 0, 15, 15, 0.03);

    [Fact]
    public void Solve_FlatMedians_IsNotApplicable()
    {
        // Given a median of 0 launchers at every multiplier
        var v = ImpliedParameter.Solve(Launchers, "parameters.ground.lethality.red", 0.019, [0, 0, 0, 0, 0, 0, 0]);
        // Then the claim implies no value of the parameter, and is not said to lie beyond the grid
        Assert.False(v.Applicable);
        Assert.Null(v.Multiplier);
        Assert.Null(v.Value);
        Assert.Equal(0, v.Bound);
        Assert.Equal(0, v.Reached);
    }

    [Fact]
    public void Solve_MediansWithinTheTolerance_AreFlat_AndAMovingMedianIsApplicable()
    {
        // Half a unit of noise over a 64-fold change of the lever is no effect (the tolerance is max(0.5, 1% of the largest median))
        Assert.False(ImpliedParameter.Solve(Launchers, "p", 1, [2, 2, 2.5, 2, 2, 2, 2]).Applicable);
        Assert.Equal(0.5, ImpliedParameter.FlatTolerance([0, 0, 1]));
        Assert.Equal(10, ImpliedParameter.FlatTolerance([100, 500, 1000]));
        // A median that moves but stays below the claim: applicable, beyond the grid's top
        var beyond = ImpliedParameter.Solve(Launchers, "p", 1, [1, 2, 3, 4, 5, 6, 7]);
        Assert.True(beyond.Applicable);
        Assert.Equal(+1, beyond.Bound);
        // A median that crosses the claim: applicable, with the multiplier between the bracketing factors (15 between 2 at 0.5 and 20 at 1)
        var reached = ImpliedParameter.Solve(Launchers, "p", 1, [1, 2, 20, 40, 80, 160, 320]);
        Assert.True(reached.Applicable);
        Assert.InRange(reached.Multiplier!.Value, 0.5, 1);
    }
}
