using System.Globalization;
using Salient.Engine.Compilation;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Probing assaults (docs/model.md 4.3 step 7): blue (1,000) attacks red (1,000) for one daily tick on open ground
/// (M = 1, no fortification yet, no break: break ratio 1000, break cohesion 0, no positional fire). Blue's attack ratio
/// 3 makes the 1:1 assault fall short, so it is cancelled unless blue probes; a probe commits pi of blue's power.
/// Casualties are Poisson: red's mean is k_blue pi A dt / sqrt(M), blue's k_red D sqrt(M) dt. Summed over N independent
/// replications (each its own counter-based stream) a sum is Poisson(N lambda); the tests allow 6 standard errors
/// (a false failure below 1e-8 each), with fixed seeds, so they are deterministic.
/// </summary>
public class ProbingTests
{
    private const int N = 400;
    private const double KBlue = 0.02, KRed = 0.01;

    private static CompiledScenario Duel(double attackRatio, double probingShare, string extraGround = "")
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string yaml = TestScenarios.Duel(1000, 1000,
                ground: $"positional_intensity: 0\nlethality: {{ blue: {F(KBlue)}, red: {F(KRed)} }}\nprobing_share: {{ blue: {F(probingShare)} }}" + extraGround)
            .Replace("attack_ratio: 0", "attack_ratio: " + F(attackRatio), StringComparison.Ordinal);
        return TestScenarios.Compile(yaml);
    }

    private static (double Red, double Blue) Casualties(CompiledScenario c) => AssaultDuel.Casualties(c, N);

    private static void AssertPoissonSum(double expectedMean, double sum) => AssaultDuel.AssertPoissonSum(expectedMean, sum, N);

    [Fact]
    public void BelowTheRatio_WithoutProbing_NothingHappens()
    {
        var (red, blue) = Casualties(Duel(attackRatio: 3, probingShare: 0));
        Assert.Equal(0, red);
        Assert.Equal(0, blue);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(0.5)]
    public void BelowTheRatio_AProbeCommitsItsShare_AndTakesTheFullDefence(double share)
    {
        var (red, blue) = Casualties(Duel(attackRatio: 3, probingShare: share));
        AssertPoissonSum(KBlue * share * 1000, red);   // 5 or 10 a replication
        AssertPoissonSum(KRed * 1000, blue);           // 10 a replication, whatever the share
    }

    [Fact]
    public void AProbe_UnderAreaFire_IsAsDenseAsItsCommittedShare()
    {
        // Red's fire is all area fire (phi = 1, rho_ref = 25 per km2) on the contested 10 km2 cell. A probe with share
        // 0.25 sends 250 of blue's 1,000 in: density 25, so blue's mean is red's aimed 10 times 25 / 25; a full
        // assault's 1,000 would make it 40.
        var (red, blue) = Casualties(Duel(attackRatio: 3, probingShare: 0.25, extraGround: "\narea_fire: { red: 1 }\narea_fire_density: 25"));
        AssertPoissonSum(KBlue * 0.25 * 1000, red);
        AssertPoissonSum(KRed * 1000 * (250 / 10.0 / 25), blue);
    }

    [Fact]
    public void AboveTheRatio_TheShareTakesNoPart()
    {
        // Attack ratio 0.5: the 1:1 assault passes the test and goes in at full power, probing share or not.
        var (red, blue) = Casualties(Duel(attackRatio: 0.5, probingShare: 0.25));
        AssertPoissonSum(KBlue * 1000, red);
        AssertPoissonSum(KRed * 1000, blue);
        Assert.Equal(Casualties(Duel(attackRatio: 0.5, probingShare: 0)), (red, blue));
    }
}
