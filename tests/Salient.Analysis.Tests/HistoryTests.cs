using Salient.Analysis.History;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Xunit;

namespace Salient.Analysis.Tests;

/// <summary>The CDB90 engagement adapter's mappings, the scores, and a small replay of the history study (docs/history.md).</summary>
public sealed class HistoryTests
{
    /// <summary>A plain test row (no year, no recorded hours); the other history tests vary it with <c>with</c>.</summary>
    internal static CdbBattle Battle(int isqno = 2, string? posture = "HD", string? terrain = "RM0", int? parent = null, double days = 1, double atk = 10_000, double def = 5_000) => new()
    {
        Isqno = isqno,
        Name = "TEST",
        Parent = parent,
        Days = days,
        Wina = 1,
        KmAdvanced = 2,
        Posture = posture,
        Terrain = terrain,
        Weather = "DSTST",
        Surprise = 0,
        Air = 0,
        Attacker = new CdbSide { Strength = atk, Casualties = 500, Tanks = 20, Artillery = 10, FrontKm = 5 },
        Defender = new CdbSide { Strength = def, Casualties = 800, Tanks = 0, Artillery = 4, FrontKm = 5 },
    };

    [Theory]
    [InlineData("HD", 1.3)]
    [InlineData("PD", 1.5)]
    [InlineData("FD", 1.6)]
    [InlineData("DL", 1.2)]
    [InlineData("WD", 1.15)]
    public void Posture_factors_are_the_documented_ones(string code, double expected) =>
        Assert.Equal(expected, EngagementAdapter.PostureFactor(code));

    [Fact]
    public void Unknown_posture_has_no_factor_and_is_noted_as_hasty()
    {
        Assert.Null(EngagementAdapter.PostureFactor(null));
        var m = EngagementAdapter.Map(Battle(posture: null));
        Assert.Equal(1.3, m.PostureFactor);
        Assert.Contains("posture unknown", m.Notes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FB0", 1.0)]
    [InlineData("RM0", 1.05 * 1.1)]
    [InlineData("GWU", 1.2 * 1.2 * 1.3)]
    [InlineData("FWM", 1.0 * 1.2 * 1.1)]
    [InlineData("00U", 1.3)]
    public void Terrain_factor_is_the_product_of_relief_cover_and_special(string code, double expected) =>
        Assert.Equal(expected, EngagementAdapter.TerrainFactor(code), 12);

    [Theory]
    [InlineData("FB0", "DSTST", 1.0)]
    [InlineData("RM0", "DSTST", 0.9 * 0.9)]
    [InlineData("GWM", "WHTFT", 0.7 * 0.7 * 0.5 * 0.85 * 0.75)]
    [InlineData("F0U", "WLTFT", 0.6 * 0.85 * 0.9)]
    public void Mobility_is_the_product_of_terrain_and_weather(string terrain, string weather, double expected) =>
        Assert.Equal(expected, EngagementAdapter.Mobility(terrain, weather), 12);

    [Theory]
    [InlineData(0, 0, 1.0, 1.0)]
    [InlineData(2, 1, 1.4 * 1.2, 1.0)]
    [InlineData(-3, -1, 1.0, 1.6 * 1.2)]
    [InlineData(1, -1, 1.2, 1.2)]
    public void Surprise_and_air_superiority_raise_the_effectiveness_of_the_side_that_has_them(int surprise, int air, double atk, double def)
    {
        var (a, d) = EngagementAdapter.Effectiveness(surprise, air);
        Assert.Equal(atk, a, 12);
        Assert.Equal(def, d, 12);
    }

    [Fact]
    public void Rows_that_cannot_be_replayed_say_why()
    {
        Assert.Null(EngagementAdapter.ExclusionReason(Battle()));
        Assert.Contains("parent", EngagementAdapter.ExclusionReason(Battle(parent: 498))!, StringComparison.Ordinal);
        Assert.Contains("repeats battle 585", EngagementAdapter.ExclusionReason(Battle(isqno: 643))!, StringComparison.Ordinal);
        Assert.Contains("strength", EngagementAdapter.ExclusionReason(Battle(atk: double.NaN))!, StringComparison.Ordinal);
        Assert.Contains("campaign", EngagementAdapter.ExclusionReason(Battle(days: 31))!, StringComparison.Ordinal);
        Assert.Contains("casualties", EngagementAdapter.ExclusionReason(Battle() with { Defender = new CdbSide { Strength = 5000 } })!, StringComparison.Ordinal);
    }

    [Fact]
    public void The_engagement_loads_and_plays_deterministically_with_the_record_forces()
    {
        var replay = HistoryReplay.Create(Battle(days: 2));
        Assert.Equal(2, replay.Mapping.Days);
        Assert.Contains("personnel: { value: 10000", replay.Yaml, StringComparison.Ordinal);
        Assert.Contains("tank: { value: 20", replay.Yaml, StringComparison.Ordinal);
        Assert.Contains("defensibility: " + (1.3 * 1.05 * 1.1).ToString("R", System.Globalization.CultureInfo.InvariantCulture), replay.Yaml, StringComparison.Ordinal);
        var a = replay.Play(GroundParameters.Defaults, 7, 0, 5);
        var b = replay.Play(GroundParameters.Defaults, 7, 0, 5);
        Assert.Equal(a, b);
        Assert.All(a, o => Assert.True(o.AttackerCasualties > 0 && o.DefenderCasualties > 0));
        Assert.All(a, o => Assert.True(o.AdvanceKm >= 0 && o.AdvanceKm <= replay.Mapping.DepthCells));
        // More lethal fire costs the defender more (same seed): monotone in the mean.
        var hot = replay.Play(GroundParameters.Defaults with { Lethality = 0.08 }, 7, 0, 5);
        Assert.True(hot.Average(o => o.DefenderCasualties) > a.Average(o => o.DefenderCasualties));
    }

    [Fact]
    public void The_fitted_softness_and_system_powers_reach_the_engagement()
    {
        var replay = HistoryReplay.Create(Battle(days: 2));
        var p = GroundParameters.Defaults with { BreakSoftness = 0.8, TankPower = 40, GunPower = 25 };
        var model = replay.At(p);
        Assert.Equal(0.8, model.Parameters["ground.break_softness"].Value);
        Assert.Equal(40, model.Catalogue.Single(s => s.Id == "tank").CombatPower.Value);
        Assert.Equal(25, model.Catalogue.Single(s => s.Id == "gun").CombatPower.Value);
        Assert.Null(model.Parameters["ground.effectiveness.atk"].Distribution); // σ 0: the mapped value, nothing drawn
        var dense = replay.At(p with { BreakCohesion = 0.1, AreaFire = 0.6, AreaFireDensity = 900 }).Parameters;
        Assert.Equal(0.1, dense["ground.break_cohesion"].Value);
        Assert.Equal(0.6, dense["ground.area_fire.atk"].Value);
        Assert.Equal(0.6, dense["ground.area_fire.def"].Value);
        Assert.Equal(900, dense["ground.area_fire_density"].Value);
        var cev = replay.At(p with { CevSigma = 0.4 }).Parameters["ground.effectiveness.def"];
        Assert.Equal(Salient.Scenario.Model.DistributionKind.LogNormal, cev.Distribution!.Kind);
        Assert.Equal(replay.Mapping.DefenderEffectiveness, cev.Distribution.A);
        Assert.Equal(0.4, cev.Distribution.B);
        Assert.Equal(p, GroundParameters.From(p.ToArray()));
        Assert.Equal(GroundParameters.Defaults, GroundParameters.From([0.02, 3, 12, 2])); // a short θ keeps the other defaults
        // The attacker has 20 tanks and 10 guns, the defender 4 guns: heavier tanks raise the defender's losses (same seed).
        var light = replay.Play(GroundParameters.Defaults, 7, 0, 5);
        var heavy = replay.Play(GroundParameters.Defaults with { TankPower = 200 }, 7, 0, 5);
        Assert.True(heavy.Average(o => o.DefenderCasualties) > light.Average(o => o.DefenderCasualties));
    }

    [Fact]
    public void Crps_matches_hand_computed_values()
    {
        Assert.Equal(0, HistoryScoring.Crps([1.0, 3.0], 2), 12);      // (1 + 1)/2 - 2/2
        Assert.Equal(1, HistoryScoring.Crps([1.0, 3.0], 0), 12);      // (1 + 3)/2 - 2/2
        Assert.Equal(1, HistoryScoring.Crps([0.0, 0.0], 1), 12);      // no spread: the absolute error
        Assert.Equal(0.5, HistoryScoring.Crps([2.5], 2), 12);          // one draw: |x - y|
        // Three draws 0, 1, 2 against 1: (1 + 0 + 1)/3 - (1 + 2 + 1) * 2 / (2 * 3 * 2) = 2/3 - 2/3 = 0.
        Assert.Equal(0, HistoryScoring.Crps([0.0, 1.0, 2.0], 1), 12);
        // A win forecast 1, 0 against a draw (1/2): (1/2 + 1/2)/2 - 1/2 = 0; against a win: 1/2 - 1/2 = 0.
        Assert.Equal(0, HistoryScoring.Crps([1.0, 0.0], 0.5), 12);
    }

    [Fact]
    public void A_draw_scores_half_a_win()
    {
        Assert.Equal(0.5, HistoryStudy.AttackerWon(Battle() with { Wina = 0 }));
        Assert.Equal(1, HistoryStudy.AttackerWon(Battle()));
        Assert.Equal(0, HistoryStudy.AttackerWon(Battle() with { Wina = -1 }));
        // A draw at p = 0.8: -(ln 0.8 + ln 0.2) / 2 = 0.9163; Brier (0.8 - 0.5)^2 = 0.09.
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.2)) / 2, HistoryScoring.LogLoss([0.8], [0.5]), 12);
        Assert.Equal(0.09, HistoryScoring.Brier([0.8], [0.5]), 12);
    }

    [Fact]
    public void Posterior_draws_follow_the_weights_systematically()
    {
        var g = new Salient.Analysis.Calibration.Generation(1, 1, 2,
        [
            new([0.01, 2, 10, 1], 0.25, 0.5, 0),
            new([0.03, 4, 20, 3], 0.75, 0.6, 1),
        ]);
        var d = HistoryStudy.PosteriorDraws(g, 4); // u = 1/8 -> first; 3/8, 5/8, 7/8 -> second
        Assert.Equal([0.01, 0.03, 0.03, 0.03], d.Select(p => p.Lethality));
    }

    [Fact]
    public void Log_loss_and_Brier_match_hand_computed_values()
    {
        double[] p = [0.8, 0.3], y = [1, 0];
        Assert.Equal(-(Math.Log(0.8) + Math.Log(0.7)) / 2, HistoryScoring.LogLoss(p, y), 12); // 0.289909...
        Assert.Equal((0.04 + 0.09) / 2, HistoryScoring.Brier(p, y), 12);                      // 0.065
        Assert.Equal(-Math.Log(1 - (1 - HistoryScoring.Clip)) / 2, HistoryScoring.LogLoss([1.0, 1.0], [1, 0]), 9); // a certain miss is clipped, ~17.3
        Assert.Equal(20.5 / 21, HistoryScoring.WinProbability(20, 20), 12);
        Assert.Equal(0.5, HistoryScoring.Coverage([(1, 0, 2), (3, 0, 2)]));
        Assert.Equal(Math.Log(2), HistoryScoring.MedianAbsLogError([(2, 1), (1, 2), (4, 1)]), 12);
    }

    [Fact]
    public void Logistic_fit_recovers_the_two_group_closed_form()
    {
        // With x in {0, 1} the MLE reproduces each group's share: p(0) = 1/4, p(1) = 3/4, so a = ln(1/3), b = 2 ln 3.
        double[] x = [0, 0, 0, 0, 1, 1, 1, 1], y = [1, 0, 0, 0, 1, 1, 1, 0];
        var (a, b) = HistoryScoring.LogisticFit(x, y);
        Assert.Equal(Math.Log(1.0 / 3), a, 8);
        Assert.Equal(2 * Math.Log(3), b, 8);
    }

    [Fact]
    public void A_small_study_runs_in_seconds_and_keeps_every_row()
    {
        string path = Path.Combine(TestRepository.Root, "data", "history", "cdb90_all.csv");
        var table = CsvText.Parse(File.ReadAllText(path), path, new DiagnosticBag())!;
        var battles = CdbBattle.FromTable(table.Header, table.Rows);
        Assert.Equal(660, battles.Count);
        var only = new HashSet<int> { 493, 494, 495, 496, 497, 498, 499, 2, 3, 4, 5 };
        var options = new HistoryOptions(Replications: 4, FitReplications: 1, FitBattles: 3, Particles: 4, Generations: 2, Seed: 3, Threads: 2, Only: only);
        var result = HistoryStudy.Run(battles, options);
        var excluded = result.Table("excluded").Rows;
        Assert.Contains(excluded, r => (double)r[0] == 499); // a component of 498: listed, not dropped silently
        Assert.Equal(660, excluded.Count + battles.Count(b => EngagementAdapter.ExclusionReason(b) is null));
        Assert.Equal(7, result.Table("kursk1943").Rows.Count);
        Assert.Equal(HistoryStudy.Priors.Length, result.Table("fit").Rows.Count); // every fitted parameter (the pursuit is played at 0, not fitted)
        var held = result.Table("battles").Rows;
        Assert.All(held, r => Assert.Equal(0, (int)(double)r[0] % 2));
        // The forecast of the record's winner is the form chosen on the training half, replayed at the same R.
        var summary = result.Table("summary").Rows.ToDictionary(r => (string)r[0], r => (double)r[1]);
        Assert.Equal(4, summary["training_replications"]);
        bool platt = summary["observation_platt_used"] == 1;
        Assert.Equal(summary["training_winner_log_loss_platt"] < summary["training_winner_log_loss_linear"], platt);
        var cols = result.Table("battles").Columns.ToList();
        int model = cols.IndexOf("p_attacker_model"), chosen = cols.IndexOf(platt ? "p_attacker_platt" : "p_attacker_linear");
        Assert.All(held, r => Assert.Equal((double)r[chosen], (double)r[model], 15));
        Assert.Equal(summary[platt ? "winner_log_loss_model_platt" : "winner_log_loss_model_linear"], summary["winner_log_loss_model"], 15);
        Assert.Equal(result.Tables.Select(t => t.Rows.Count), HistoryStudy.Run(battles, options with { Threads = 1 }).Tables.Select(t => t.Rows.Count));
    }
}
