using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Robustness;

/// <summary>
/// Anything validate accepts, run runs, report included: the ends of the calendar's years and of the latitudes, which
/// used to pass validate and crash run (the report's charts with years before 100 or in 9998-9999, the projection at
/// the poles).
/// </summary>
public sealed class BoundaryRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-boundary-" + Guid.NewGuid().ToString("N"));

    public BoundaryRunTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("1004", "50")]
    [InlineData("8996", "50")]
    [InlineData("2024", "89")]
    [InlineData("2024", "-89")]
    public void ScenarioAtTheEdgeOfTheAcceptedRanges_RunsWithItsReport(string year, string lat)
    {
        // Given the example scenario moved near the ends of the accepted years (leap years, like its own 2024) or to
        // the ends of the accepted latitudes
        string text = File.ReadAllText(Path.Combine(LineOfTowns, "scenario.yaml"))
            .Replace("2024-", $"{year}-", StringComparison.Ordinal)
            .Replace("lat: 50,", $"lat: {lat},", StringComparison.Ordinal);
        string scenario = Path.Combine(_root, "edge");
        Directory.CreateDirectory(scenario);
        File.WriteAllText(Path.Combine(scenario, "scenario.yaml"), text);

        // When it is validated, then run with its report
        var (validated, validation) = Run("validate", scenario);
        var (code, output) = Run("run", scenario, "-n", "4", "--out", Path.Combine(_root, "out"));

        // Then both succeed: no stack trace, and the report is there
        Assert.True(validated == 0, validation);
        Assert.True(code == 0, output);
        Assert.True(File.Exists(Path.Combine(_root, "out", "report.html")));
    }
}
