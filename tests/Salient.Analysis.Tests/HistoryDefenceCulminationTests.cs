using System.Globalization;
using Salient.Analysis.History;
using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Salient.Testing;
using Salient.Scenario.Model;
using Xunit;

namespace Salient.Analysis.Tests;

/// <summary>
/// The defence's culmination and the spread of both culmination thresholds in the history study (docs/history.md §2-3):
/// what reaches the engagement, and that a defence that gives up early never makes the attacker win less.
/// </summary>
public sealed class HistoryDefenceCulminationTests
{
    private static CdbBattle Battle(double days = 3, double atk = 16_000) => HistoryTests.Battle(days: days, atk: atk) with { Year = 1943 };

    [Fact]
    public void A_threshold_is_fixed_without_a_spread_and_a_log_normal_on_zero_to_one_with_one()
    {
        var fixedQ = HistoryReplay.Threshold("parameters.ground.culmination_loss.atk", 0.2, 0);
        Assert.Equal(0.2, fixedQ.Value);
        Assert.Null(fixedQ.Distribution);
        var off = HistoryReplay.Threshold("parameters.ground.defence_culmination_loss.def", 0, 0.8); // the rule off: nothing drawn
        Assert.Equal(0, off.Value);
        Assert.Null(off.Distribution);
        var drawn = HistoryReplay.Threshold("parameters.ground.defence_culmination_loss.def", 0.3, 0.6);
        Assert.Equal(new Distribution(DistributionKind.LogNormal, 0.3, 0.6, 0, 0, 1), drawn.Distribution);
    }

    [Fact]
    public void The_defence_threshold_and_both_spreads_reach_the_engagement()
    {
        var replay = HistoryReplay.Create(Battle());
        var p = GroundParameters.Defaults with { Lethality = 0.08, CulminationLoss = 0.15, CulminationSigma = 0.5, DefenceCulminationLoss = 0.25, DefenceCulminationSigma = 0.7 };
        var parameters = replay.At(p).Parameters;
        foreach (string side in new[] { "atk", "def" })
        {
            Assert.Equal(new Distribution(DistributionKind.LogNormal, 0.15, 0.5, 0, 0, 1), parameters[$"ground.culmination_loss.{side}"].Distribution);
            Assert.Equal(new Distribution(DistributionKind.LogNormal, 0.25, 0.7, 0, 0, 1), parameters[$"ground.defence_culmination_loss.{side}"].Distribution);
        }
        Assert.Equal(0, replay.At(GroundParameters.Defaults).Parameters["ground.defence_culmination_loss.def"].Value); // default: off
        Assert.Equal(p, GroundParameters.From(p.ToArray()));
    }

    [Fact]
    public void A_defence_that_gives_up_at_its_first_losses_never_makes_the_attacker_win_less()
    {
        var replay = HistoryReplay.Create(Battle(days: 1, atk: 12_000));
        var p = GroundParameters.Defaults with { Lethality = 0.08 };
        var free = replay.Play(p, 7, 0, 20);
        var yielding = replay.Play(p with { DefenceCulminationLoss = 0.001 }, 7, 0, 20);
        Assert.Contains(free, o => !o.AttackerWins); // not vacuous: the defence holds in some without the rule
        for (int r = 0; r < free.Length; r++)
        {
            // Until the defender's first casualties both runs are the same replication; from then on the defence gives up.
            Assert.True(yielding[r].AttackerWins || !free[r].AttackerWins, string.Create(CultureInfo.InvariantCulture, $"replication {r}"));
        }
        Assert.True(yielding.Count(o => o.AttackerWins) > free.Count(o => o.AttackerWins));
    }

    [Fact]
    public void Tried_mechanisms_are_fitted_only_when_asked_and_otherwise_stay_off()
    {
        string path = Path.Combine(TestRepository.Root, "data", "history", "cdb90_all.csv");
        var table = CsvText.Parse(File.ReadAllText(path), path, new DiagnosticBag())!;
        var battles = CdbBattle.FromTable(table.Header, table.Rows);
        var options = new HistoryOptions(Replications: 2, FitReplications: 1, FitBattles: 2, Particles: 3, Generations: 1, Seed: 3, Threads: 2,
            Only: new HashSet<int> { 2, 3, 4, 5 });
        var plain = HistoryStudy.Run(battles, options);
        Assert.Equal(HistoryStudy.Priors.Length, plain.Table("fit").Rows.Count);
        Assert.Equal(0, plain.Fitted.DefenceCulminationLoss);
        Assert.Equal(0, plain.Fitted.CulminationSigma);
        Assert.Equal(0, plain.Fitted.DefenceCulminationSigma);
        var all = HistoryStudy.TriedPriors.Select(q => q.Path).ToHashSet();
        var tried = HistoryStudy.Run(battles, options with { AlsoFit = all });
        Assert.Equal(HistoryStudy.Priors.Length + 3, tried.Table("fit").Rows.Count);
        Assert.InRange(tried.Fitted.DefenceCulminationLoss, 0.02, 0.6);
        Assert.Throws<ArgumentException>(() => HistoryStudy.Run(battles, options with { AlsoFit = new HashSet<string> { "engagement.selection" } }));
    }
}
