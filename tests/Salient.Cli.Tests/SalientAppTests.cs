using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests;

/// <summary>The top-level handling of user errors: rendered once, without a stack trace, exit code 2.</summary>
public class SalientAppTests
{
    [Fact]
    public void ScenarioErrors_AreReportedOnce_AsDiagnostics_NoErrorLine()
    {
        // Given an override of a key the scenario does not have
        var (code, output) = Run("run", LineOfTowns, "-n", "2", "--set", "nope=1");

        // Then the diagnostic is printed, and nothing else claims the failure
        Assert.Equal(2, code);
        Assert.Contains("error SAL101", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error: the scenario has errors", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UserErrorFromAnotherLayer_RenderedAsErrorLine_WithoutStackTrace()
    {
        // Given a missing shard folder (an Output error) and an unknown metric (an Analysis error)
        var merge = Run("merge", Path.Combine(Path.GetTempPath(), "salient-no-such-" + Guid.NewGuid().ToString("N")), "--out", Path.Combine(Path.GetTempPath(), "x"));
        var sweep = Run("sweep", LineOfTowns, "--vary", "units.red-bn.personnel=300..900:2", "--metrics", "nope", "-n", "1");

        // Then each is one "error:" line and exit code 2
        Assert.Equal(2, merge.Code);
        Assert.Contains("does not exist or is not a folder", merge.Output, StringComparison.Ordinal);
        Assert.StartsWith("error: ", merge.Output.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(2, sweep.Code);
        Assert.Contains("error: --metrics: unknown metric 'nope'", sweep.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", merge.Output + sweep.Output, StringComparison.Ordinal);
    }
}
