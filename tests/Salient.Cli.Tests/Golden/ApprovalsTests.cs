using Xunit;

namespace Salient.Cli.Tests.Golden;

/// <summary>The golden-file comparer itself: normalisation and the diff it fails with.</summary>
public sealed class ApprovalsTests
{
    [Fact]
    public void Normalise_CrLfAndTrailingBlanks_BecomeLfWithOneFinalNewline() =>
        Assert.Equal("a\n b\n", Approvals.Normalise("a  \r\n b\t\r\n\r\n"));

    [Fact]
    public void Diff_OneChangedLine_ShowsItWithContext()
    {
        string diff = Approvals.Diff("1\n2\n3\n4\n5\n6\n", "1\n2\n3\nfour\n5\n6\n");
        Assert.Equal("@@ -1,4 +1,4 @@\n 1\n 2\n 3\n-4\n+four\n 5\n 6\n \n", diff);
    }

    [Fact]
    public void ReplaceTimings_RateAndClock_BecomePlaceholders() =>
        Assert.Equal("20 replications in <seconds> s (<rate>/s) <hh:mm:ss>", Approvals.ReplaceTimings("20 replications in 0.4 s (50/s) 00:00:01"));

    [Fact]
    public void RemoveProgressLines_DropsOnlyPercentLines() =>
        Assert.Equal("a\nb: 5 km\n", Approvals.RemoveProgressLines("a\nreplications: 0%\nb: 5 km\nreplications: 100%\n"));
}
