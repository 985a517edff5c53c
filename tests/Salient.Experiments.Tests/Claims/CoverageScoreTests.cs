using Salient.Experiments.Claims;
using Salient.Scenario.Evidence;
using Xunit;

namespace Salient.Experiments.Tests.Claims;

/// <summary>The coverage and sharpness score of <c>salient check</c>, on constructed claims (exact counts).</summary>
public sealed class CoverageScoreTests
{
    private static readonly EvidenceLedger Ledger = EvidenceReader.Parse("""
        - { id: a1, metric: control.area_km2.blue, value: 100, as_of: 2024-01-10, reliability: A1 }
        - { id: a2, metric: control.area_km2.blue, value: 100, as_of: 2024-01-20, reliability: B2 }
        - { id: a3, metric: casualties.total.red, value: [80, 120], as_of: 2024-01-20, reliability: C3 }
        - { id: a4, metric: control.area_km2.blue, value: 500, as_of: 2024-01-25, reliability: C2 }
        - { id: e1, metric: event.capture.mid.blue, value: 2024-01-15, as_of: 2024-01-15, reliability: B2 }
        - { id: e2, metric: event.capture.e1.blue, value: 2024-01-20, as_of: 2024-01-20, reliability: A2 }
        - { id: d1, metric: control.area_km2.blue, value: 100, as_of: 2024-01-10, reliability: D4 }
        """);

    private static (EvidenceEntry, ClaimOutcome) Series(int entry, double low, double high, double p05, double p95) =>
        (Ledger.Entries[entry], new ClaimOutcome(new Claim(Ledger.Entries[entry].Id, "m", ClaimKind.Series, 0, 0, 0, low, high, 1), 100, p05, (p05 + p95) / 2, p95, 1, 50));

    private static (EvidenceEntry, ClaimOutcome) Event(int entry, double day, double p05, double p95) =>
        (Ledger.Entries[entry], new ClaimOutcome(new Claim(Ledger.Entries[entry].Id, "m", ClaimKind.Event, 0, 0, 0, day, day, 1), 100, p05, (p05 + p95) / 2, p95, 1, 50));

    [Fact]
    public void Score_CountsInsideAndSharpOverTheACGradedClaims_OverallAndPerKind()
    {
        var score = CoverageScoring.Score(
        [
            Series(0, 100, 100, 50, 150),    // inside, width 100 <= 100: sharp
            Series(1, 100, 100, 40, 150),    // inside, width 110 > 100: not sharp
            Series(2, 80, 120, 121, 180),    // above the claim (80-120 misses 121-180); width 59 <= 100 (centre): sharp
            Series(3, 500, 500, 0, 400),     // below; width 400 <= 500: sharp but outside
            Event(4, 14, 10, 40),            // inside, 30 days: sharp
            Event(5, 19, 0, double.PositiveInfinity), // inside, but the event does not always happen: never sharp
            Series(6, 100, 100, 99, 101),    // graded D: not scored
        ]);
        Assert.Equal(new CoverageScore("all", 6, 4, 4, 2), score[0]);
        Assert.Equal(new CoverageScore("series", 4, 2, 3, 1), score[1]);
        Assert.Equal(new CoverageScore("event", 2, 2, 1, 1), score[2]);
        Assert.Equal(3, score.Count); // no final claims
        Assert.Equal(4 / 6.0, score[0].Coverage);
        Assert.Equal(2 / 6.0, score[0].SharpCoverage);
    }

    [Fact]
    public void Score_WithNoGradedClaims_IsEmptyWithNaNShares()
    {
        var score = CoverageScoring.Score([Series(6, 100, 100, 99, 101)]);
        Assert.Equal(new CoverageScore("all", 0, 0, 0, 0), Assert.Single(score));
        Assert.True(double.IsNaN(score[0].Coverage));
    }
}
