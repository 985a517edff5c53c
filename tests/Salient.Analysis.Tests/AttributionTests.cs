using Salient.Analysis.Attribution;
using Xunit;

namespace Salient.Analysis.Tests;

/// <summary>
/// The exact Shapley decomposition and the attribution study's statistics. Tolerances: the values are sums of at most
/// 512 products of doubles of order 1-100, so round-off stays below 1e-10; the identities tested are exact in real arithmetic.
/// </summary>
public sealed class AttributionTests
{
    private const int Digits = 10;

    private static double[] Game(int k, Func<int, double> value) => [.. Enumerable.Range(0, 1 << k).Select(value)];

    private static double Additive(int mask, double[] a, double constant)
    {
        double v = constant;
        for (int i = 0; i < a.Length; i++) if ((mask & (1 << i)) != 0) v += a[i];
        return v;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void AdditiveGame_ShapleyEqualsEachIndividualEffect(int k)
    {
        var a = Enumerable.Range(0, k).Select(i => (i % 3 - 1) * (i + 1.5)).ToArray();
        var v = Game(k, m => Additive(m, a, 7));
        var phi = Shapley.Values(v, k);
        for (int i = 0; i < k; i++)
        {
            Assert.Equal(a[i], phi[i], Digits);
            Assert.Equal(v[1 << i] - v[0], phi[i], Digits); // the individual effect
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void Efficiency_ValuesAddUpToAllMinusNone(int k)
    {
        // An interacting game: products and a threshold, so no player's contribution is constant.
        var v = Game(k, m => System.Numerics.BitOperations.PopCount((uint)m) is var n && n >= 2 ? n * n + (m & 5) * 0.37 : 3.1 * (m & 1));
        var phi = Shapley.Values(v, k);
        Assert.Equal(v[(1 << k) - 1] - v[0], phi.Sum(), Digits);
    }

    [Fact]
    public void Symmetry_PlayersWithTheSameContributionsGetTheSameValue_AndANullPlayerNothing()
    {
        // Players 0 and 1 are interchangeable (only how many of them are present matters); player 2 changes nothing.
        var v = Game(3, m => { int n = (m & 1) + ((m >> 1) & 1); return n * n * 10; });
        var phi = Shapley.Values(v, 3);
        Assert.Equal(phi[0], phi[1], Digits);
        Assert.Equal(20, phi[0], Digits); // (0->10 and 10->40 averaged: (10 + 30) / 2)
        Assert.Equal(0, phi[2], Digits);
    }

    [Fact]
    public void MajorityGame_GivesAThirdToEach()
    {
        var v = Game(3, m => System.Numerics.BitOperations.PopCount((uint)m) >= 2 ? 1 : 0);
        Assert.All(Shapley.Values(v, 3), p => Assert.Equal(1.0 / 3, p, Digits));
    }

    [Fact]
    public void Weights_AreTheShapleyWeights() =>
        Assert.Equal(2.0 / 24, Shapley.Weight(2, 4), Digits); // 2! 1! / 4!

    [Fact]
    public void MoreThanTenPlayers_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Shapley.Values(new double[1 << 11], 11));

    private static readonly Mechanism[] Three = [new("a", "no-a"), new("b", "no-b"), new("c", "no-c")];

    [Fact]
    public void Composition_RemovesTheAbsentMechanismsInTheOrderGiven()
    {
        Assert.Null(AttributionStudy.Composition(Three, 0b111));
        Assert.Equal("no-a+no-c", AttributionStudy.Composition(Three, 0b010));
        Assert.Equal("no-a+no-b+no-c", AttributionStudy.Composition(Three, 0));
        Assert.Equal(new[] { 7, 6, 5, 4, 3, 2, 1, 0 }, AttributionStudy.Coalitions(3));
    }

    [Fact]
    public void Attribute_PairedReplicationsWithAdditiveEffects_GivesExactValuesAndPointIntervals()
    {
        // Every replication has its own noise, shared by all runs (common random numbers); each mechanism adds a
        // constant. The paired bootstrap resamples the same replications in every run, so every draw gives the
        // exact values and the intervals collapse onto them; so do the paired removal intervals.
        var a = new[] { 5.0, -2.0, 0.5 };
        var noise = Enumerable.Range(0, 50).Select(r => Math.Sin(r * 1.7) * 100).ToArray();
        var columns = Enumerable.Range(0, 8).Select(m => noise.Select(x => x + Additive(m, a, 0)).ToArray()).ToArray();
        var r = AttributionStudy.Attribute("x", OutcomeKind.Value, Three, columns, bootstrap: 200, seed: 3);
        for (int i = 0; i < 3; i++)
        {
            var e = r.Effects[i];
            Assert.Equal(a[i], e.Shapley, Digits);
            Assert.Equal(a[i], e.ShapleyLow, 8);
            Assert.Equal(a[i], e.ShapleyHigh, 8);
            Assert.Equal(-a[i], e.Removal, Digits);
            Assert.Equal(-a[i], e.RemovalLow, 8);
        }
        Assert.Equal(r.Total, r.Effects.Sum(e => e.Shapley), Digits);
    }

    [Fact]
    public void Attribute_Bootstrap_IsSeededAndBracketsThePoint()
    {
        var columns = Enumerable.Range(0, 4).Select(m => Enumerable.Range(0, 40).Select(r => ((r * 7919 + m * 104729) % 97) * (1 + (m & 1)) + (m >> 1) * r * 0.1).ToArray()).ToArray();
        var mechanisms = Three[..2];
        var r1 = AttributionStudy.Attribute("x", OutcomeKind.Value, mechanisms, columns, 300, 11);
        var r2 = AttributionStudy.Attribute("x", OutcomeKind.Value, mechanisms, columns, 300, 11);
        var r3 = AttributionStudy.Attribute("x", OutcomeKind.Value, mechanisms, columns, 300, 12);
        Assert.Equal(r1.Effects, r2.Effects);
        Assert.NotEqual(r1.Effects[0].ShapleyLow, r3.Effects[0].ShapleyLow);
        Assert.All(r1.Effects, e => Assert.InRange(e.Shapley, e.ShapleyLow, e.ShapleyHigh));
        Assert.All(r1.Effects, e => Assert.True(e.ShapleyHigh > e.ShapleyLow));
    }

    [Fact]
    public void CoalitionMeans_CountResampledReplicationsAndSkipUndefinedValues()
    {
        double[][] columns = [[1, 2, double.NaN, 4]];
        Assert.Equal((1 * 2 + 2 + 4 * 3) / 6.0, AttributionStudy.CoalitionMeans(columns, [2, 1, 5, 3])[0], Digits);
        Assert.True(double.IsNaN(AttributionStudy.CoalitionMeans(columns, [0, 0, 1, 0])[0]));
    }
}
