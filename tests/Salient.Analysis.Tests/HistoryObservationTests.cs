using Salient.Analysis.History;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Xunit;

namespace Salient.Analysis.Tests;

/// <summary>
/// The forecast of the record's winner from π, the model's probability that the attacker takes the defender's position
/// (docs/history.md §2): the linear observation model a0 + (a1 − a0) π and Platt scaling σ(α + β logit π), both fitted on
/// the training half, against hand-computed values, closed forms and the training half's record.
/// </summary>
public sealed class HistoryObservationTests
{
    [Fact]
    public void The_forecast_is_affine_in_the_position_probability_between_the_two_scores()
    {
        Assert.Equal(0.2, HistoryScoring.RecordedWinProbability(0, 0.8, 0.2), 12);
        Assert.Equal(0.8, HistoryScoring.RecordedWinProbability(1, 0.8, 0.2), 12);
        Assert.Equal(0.2 + (0.6 * 0.25), HistoryScoring.RecordedWinProbability(0.25, 0.8, 0.2), 12); // 0.35
        Assert.Equal(0.3, HistoryScoring.RecordedWinProbability(0.3, 1, 0), 12);                      // (1, 0): the identity
        // Monotone in π and never outside [a0, a1]: a certain model never makes a certain forecast.
        double last = double.NegativeInfinity;
        for (int w = 0; w <= 100; w++)
        {
            double q = HistoryScoring.RecordedWinProbability(HistoryScoring.WinProbability(w, 100), 0.807, 0.191);
            Assert.InRange(q, 0.191, 0.807);
            Assert.True(q > last);
            last = q;
        }
    }

    [Fact]
    public void The_scores_are_the_record_means_on_either_side_of_the_position_and_skip_unrecorded_advances()
    {
        double[] km = [0, 0.5, 1, 3, double.NaN, -2], y = [0, 1, 1, 0.5, 1, 0];
        var (a1, a0) = HistoryScoring.ObservationScores(km, y, 1);
        Assert.Equal((1 + 0.5) / 2, a1, 12);   // advances 1 and 3 km
        Assert.Equal((0 + 1 + 0) / 3.0, a0, 12); // 0, 0.5 and −2 km; the NaN row is skipped
        Assert.Equal((1.0, 0.0), HistoryScoring.ObservationScores([2, 3], [1, 0], 1)); // one group empty: the identity
    }

    [Fact]
    public void The_training_half_gives_a1_0_807_and_a0_0_191()
    {
        string path = Path.Combine(TestRepository.Root, "data", "history", "cdb90_all.csv");
        var table = CsvText.Parse(File.ReadAllText(path), path, new DiagnosticBag())!;
        var training = CdbBattle.FromTable(table.Header, table.Rows)
            .Where(b => b.Isqno % 2 == 1 && EngagementAdapter.ExclusionReason(b) is null).ToList();
        Assert.Equal(304, training.Count);
        Assert.Equal(8, training.Count(b => double.IsNaN(b.KmAdvanced)));
        Assert.Equal(194, training.Count(b => b.KmAdvanced >= 1));
        var (a1, a0) = HistoryScoring.ObservationScores([.. training.Select(b => b.KmAdvanced)], [.. training.Select(HistoryStudy.AttackerWon)], EngagementAdapter.CellDepthKm);
        Assert.Equal(156.5 / 194, a1, 12); // 0.807: attackers that advanced at least 1 km
        Assert.Equal(19.5 / 102, a0, 12);  // 0.191: the 102 that advanced less
    }

    [Fact]
    public void The_record_position_is_an_advance_of_at_least_one_cell()
    {
        Assert.Equal(1, HistoryStudy.PositionTaken(HistoryTests.Battle() with { KmAdvanced = 1 }));
        Assert.Equal(0, HistoryStudy.PositionTaken(HistoryTests.Battle() with { KmAdvanced = 0.9 }));
        Assert.Equal(0, HistoryStudy.PositionTaken(HistoryTests.Battle() with { KmAdvanced = -3 }));
        Assert.True(double.IsNaN(HistoryStudy.PositionTaken(HistoryTests.Battle() with { KmAdvanced = double.NaN })));
        Assert.False(new HistoryOptions().FitOnPosition); // tried, not the default
        Assert.Equal(100, new HistoryOptions().Replications);
    }

    [Fact]
    public void The_clipped_logit_is_finite_at_unanimous_replications()
    {
        Assert.Equal(Math.Log(0.005 / 0.995), HistoryScoring.ClippedLogit(0, 100), 12); // π clipped to 1/(2R) = 0.005: −5.2933
        Assert.Equal(-Math.Log(0.005 / 0.995), HistoryScoring.ClippedLogit(1, 100), 12);
        Assert.Equal(0, HistoryScoring.ClippedLogit(0.5, 7), 12);
        Assert.Equal(Math.Log(0.3 / 0.7), HistoryScoring.ClippedLogit(0.3, 100), 12);                 // inside the clip: unchanged
        Assert.Equal(Math.Log(0.25 / 0.75), HistoryScoring.ClippedLogit(0.01, 2), 12);               // R = 2 clips at 1/4
        // A unanimous π = (0 + ½)/(100 + 1) = 0.00495 lies just outside the clip and is moved to 0.005.
        Assert.Equal(Math.Log(0.005 / 0.995), HistoryScoring.ClippedLogit(HistoryScoring.WinProbability(0, 100), 100), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryScoring.ClippedLogit(0.5, 0));
    }

    /// <summary>π on a grid; y the exact probability of a known logistic in logit π, as fractional outcomes.</summary>
    private static (double[] Pi, double[] Y) Exact(double alpha, double beta, int n = 41)
    {
        var pi = Enumerable.Range(0, n).Select(i => 0.02 + (0.96 * i / (n - 1))).ToArray();
        return (pi, [.. pi.Select(p => HistoryScoring.Logistic(alpha + (beta * Math.Log(p / (1 - p)))))]);
    }

    [Fact]
    public void Platt_recovers_a_known_logistic_exactly_from_its_expected_outcomes()
    {
        // With y equal to σ(α + β logit π) the score equations Σ (y − p) = Σ (y − p) logit π = 0 hold at the true (α, β),
        // and the likelihood is strictly concave: the maximum is the truth, to the solver's 1e-10 step.
        var (pi, y) = Exact(0.3, 0.4);
        var (a, b) = HistoryScoring.PlattFit(pi, y, 100);
        Assert.Equal(0.3, a, 9);
        Assert.Equal(0.4, b, 9);
        (pi, y) = Exact(-1.1, 2.5);
        (a, b) = HistoryScoring.PlattFit(pi, y, 100);
        Assert.Equal(-1.1, a, 9);
        Assert.Equal(2.5, b, 9);
        // A perfectly calibrated π (y = π) is the identity: α = 0, β = 1.
        (a, b) = HistoryScoring.PlattFit(pi, pi, 100);
        Assert.Equal(0, a, 9);
        Assert.Equal(1, b, 9);
    }

    [Fact]
    public void Platt_recovers_a_known_logistic_from_sampled_outcomes_within_five_standard_errors()
    {
        // 20,000 Bernoulli outcomes, System.Random seed 15 (deterministic); logit π uniform on [−3, 3]. The standard errors
        // of the maximum-likelihood estimates are about 0.016 (α) and 0.010 (β) here; the tolerance is 0.08 and 0.05.
        var random = new Random(15);
        int n = 20_000;
        var pi = new double[n];
        var y = new double[n];
        var yCalibrated = new double[n];
        for (int i = 0; i < n; i++)
        {
            pi[i] = HistoryScoring.Logistic(-3 + (6 * random.NextDouble()));
            double logit = Math.Log(pi[i] / (1 - pi[i]));
            y[i] = random.NextDouble() < HistoryScoring.Logistic(0.3 + (0.4 * logit)) ? 1 : 0;
            yCalibrated[i] = random.NextDouble() < pi[i] ? 1 : 0;
        }
        var (a, b) = HistoryScoring.PlattFit(pi, y, 100);
        Assert.InRange(a, 0.3 - 0.08, 0.3 + 0.08);
        Assert.InRange(b, 0.4 - 0.05, 0.4 + 0.05);
        (a, b) = HistoryScoring.PlattFit(pi, yCalibrated, 100);
        Assert.InRange(a, -0.08, 0.08);
        Assert.InRange(b, 1 - 0.05, 1 + 0.05);
    }

    [Fact]
    public void The_held_out_forecast_and_its_scores_match_hand_computed_values()
    {
        // α = 0.2, β = 0.5: q = 1 / (1 + e^(−α) ((1 − π)/π)^β). π = 1/4 gives 1/(1 + e^(−0.2) √3) = 0.413551, π = 3/4
        // gives 1/(1 + e^(−0.2)/√3) = 0.679027, π = 1/2 gives σ(0.2) = 0.549834.
        var o = new WinnerObservation(0.8, 0.2, 0.2, 0.5, 100, 0.7, 0.6);
        Assert.True(o.UsePlatt);
        double q1 = 1 / (1 + (Math.Exp(-0.2) * Math.Sqrt(3))), q2 = 1 / (1 + (Math.Exp(-0.2) / Math.Sqrt(3))), q3 = HistoryScoring.Logistic(0.2);
        Assert.Equal(0.4135506893803736, q1, 15);
        Assert.Equal(q1, o.Forecast(0.25), 12);
        Assert.Equal(q2, o.Forecast(0.75), 12);
        Assert.Equal(q3, o.Forecast(0.5), 12);
        Assert.Equal(0.35, o.Linear(0.25), 12);
        // Held-out record: defender won, attacker won, a draw (y = ½).
        double[] q = [o.Forecast(0.25), o.Forecast(0.75), o.Forecast(0.5)], y = [0, 1, 0.5];
        Assert.Equal(0.5396338577196731, HistoryScoring.LogLoss(q, y), 12);  // −(ln(1 − q1) + ln q2 + ½ ln q3 + ½ ln(1 − q3)) / 3
        Assert.Equal(0.09217698347105997, HistoryScoring.Brier(q, y), 12);   // (q1² + (1 − q2)² + (q3 − ½)²) / 3
        // Unanimous replications are clipped before the logit: π = 1 forecasts σ(0.2 + 0.5 ln 199).
        Assert.Equal(HistoryScoring.Logistic(0.2 + (0.5 * Math.Log(199))), o.Forecast(1), 12);
    }

    [Fact]
    public void The_form_with_the_lower_training_log_loss_is_used()
    {
        // Training outcomes exactly linear in π, a0 = 0.2, a1 = 0.8, at three asymmetric π: the linear model fits them
        // exactly, Platt scaling cannot (three points, two numbers, not a logistic), so the linear model is kept.
        double[] pi = [0.005, 0.1, 0.995];
        double[] y = [.. pi.Select(p => 0.2 + (0.6 * p))];
        var linear = WinnerObservation.Fit((0.8, 0.2), pi, y, 100);
        Assert.True(linear.TrainingLogLossLinear < linear.TrainingLogLossPlatt);
        Assert.False(linear.UsePlatt);
        Assert.Equal(linear.Linear(0.3), linear.Forecast(0.3), 15);
        // Outcomes from a known logistic in logit π: Platt recovers it and beats the linear model.
        var (pi2, y2) = Exact(0.3, 0.4);
        var platt = WinnerObservation.Fit((0.8, 0.2), pi2, y2, 100);
        Assert.True(platt.UsePlatt);
        Assert.Equal(0.3, platt.Alpha, 9);
        Assert.Equal(0.4, platt.Beta, 9);
        Assert.Equal(HistoryScoring.LogLoss([.. pi2.Select(platt.Platt)], y2), platt.TrainingLogLossPlatt, 12);
        Assert.Equal(HistoryScoring.LogLoss([.. pi2.Select(platt.Linear)], y2), platt.TrainingLogLossLinear, 12);
        Assert.Equal(platt.Platt(0.3), platt.Forecast(0.3), 15);
        // Fewer than two training battles: no Platt fit, the linear model.
        var none = WinnerObservation.Fit((0.8, 0.2), [0.5], [1], 100);
        Assert.False(none.UsePlatt);
        Assert.True(double.IsNaN(none.TrainingLogLossPlatt));
    }
}
