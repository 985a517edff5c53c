using System.Globalization;
using Salient.Engine.Compilation;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Holding a line (docs/model.md 4.7; <c>ground.line_share.&lt;side&gt;</c> = psi). Blue holds two front cells, f1 and
/// f2 (F = 2), with its one unit of 1,000 in f1; red holds e1 (next to f1) and e2 (next to f2). Red's unit of 1,000
/// attacks from e2 into the empty f2, or from e1 into f1, for one daily tick, on open ground (M = 1), with no support,
/// garrison or positional fire. The defence of f2 is the line alone, psi x 1,000 / 2; that of f1 is
/// (1 - psi) x 1,000 + psi x 1,000 / 2. Casualties are Poisson: red's mean k_blue D, blue's k_red A. Sums over N
/// replications are checked within 6 standard errors (a false failure below 1e-8), with fixed seeds.
/// </summary>
public class LineTests
{
    private const int N = 400;
    private const double KBlue = 0.02, KRed = 0.01;
    private const int F2 = 1;

    private static CompiledScenario Front(double psi, string from = "e2", string target = "f2", double attackRatio = 0, double breakRatio = 1000)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        string line = psi > 0 ? $"\n    line_share: {{ blue: {F(psi)} }}" : "";
        return TestScenarios.Compile($$"""
            salient: 1
            name: line
            calendar: { start: 2024-01-01, end: 2024-01-01, tick_hours: 24 }
            sides:
              - { id: blue }
              - { id: red, doctrine: { attack_ratio: {{F(attackRatio)}} } }
            theatre:
              nodes:
                - { id: f1, lon: 30.0, lat: 50, area_km2: 10, control: blue }
                - { id: f2, lon: 30.0, lat: 50.06, area_km2: 10, control: blue }
                - { id: e1, lon: 30.1, lat: 50, area_km2: 10, control: red }
                - { id: e2, lon: 30.1, lat: 50.06, area_km2: 10, control: red }
              edges:
                - { from: f1, to: f2, length_km: 7 }
                - { from: f1, to: e1, length_km: 7 }
                - { from: f2, to: e2, length_km: 7 }
                - { from: e1, to: e2, length_km: 7 }
            units:
              - { id: b, side: blue, at: f1, personnel: 1000 }
              - { id: r, side: red, at: {{from}}, personnel: 1000 }
            plans:
              - side: red
                phases:
                  - { name: p, start: 2024-01-01, end: 2024-01-01, posture: attack, objectives: [{{target}}] }
            parameters:
              ground:
                positional_intensity: 0
                lethality: { blue: {{F(KBlue)}}, red: {{F(KRed)}} }
                break_ratio: {{F(breakRatio)}}
                break_cohesion: 0
                support_fraction: 0{{line}}
            """);
    }

    private static (double Red, double Blue) Casualties(CompiledScenario c) => AssaultDuel.Casualties(c, N);

    private static void AssertPoissonSum(double expectedMean, double sum) => AssaultDuel.AssertPoissonSum(expectedMean, sum, N);

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void AFrontCellWithoutAUnit_IsHeldByTheLinesShare_AndTheLineTakesTheCasualties(double psi)
    {
        var (red, blue) = Casualties(Front(psi));
        AssertPoissonSum(KBlue * psi * 1000 / 2, red);
        AssertPoissonSum(KRed * 1000, blue); // all on the unit in f1, which holds the line
    }

    [Fact]
    public void WithoutTheLine_AnEmptyFrontCellHasNoDefence()
    {
        // psi = 0: no garrison, no unit, no support, so D = 0 and there is no exchange.
        Assert.Equal((0.0, 0.0), Casualties(Front(0)));
    }

    [Fact]
    public void TheUnitsOwnCell_KeepsItsShareAndItsPartOfTheLine()
    {
        var (red, _) = Casualties(Front(0.5, from: "e1", target: "f1"));
        AssertPoissonSum(KBlue * (0.5 * 1000 + 0.5 * 1000 / 2), red);
    }

    [Fact]
    public void TheAttackRatioTest_SeesTheLine()
    {
        // D = 250: an attack ratio of 3 lets 1,000 go in (1,000 >= 750); 5 cancels it (1,000 < 1,250).
        Assert.True(Casualties(Front(0.5, attackRatio: 3)).Red > 0);
        Assert.Equal((0.0, 0.0), Casualties(Front(0.5, attackRatio: 5)));
    }

    [Theory]
    [InlineData(0, true)]      // no defence: overwhelmed, and 12 km a day crosses the 7 km edge in the tick
    [InlineData(0.25, true)]   // 1,000 - a few >= 3 x 125
    [InlineData(1.0, false)]   // 1,000 - a few < 3 x 500: the line holds
    public void TheLine_DecidesWhetherAnEmptyFrontCellFalls(double psi, bool falls)
    {
        int[] control = TestScenarios.EveryTick(Front(psi, breakRatio: 3), sim => sim.ControlOfCell(F2));
        Assert.Equal(falls ? 1 : 0, control[^1]);
    }

    [Fact]
    public void ALineShareOfZero_IsTheRuleAbsentToTheBit()
    {
        static string Duel(string ground) =>
            TestScenarios.Duel(1000, 800, ground: "positional_intensity: 0" + ground).Replace("break_ratio: 1000", "break_ratio: 3", StringComparison.Ordinal);
        var none = TestScenarios.Compile(Duel(""));
        var zero = TestScenarios.Compile(Duel("\nline_share: { blue: 0, red: 0 }"));
        Assert.Equal(Casualties(none), Casualties(zero));
    }
}
