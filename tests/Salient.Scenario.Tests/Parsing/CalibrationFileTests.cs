using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>The scenario's <c>calibration</c> file: applied as the baseline before variants and --set, hashed, and skippable.</summary>
public sealed class CalibrationFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"salient-calfile-{Guid.NewGuid():N}");

    public CalibrationFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string Scenario = LineOfTowns.Edit("variants:", "calibration: calibration.yaml\nvariants:");

    private LoadResult LoadWithFile(string calibration, LoadOptions? options = null)
    {
        File.WriteAllText(Path.Combine(_dir, "calibration.yaml"), calibration);
        return Load(Scenario, options, _dir);
    }

    // The window [0.01, 0.09] is symmetric about the mean, so the truncated mean is 0.05 exactly.
    private const string Fitted = "salient_calibration: 1\nmethod: abc-smc\nset:\n  parameters.ground.lethality.red: { dist: normal, mean: 0.05, sd: 0.01, min: 0.01, max: 0.09, calibrate: true, source: posterior }\n";

    private static double RedLethality(LoadResult r) => r.Scenario!.Parameters["ground.lethality.red"].Distribution?.Mean ?? r.Scenario.Parameters["ground.lethality.red"].Value;

    [Fact]
    public void CalibrationFile_IsTheBaseline_AndJoinsTheHash()
    {
        var calibrated = LoadWithFile(Fitted);
        AssertLoads(calibrated);
        Assert.Equal(0.05, RedLethality(calibrated), 12);
        Assert.Equal("calibration.yaml", calibrated.Scenario!.Calibration);
        Assert.Equal("posterior", calibrated.Scenario.Parameters["ground.lethality.red"].Source);

        var asWritten = LoadWithFile(Fitted, new LoadOptions(Uncalibrated: true));
        AssertLoads(asWritten);
        Assert.Equal(0.03, RedLethality(asWritten), 12);
        Assert.Null(asWritten.Scenario!.Calibration);
        Assert.NotEqual(calibrated.Scenario.Hash, asWritten.Scenario.Hash);

        var refit = LoadWithFile(Fitted.Replace("mean: 0.05", "mean: 0.06", StringComparison.Ordinal));
        Assert.NotEqual(calibrated.Scenario.Hash, refit.Scenario!.Hash);
    }

    [Fact]
    public void VariantsAndSet_ApplyOnTopOfTheCalibration()
    {
        var overridden = LoadWithFile(Fitted, new LoadOptions(null, ["parameters.ground.lethality.red=0.07"]));
        Assert.Equal(0.07, RedLethality(overridden), 12);
        var variant = LoadWithFile(Fitted, new LoadOptions("strong-red"));
        AssertLoads(variant);
        Assert.Equal(0.05, RedLethality(variant), 12);
        Assert.Equal(1200, variant.Scenario!.Units.Single(u => u.Id == "red-bn").Personnel.Value);
    }

    [Fact]
    public void CalibrationFile_OnlySetsParameters()
    {
        var d = SingleError(LoadWithFile("set:\n  units.red-bn.personnel: 5\n"));
        Assert.Equal("SAL114", d.Code);
        Assert.EndsWith("calibration.yaml", d.Span.File, StringComparison.Ordinal);
        Assert.Equal((2, 3), (d.Span.Line, d.Span.Column));
    }

    [Fact]
    public void BadValueInTheCalibrationFile_IsReportedAtItsLineInThatFile()
    {
        var d = SingleError(LoadWithFile("set:\n  parameters.ground.lethality.red: { dist: normal, mean: 0.05, sd: -1 }\n"));
        Assert.EndsWith("calibration.yaml", d.Span.File, StringComparison.Ordinal);
        Assert.Equal(2, d.Span.Line);
    }

    [Fact]
    public void MissingFile_IsAnError_UnlessUncalibrated()
    {
        var missing = SingleError(Load(Scenario, null, _dir));
        Assert.Equal("SAL109", missing.Code);
        AssertLoads(Load(Scenario, new LoadOptions(Uncalibrated: true), _dir));
    }

    [Fact]
    public void UnknownKey_IsReportedInTheCalibrationFile()
    {
        var result = LoadWithFile("sett:\n  parameters.ground.lethality.red: 0.04\n");
        var unknown = Single(result, "SAL101");
        Assert.EndsWith("calibration.yaml", unknown.Span.File, StringComparison.Ordinal);
        Assert.Equal((1, 1), (unknown.Span.Line, unknown.Span.Column));
        AssertLoads(LoadWithFile("set: {}\n"));
    }
}
