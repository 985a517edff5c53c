using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Systems;

/// <summary>The closed forms of EW coordination and fatigue: known answers and monotonicity (exact arithmetic, tolerance 1e-12).</summary>
public class CoordinationModelTests
{
    private const double Tol = 1e-12;

    [Theory]
    [InlineData(10, 0, 5, 0.5)]   // circle centred on the far end, radius half the path
    [InlineData(5, 0, 1, 0.2)]    // circle in the middle, chord 2 of 10
    [InlineData(5, 5, 5, 0.0)]    // tangent: touches, covers nothing
    [InlineData(5, 3, 5, 0.8)]    // chord 2 sqrt(25 - 9) = 8 of 10
    [InlineData(-20, 0, 5, 0.0)]  // behind the launcher, out of reach
    [InlineData(5, 0, 50, 1.0)]   // covers the whole path
    public void PathFractionInside_SegmentOfLength10_MatchesTheChord(double cx, double cy, double r, double expected) =>
        Assert.Equal(expected, CoordinationModel.PathFractionInside(0, 0, 10, 0, cx, cy, r), Tol);

    [Fact]
    public void PathFractionInside_ZeroLengthPath_IsInsideOrOutside()
    {
        Assert.Equal(1, CoordinationModel.PathFractionInside(1, 1, 1, 1, 0, 0, 2));
        Assert.Equal(0, CoordinationModel.PathFractionInside(1, 1, 1, 1, 0, 0, 1));
    }

    [Fact]
    public void GnssHitProbability_OneFullJammerOverHalfThePath_IsTheBriefsFormula()
    {
        // One jammer with a e = 1 covering a share phi of the path jams it with J_path = 1 - 0^phi = 1 for phi > 0;
        // with a e = 0.5, J_path = 1 - 0.5^phi. p = p_hit (1 - g J) for w = 1.
        double jPath = 1 - Math.Pow(0.5, 0.5);
        Assert.Equal(0.6 * (1 - 0.8 * jPath), CoordinationModel.GnssHitProbability(0.6, 0.8, 0.5, jPath, 1), Tol);
        Assert.Equal(0.6 * (1 - 0.8 * 0.5), CoordinationModel.GnssHitProbability(0.6, 0.8, 0.5, jPath, 0), Tol);
    }

    [Theory]
    [InlineData(2, 1, 0, 0, 0.5, 2)]
    [InlineData(2, 1, 1, 0, 0.5, 4)]        // fully jammed, no satcom: doubled
    [InlineData(2, 3, 0.5, 0, 0.5, 5)]      // 2 (1 + 3 x 0.5)
    [InlineData(2, 1, 1, 1, 0.5, 1)]        // full satcom: jamming does not matter, half the latency
    [InlineData(2, 1, 0.8, 0.5, 0.5, 2.1)]  // 2 (1 + 0.4) 0.75
    public void LatencyHours_KnownAnswers(double l, double kappa, double jam, double s, double r, double expected) =>
        Assert.Equal(expected, CoordinationModel.LatencyHours(l, kappa, jam, s, r), Tol);

    [Theory]
    [InlineData(0, 100, 1000, 0)]
    [InlineData(5, 100, 1000, 0.5)]
    [InlineData(20, 100, 1000, 1)]
    [InlineData(1, 100, 0, 1)]
    public void SatcomShare_TerminalsOverNeeds(double terminals, double perTerminal, double personnel, double expected) =>
        Assert.Equal(expected, CoordinationModel.SatcomShare(terminals, perTerminal, personnel), Tol);

    /// <summary>Every value of [0, 1] in steps of 0.1: a grid, so the monotonicity checks are exhaustive over it.</summary>
    private static readonly double[] Grid = [.. Enumerable.Range(0, 11).Select(i => i / 10.0)];

    [Fact]
    public void MoreEw_NeverShortensLatency_NorHelpsMassingOrReaction()
    {
        foreach (double s in Grid)
            foreach (double kappa in Grid)
                for (int i = 0; i + 1 < Grid.Length; i++)
                {
                    double lo = Grid[i], hi = Grid[i + 1];
                    Assert.True(CoordinationModel.LatencyHours(2, 3 * kappa, hi, s, 0.5) >= CoordinationModel.LatencyHours(2, 3 * kappa, lo, s, 0.5));
                    Assert.True(CoordinationModel.MassingFactor(kappa, hi, s) <= CoordinationModel.MassingFactor(kappa, lo, s));
                    Assert.True(CoordinationModel.ReactionDelayHours(24 * kappa, hi, s) >= CoordinationModel.ReactionDelayHours(24 * kappa, lo, s));
                }
    }

    [Fact]
    public void MoreSatcom_NeverLengthensLatency_NorHurtsMassingOrReaction()
    {
        foreach (double jam in Grid)
            foreach (double r in Grid)
                foreach (double kappa in Grid)
                    for (int i = 0; i + 1 < Grid.Length; i++)
                    {
                        double lo = Grid[i], hi = Grid[i + 1];
                        Assert.True(CoordinationModel.LatencyHours(2, 3 * kappa, jam, hi, r) <= CoordinationModel.LatencyHours(2, 3 * kappa, jam, lo, r));
                        Assert.True(CoordinationModel.MassingFactor(kappa, jam, hi) >= CoordinationModel.MassingFactor(kappa, jam, lo));
                        Assert.True(CoordinationModel.ReactionDelayHours(24 * kappa, jam, hi) <= CoordinationModel.ReactionDelayHours(24 * kappa, jam, lo));
                    }
    }

    [Theory]
    [InlineData(0.2, 5, 3, 1, 0.2)]        // 5 engaged days, 3 rest days at rho 1: d = 2, f = exp(-0.4)
    [InlineData(0.1, 10, 2, 2, 0.1)]       // d = 10 - 4 = 6, f = exp(-0.6)
    [InlineData(0.5, 10, 0, 1, 0.3)]       // exp(-5) < 0.3: floored
    [InlineData(0.3, 2, 10, 1, 0.1)]       // fully rested: f = 1
    public void Fatigue_AfterEngagedThenRestingDays_IsTheClosedForm(double lambda, int engaged, int rest, double rho, double floor)
    {
        const double dt = 0.25;
        double d = 0;
        for (int i = 0; i < engaged / dt; i++) d = FatigueModel.Step(d, true, dt, rho);
        for (int i = 0; i < rest / dt; i++) d = FatigueModel.Step(d, false, dt, rho);
        double expectedD = Math.Max(0, engaged - rho * rest);
        Assert.Equal(expectedD, d, 1e-9);
        Assert.Equal(Math.Max(floor, Math.Exp(-lambda * expectedD)), FatigueModel.Multiplier(lambda, d, floor), 1e-9);
    }

    [Fact]
    public void Fatigue_Off_IsExactlyOne()
    {
        Assert.Equal(1.0, FatigueModel.Multiplier(0, 30, 0.5));
        Assert.Equal(1.0, FatigueModel.Multiplier(0.2, 0, 0.5));
    }
}
