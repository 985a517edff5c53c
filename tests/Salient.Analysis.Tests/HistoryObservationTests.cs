using Salient.Analysis.History;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Xunit;

namespace Salient.Analysis.Tests;

/// <summary>
/// The observation model of the record's winner (docs/history.md §2, "Winner"): the forecast of CDB90's winner is
/// a0 + (a1 − a0) π, π the model's probability that the attacker takes the defender's position, against
/// hand-computed values and the training half's record.
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
}
