using System.Globalization;
using Salient.Analysis.History;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Xunit;

namespace Salient.Analysis.Tests;

/// <summary>
/// The recorded fighting hours (the duty cycle) and the attacker's culmination in the history study (docs/history.md
/// §2-3), against hand-computed values.
/// </summary>
public sealed class HistoryHoursCulminationTests
{
    private static CdbBattle Battle(double hours = double.NaN, double days = 2, double atk = 10_000) =>
        HistoryTests.Battle(days: days, atk: atk) with { Year = 1943, ActiveHours = hours };

    [Fact]
    public void Recorded_hours_give_the_duty_cycle_and_scale_lethality_and_advance()
    {
        var replay = HistoryReplay.Create(Battle(hours: 12, days: 2)); // 12 of 48 hours: f = 0.25
        Assert.Equal(0.25, replay.Mapping.ActiveFraction);
        Assert.True(replay.Mapping.ActiveHoursRecorded);
        Assert.DoesNotContain("fighting hours", replay.Mapping.Notes, StringComparison.Ordinal);
        var p = GroundParameters.Defaults with { Lethality = 0.05, AdvanceKmPerDay = 10, HoursExponent = 1 };
        double duty = 0.25 / 0.27;
        Assert.Equal(duty, replay.DutyCycle(p), 12);
        var parameters = replay.At(p).Parameters;
        Assert.Equal(0.05 * duty, parameters["ground.lethality.atk"].Value, 12);
        Assert.Equal(0.05 * duty, parameters["ground.lethality.def"].Value, 12);
        Assert.Equal(10 * duty, parameters["ground.advance_km_per_day"].Value, 12);
        Assert.Equal(Math.Sqrt(duty), replay.DutyCycle(p with { HoursExponent = 0.5 }), 12);
        Assert.Equal(1, replay.DutyCycle(p with { HoursExponent = 0 })); // ω 0: the whole span, as before the hours
        Assert.Equal(0.05, replay.At(p with { HoursExponent = 0 }).Parameters["ground.lethality.atk"].Value);
    }

    [Fact]
    public void Unknown_hours_take_the_assumed_share_and_are_noted()
    {
        var replay = HistoryReplay.Create(Battle());
        Assert.Equal(EngagementAdapter.DefaultActiveFraction, replay.Mapping.ActiveFraction);
        Assert.False(replay.Mapping.ActiveHoursRecorded);
        Assert.Contains("fighting hours unknown: 0.27 of the calendar span assumed", replay.Mapping.Notes, StringComparison.Ordinal);
        Assert.Equal(1, replay.DutyCycle(GroundParameters.Defaults with { HoursExponent = 1 }));
        // A quarter of an hour over 30 days is clamped to the least duty cycle.
        Assert.Equal(EngagementAdapter.MinActiveFraction, HistoryReplay.Create(Battle(hours: 0.25, days: 30)).Mapping.ActiveFraction);
    }

    [Fact]
    public void The_assumed_share_is_the_training_half_median_of_the_recorded_duty_cycles()
    {
        string path = Path.Combine(TestRepository.Root, "data", "history", "cdb90_all.csv");
        var table = CsvText.Parse(File.ReadAllText(path), path, new DiagnosticBag())!;
        var f = CdbBattle.FromTable(table.Header, table.Rows)
            .Where(b => b.Isqno % 2 == 1 && EngagementAdapter.ExclusionReason(b) is null && b.ActiveHours > 0)
            .Select(b => b.ActiveHours / (24 * Math.Round(b.Days))).Order().ToArray();
        Assert.Equal(159, f.Length);
        double median = f[f.Length / 2]; // odd count: the middle value
        Assert.Equal(0.271, Math.Round(median, 3));
        Assert.Equal(EngagementAdapter.DefaultActiveFraction, Math.Round(median, 2));
    }

    [Fact]
    public void The_culmination_threshold_reaches_the_engagement_and_an_early_halt_never_wins_more()
    {
        var replay = HistoryReplay.Create(Battle(days: 3, atk: 16_000));
        var p = GroundParameters.Defaults with { Lethality = 0.08 };
        var model = replay.At(p with { CulminationLoss = 0.2 }).Parameters;
        Assert.Equal(0.2, model["ground.culmination_loss.atk"].Value);
        Assert.Equal(0.2, model["ground.culmination_loss.def"].Value);
        Assert.Equal(0, replay.At(p).Parameters["ground.culmination_loss.atk"].Value); // default: off
        var free = replay.Play(p, 7, 0, 10);
        var halted = replay.Play(p with { CulminationLoss = 0.001 }, 7, 0, 10);
        Assert.Contains(free, o => o.AttackerWins); // not vacuous: the attacker wins some without the rule
        for (int r = 0; r < free.Length; r++)
        {
            // The halt comes after the attacker's first casualties; until then both runs are the same replication.
            Assert.True(!halted[r].AttackerWins || free[r].AttackerWins, string.Create(CultureInfo.InvariantCulture, $"replication {r}"));
            Assert.True(halted[r].AttackerCasualties <= free[r].AttackerCasualties, string.Create(CultureInfo.InvariantCulture, $"replication {r}"));
        }
    }
}
