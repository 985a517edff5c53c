using Salient.Analysis.History;
using Salient.Engine.Sampling;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Xunit;

namespace Salient.Analysis.Tests;

/// <summary>
/// The era's lethality (Dupuy's dispersion factors), the choice to give battle (selection) and the battle's shared
/// intensity in the history study (docs/history.md §2-3), against closed forms.
/// </summary>
public sealed class HistoryEraSelectionTests
{
    private static CdbBattle Battle(int? year = 1943, double days = 1) => HistoryTests.Battle(days: days) with { Year = year };

    [Theory]
    [InlineData(1600, 20)]    // held at the first anchor before 1805
    [InlineData(1805, 20)]
    [InlineData(1863, 25)]
    [InlineData(1916, 250)]
    [InlineData(1942, 3000)]
    [InlineData(1973, 4000)]
    [InlineData(1982, 4000)]  // held at the last anchor
    public void Dispersion_factor_is_Dupuys_at_the_anchors(int year, double expected) =>
        Assert.Equal(expected, EngagementAdapter.DispersionFactor(year), 9);

    [Fact]
    public void Dispersion_factor_is_log_linear_between_anchors_and_WW2_when_unknown()
    {
        // 1929 is halfway from 1916 (250) to 1942 (3,000): the geometric mean sqrt(250 x 3,000) = 866.03.
        Assert.Equal(Math.Sqrt(250.0 * 3000), EngagementAdapter.DispersionFactor(1929), 9);
        Assert.Equal(EngagementAdapter.ReferenceDispersion, EngagementAdapter.DispersionFactor(null));
        Assert.Contains("year unknown", EngagementAdapter.Map(Battle(year: null)).Notes, StringComparison.Ordinal);
        // Monotone non-decreasing over the whole table's span.
        for (int y = 1600; y < 1982; y++) Assert.True(EngagementAdapter.DispersionFactor(y + 1) >= EngagementAdapter.DispersionFactor(y));
    }

    [Fact]
    public void Era_lethality_is_the_fitted_lethality_times_the_dispersion_ratio_to_the_minus_kappa()
    {
        var napoleonic = HistoryReplay.Create(Battle(year: 1805));
        var p = GroundParameters.Defaults with { Lethality = 0.05 };
        Assert.Equal(0.05, napoleonic.EraLethality(p), 15); // κ = 0: one lethality for every era
        // κ = 0.5: 0.05 x (20 / 3,000)^-0.5 = 0.05 x sqrt(150) = 0.61237.
        Assert.Equal(0.05 * Math.Sqrt(150), napoleonic.EraLethality(p with { EraExponent = 0.5 }), 12);
        Assert.Equal(0.05, HistoryReplay.Create(Battle(year: 1942)).EraLethality(p with { EraExponent = 0.5 }), 12); // the reference era
        var model = napoleonic.At(p with { EraExponent = 0.5 });
        Assert.Equal(0.05 * Math.Sqrt(150), model.Parameters["ground.lethality.atk"].Value, 12);
        Assert.Equal(0.05 * Math.Sqrt(150), model.Parameters["ground.lethality.def"].Value, 12);
    }

    [Fact]
    public void Selection_bounds_match_the_closed_form()
    {
        var replay = HistoryReplay.Create(Battle());
        var p = GroundParameters.Defaults with { BreakRatio = 3, BreakSoftness = 1, TankPower = 10, GunPower = 10 };
        Assert.Equal((0.0, 0.0), replay.SelectionBounds(p)); // q = 0: nobody declines battle
        // P_a = 10,000 + 20 x 10 + 10 x 10 = 10,300; P_d = 5,000 + 4 x 10 = 5,040; R = P_a / P_d.
        // M = 1.3 x 1.05 x 1.1; q = 1/4, s = 1: c = (3/4) / (1/4) = 3; b / c = 1.
        double r = 10_300.0 / 5_040, m = 1.3 * 1.05 * 1.1;
        var (a, d) = replay.SelectionBounds(p with { Selection = 0.25 });
        Assert.Equal(1.0 * m / r, a, 12);      // e_a >= (b/c) M E_d / R, E_d = 1
        Assert.Equal(r / (3 * 3 * m), d, 12);  // e_d >= E_a R / (b c M), E_a = 1
        // A side that needs a better chance before it fights needs to be better: both bounds rise with q (s > 0).
        double lastA = 0, lastD = 0;
        foreach (double q in new[] { 0.05, 0.1, 0.2, 0.3, 0.4, 0.49 })
        {
            var (qa, qd) = replay.SelectionBounds(p with { Selection = q });
            Assert.True(qa > lastA && qd > lastD);
            (lastA, lastD) = (qa, qd);
        }
    }

    [Fact]
    public void Selection_truncates_the_effectiveness_draw_and_fixes_it_deep_in_the_tail()
    {
        // No bound: the untruncated draw of before (min 0).
        var free = HistoryReplay.Effectiveness("atk", 1.2, 0.4);
        Assert.Equal(0, free.Distribution!.Min);
        // A bound within reach: the same log-normal, truncated below at the bound; every draw respects it.
        var cut = HistoryReplay.Effectiveness("atk", 1.2, 0.4, 1.5);
        Assert.Equal(1.5, cut.Distribution!.Min);
        Assert.Equal(1.2, cut.Distribution.A);
        for (uint r = 0; r < 200; r++) Assert.True(InputSampler.Sample(cut, 11, r) >= 1.5);
        // Beyond 3.5 σ above the median (ln(10 / 1.2) = 2.12 > 1.4): fixed at the bound.
        var deep = HistoryReplay.Effectiveness("atk", 1.2, 0.4, 10);
        Assert.Null(deep.Distribution);
        Assert.Equal(10, deep.Value);
        // σ = 0: max(median, bound); capped at the catalogue's 100.
        Assert.Equal(1.2, HistoryReplay.Effectiveness("def", 1.2, 0, 0.5).Value);
        Assert.Equal(3, HistoryReplay.Effectiveness("def", 1.2, 0, 3).Value);
        Assert.Equal(100, HistoryReplay.Effectiveness("def", 1.2, 0.1, 500).Value);
    }

    [Fact]
    public void Intensity_is_one_shared_log_normal_draw_with_median_one()
    {
        Assert.Equal(1, HistoryReplay.Intensity(0, 5, 3));
        Assert.Equal(HistoryReplay.Intensity(0.8, 5, 3), HistoryReplay.Intensity(0.8, 5, 3));
        // Median 1: about half the draws exceed 1. With n = 2,000 the share's standard error is 0.011; 0.05 is 4.5 of them.
        int above = 0;
        for (int r = 0; r < 2000; r++) above += HistoryReplay.Intensity(0.8, 5, r) > 1 ? 1 : 0;
        Assert.InRange(above / 2000.0, 0.45, 0.55);
        // Both sides take the same multiplier.
        var model = HistoryReplay.Create(Battle()).At(GroundParameters.Defaults with { Lethality = 0.04 }, 2.5);
        Assert.Equal(0.1, model.Parameters["ground.lethality.atk"].Value, 12);
        Assert.Equal(0.1, model.Parameters["ground.lethality.def"].Value, 12);
        // Replays with an intensity spread are deterministic, and σ = 0 plays as before.
        var replay = HistoryReplay.Create(Battle(days: 2));
        var p = GroundParameters.Defaults with { IntensitySigma = 0.7 };
        Assert.Equal(replay.Play(p, 7, 0, 4), replay.Play(p, 7, 0, 4));
        Assert.Equal(replay.Play(GroundParameters.Defaults, 7, 0, 4), replay.Play(GroundParameters.Defaults with { IntensitySigma = 0 }, 7, 0, 4));
    }

    [Fact]
    public void Held_parameters_stay_at_their_defaults_and_the_year_is_read()
    {
        string path = Path.Combine(TestRepository.Root, "data", "history", "cdb90_all.csv");
        var table = CsvText.Parse(File.ReadAllText(path), path, new DiagnosticBag())!;
        var battles = CdbBattle.FromTable(table.Header, table.Rows);
        Assert.Equal(1943, battles.Single(b => b.Isqno == 497).Year);
        Assert.Equal(1600, battles.Min(b => b.Year));
        var hold = new HashSet<string> { "engagement.era_exponent", "engagement.selection", "engagement.intensity_sigma" };
        var options = new HistoryOptions(Replications: 2, FitReplications: 1, FitBattles: 2, Particles: 3, Generations: 1, Seed: 3, Threads: 2,
            Only: new HashSet<int> { 2, 3, 4, 5 }, Hold: hold);
        var result = HistoryStudy.Run(battles, options);
        Assert.Equal(HistoryStudy.Priors.Length - 3, result.Table("fit").Rows.Count);
        Assert.Equal(0, result.Fitted.EraExponent);
        Assert.Equal(0, result.Fitted.Selection);
        Assert.Equal(0, result.Fitted.IntensitySigma);
        Assert.Throws<ArgumentException>(() => HistoryStudy.Run(battles, options with { Hold = new HashSet<string> { "nope" } }));
        // Judging the training half judges odd isqno only.
        var training = HistoryStudy.Run(battles, options with { JudgeTraining = true });
        Assert.All(training.Table("battles").Rows, r => Assert.Equal(1, (int)(double)r[0] % 2));
    }
}
