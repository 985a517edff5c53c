using System.Globalization;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Golden;

/// <summary>
/// The console output of a small seeded run (header, progress, summary tables, closing line) as an approved golden
/// file. Normalised: the output folder (in the test's temporary folder) is written &lt;tmp&gt;, the wall-clock figures
/// ("in 0.4 s (50/s)", the progress bar's hh:mm:ss columns) are replaced by placeholders. --threads 1 keeps the
/// machine's core count out of the header. The console is wide (no wrapping) so the temporary path's length cannot
/// move a line break. The test console is not interactive, so Spectre draws no progress bar but prints
/// "replications: N%" lines at a rate that depends on the machine: those lines are removed.
/// </summary>
public sealed class SummaryGoldenTests() : TempFolderTest("golden-summary")
{
    [Fact]
    public void Run_LineOfTownsSeed1_MatchesApproved() => Approvals.Verify(RunLineOfTowns(), nameof(SummaryGoldenTests), "line-of-towns-n20-seed1");

    [Fact]
    public void Run_LineOfTownsSeed1_UnderACommaDecimalCulture_MatchesTheSameApproved()
    {
        // The build sets InvariantGlobalization, so ru-RU itself cannot be created: a clone of the invariant culture with
        // ru-RU's separators (decimal ',', group no-break space, dd.MM.yyyy) stands in for it (STYLE.md 2.16).
        var ruLike = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        ruLike.NumberFormat.NumberDecimalSeparator = ",";
        ruLike.NumberFormat.NumberGroupSeparator = "\u00a0";
        ruLike.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = ruLike;
            Approvals.Verify(RunLineOfTowns(), nameof(SummaryGoldenTests), "line-of-towns-n20-seed1");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private string RunLineOfTowns()
    {
        string output = Approvals.RunCli(Approvals.UnwrappedWidth, "run", LineOfTowns, "-n", "20", "--seed", "1", "--threads", "1", "--no-report", "--out", Path.Combine(Root, "run"));
        return Approvals.RemoveProgressLines(Approvals.ReplaceTimings(Approvals.ReplacePath(output, Root, "<tmp>")));
    }
}
