using FsCheck;
using FsCheck.Xunit;
using Salient.Experiments.Claims;
using Xunit;

namespace Salient.Experiments.Tests.Claims;

public sealed class ClaimTests
{
    private const int Days = 10;

    /// <summary>One series of 10 days: 0, 10, ..., 90, then a peak at day 4 of 500.</summary>
    private static float[] Daily()
    {
        var d = new float[Days];
        for (int i = 0; i < Days; i++) d[i] = i * 10;
        d[4] = 500;
        return d;
    }

    [Fact]
    public void SeriesObservable_IsTheLargestValueInTheWindow()
    {
        var day7 = new Claim("a", "s", ClaimKind.Series, 0, 7, 7, 70, 70, 1);
        var window = new Claim("b", "s", ClaimKind.Series, 0, 2, 6, 400, 400, 1);
        Assert.Equal(70, day7.Observe([], Daily(), Days));
        Assert.Equal(500, window.Observe([], Daily(), Days));
    }

    [Fact]
    public void Discrepancy_IsZeroInside_AndScaledOutside()
    {
        var range = new Claim("a", "s", ClaimKind.Series, 0, 0, 0, 100, 200, 1);
        Assert.Equal(0, range.Discrepancy(150, Days));
        Assert.Equal(1, range.Discrepancy(250, Days), 12); // 50 over a scale of 0.25 x 200
        var zero = new Claim("z", "s", ClaimKind.Series, 0, 0, 0, 0, 0, 1);
        Assert.Equal(2, zero.Discrepancy(50, Days), 12); // the scale never falls below 25
        var ev = new Claim("e", "capture", ClaimKind.Event, 0, 0, 0, 3, 3, 1);
        Assert.Equal(1, ev.Discrepancy(33, Days), 12);
        Assert.Equal((Days - 3) / 30.0, ev.Discrepancy(double.NaN, Days), 12); // never = the day after the end
    }

    [Property]
    public bool Contribution_IsBoundedByTheCredence(PositiveInt a, NormalFloat e)
    {
        double p = Math.Min(a.Get, 999) / 1000.0;
        double rho = ClaimDistance.Contribution(p, e.Get);
        return rho >= -1e-12 && rho <= -2 * Math.Log(1 - p) + 1e-12;
    }

    [Fact]
    public void Contribution_OfAReliableClaim_IsTheSquaredDiscrepancy()
    {
        Assert.Equal(9, ClaimDistance.Contribution(1, 3), 12);
        Assert.Equal(0, ClaimDistance.Contribution(0.3, 0), 12);
        Assert.True(ClaimDistance.Contribution(0.9, 2) > ClaimDistance.Contribution(0.2, 2));
        Assert.Equal(-2 * Math.Log(0.7), ClaimDistance.Contribution(0.3, 1e6), 12);
    }

    [Fact]
    public void Evaluate_GivesMidRankPercentiles_AndCountsNeverAsLate()
    {
        var claim = new Claim("a", "s", ClaimKind.Series, 0, 0, 0, 5, 5, 1);
        var outcome = ClaimEvaluation.Evaluate(claim, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
        Assert.Equal(45, outcome.Percentile, 12); // 4 below, 1 tie
        Assert.Equal(5.5, outcome.P50, 12);
        Assert.True(outcome.WithinNinety);

        var ev = new Claim("e", "capture", ClaimKind.Event, 0, 0, 0, 8, 8, 1);
        var late = ClaimEvaluation.Evaluate(ev, [2, 3, double.NaN, double.NaN]);
        Assert.Equal(50, late.Percentile, 12);
        Assert.Equal(0.5, late.Happened, 12);
        Assert.True(double.IsPositiveInfinity(late.P95));
    }
}
