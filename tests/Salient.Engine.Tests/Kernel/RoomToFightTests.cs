using System.Globalization;
using Salient.Engine.Compilation;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Room to fight (docs/model.md 4.7): with ground.max_assault_density = rho_max, at most rho_max x the contested cell's
/// area of the attackers fight in an assault. Blue attacks red for one daily tick on open ground (M = 1) into a 10 km²
/// cell, so rho_max = 25 lets 250 of blue's engage. Casualties are Poisson: red's mean k_blue (engaged share) A dt,
/// blue's k_red D dt. Summed over N independent replications a sum is Poisson(N lambda); the tests allow 6 standard
/// errors (a false failure below 1e-8 each) with fixed seeds, so they are deterministic.
/// </summary>
public class RoomToFightTests
{
    private const int N = 400;
    private const double KBlue = 0.02, KRed = 0.01;

    private static CompiledScenario Duel(int blue, double maxDensity, string extraGround = "", double attackRatio = 0, double breakRatio = 1000)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string density = maxDensity > 0 ? $"\nmax_assault_density: {F(maxDensity)}" : "";
        string yaml = TestScenarios.Duel(blue, 1000,
                ground: $"positional_intensity: 0\nlethality: {{ blue: {F(KBlue)}, red: {F(KRed)} }}" + density + extraGround)
            .Replace("attack_ratio: 0", "attack_ratio: " + F(attackRatio), StringComparison.Ordinal)
            .Replace("break_ratio: 1000", "break_ratio: " + F(breakRatio), StringComparison.Ordinal);
        return TestScenarios.Compile(yaml);
    }

    private static (double Red, double Blue) Casualties(CompiledScenario c) => AssaultDuel.Casualties(c, N);

    private static void AssertPoissonSum(double expectedMean, double sum) => AssaultDuel.AssertPoissonSum(expectedMean, sum, N);

    [Theory]
    [InlineData(1000)]
    [InlineData(4000)]
    public void OnlyTheRoomsWorthOfAttackersFight_AndTheDefenceFiresAtFullStrength(int blue)
    {
        // 250 of blue's 1,000 or 4,000 engage: red's mean is 0.02 x 250 = 5 a replication whatever blue masses.
        var (red, blueCas) = Casualties(Duel(blue, maxDensity: 25));
        AssertPoissonSum(KBlue * 250, red);
        AssertPoissonSum(KRed * 1000, blueCas); // 10 a replication: aimed fire does not depend on the attackers' number
    }

    [Fact]
    public void AnAssaultWithinTheRoom_IsUnchangedToTheBit()
    {
        // 1,000 attackers in a cell with room for 10,000: the share is exactly 1, so every draw is as without the rule.
        Assert.Equal(Casualties(Duel(1000, maxDensity: 0)), Casualties(Duel(1000, maxDensity: 1000)));
    }

    [Fact]
    public void UnderAreaFire_TheAttackersDensityIsTheEngagedShare()
    {
        // Red's fire is all area fire (phi = 1, rho_ref = 25 per km2): 250 engaged on 10 km2 is density 25, so blue's
        // mean is red's aimed 10 x 25 / 25 = 10, where the 4,000 massed would have made it 160.
        var (red, blueCas) = Casualties(Duel(4000, maxDensity: 25, extraGround: "\narea_fire: { red: 1 }\narea_fire_density: 25"));
        AssertPoissonSum(KBlue * 250, red);
        AssertPoissonSum(KRed * 1000 * (250 / 10.0 / 25), blueCas);
    }

    [Fact]
    public void AProbe_EngagesTheSmallerOfItsShareAndTheRoom()
    {
        // Attack ratio 3 makes blue's 1:1 assault a probe with share 0.5 (500 of 1,000); the room (250) is smaller.
        var (red, _) = Casualties(Duel(1000, maxDensity: 25, extraGround: "\nprobing_share: { blue: 0.5 }", attackRatio: 3));
        AssertPoissonSum(KBlue * 250, red);
        // With room for 1,000 the probe's own share (500) is the smaller.
        var (red2, _) = Casualties(Duel(1000, maxDensity: 100, extraGround: "\nprobing_share: { blue: 0.5 }", attackRatio: 3));
        AssertPoissonSum(KBlue * 500, red2);
    }

    [Fact]
    public void MassBeyondTheRoom_DoesNotOverwhelmTheDefence()
    {
        // Break ratio 3: 4,000 against 1,000 overwhelm the defence (about 3,920 against 3 x 920 after the exchange),
        // which has no cell to fall back to and is overrun whole; with room for 250 the same assault is 250 against
        // ~1,000 and red holds, losing only the exchange's ~5.
        var (overrun, _) = Casualties(Duel(4000, maxDensity: 0, breakRatio: 3));
        var (held, _) = Casualties(Duel(4000, maxDensity: 25, breakRatio: 3));
        Assert.Equal(N * 1000.0, overrun);
        AssertPoissonSum(KBlue * 250, held);
    }
}
