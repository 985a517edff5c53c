using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>
/// A calibration file whose <c>scenario_hash</c> is not the hash of the scenario as written (SAL205): it still applies,
/// but the load says it is stale. The hash compared is the one <c>salient calibrate</c> records: the scenario loaded
/// uncalibrated, without variant or --set.
/// </summary>
public sealed class StaleCalibrationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"salient-stalecal-{Guid.NewGuid():N}");

    /// <summary>A copy of the grid-theatre fixture (two GeoJSON regions and a settlements CSV) naming a calibration file.</summary>
    public StaleCalibrationTests()
    {
        Directory.CreateDirectory(_dir);
        foreach (string f in new[] { "scenario.yaml", "west.geojson", "east.geojson", "settlements.csv" })
            File.Copy(Path.Combine(GridTheatreDir, f), Path.Combine(_dir, f));
        File.AppendAllText(ScenarioFile, "calibration: calibration.yaml\n");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string ScenarioFile => Path.Combine(_dir, "scenario.yaml");

    /// <summary>The hash <c>salient calibrate</c> records for the folder as it is now.</summary>
    private string CalibrateHash() => ScenarioLoader.Load(_dir, new LoadOptions(Uncalibrated: true)).Scenario!.Hash;

    /// <summary>Writes calibration.yaml as calibrate does, with <paramref name="hash"/> on its line 3.</summary>
    private void WriteCalibration(string? hash) => File.WriteAllText(Path.Combine(_dir, "calibration.yaml"),
        "salient_calibration: 1\nmethod: abc-smc\n" + (hash is null ? "" : $"scenario_hash: \"{hash}\"\n")
        + "set:\n  parameters.ground.lethality.red: { dist: normal, mean: 0.05, sd: 0.01, min: 0.01, max: 0.09, calibrate: true, source: posterior }\n");

    private LoadResult LoadFolder(LoadOptions? options = null)
    {
        var result = ScenarioLoader.Load(_dir, options);
        AssertLoads(result);
        Assert.Equal(0.05, result.Scenario!.Parameters["ground.lethality.red"].Distribution!.Mean, 12); // applied either way
        return result;
    }

    private static bool Warned(LoadResult r) => r.Diagnostics.Any(d => d.Code == ScenarioErrors.CalibrationStale.Code);

    [Fact]
    public void CalibrationOfTheScenarioAsWritten_IsNotStale_UnderAVariantOrSet()
    {
        WriteCalibration(CalibrateHash());
        foreach (var options in new LoadOptions?[] { null, new(null, ["parameters.ground.lethality.blue=0.02"]), new(null, ["parameters.ground.lethality.red=0.07"]) })
        {
            var r = ScenarioLoader.Load(_dir, options);
            AssertLoads(r);
            Assert.False(Warned(r));
            Assert.Null(r.Scenario!.StaleCalibration);
        }
    }

    [Fact]
    public void EditedScenario_IsStale_AtTheFilesHash_AndStillApplied()
    {
        string fitted = CalibrateHash();
        WriteCalibration(fitted);
        File.WriteAllText(ScenarioFile, File.ReadAllText(ScenarioFile).Replace("end: 2024-03-31", "end: 2024-03-30", StringComparison.Ordinal));
        string current = CalibrateHash();
        Assert.NotEqual(fitted, current);

        var r = LoadFolder();
        var stale = r.Scenario!.StaleCalibration;
        Assert.Equal(new Model.StaleCalibration("calibration.yaml", fitted, current), stale);
        var d = Assert.Single(r.Diagnostics, d => d.Code == "SAL205");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.EndsWith("calibration.yaml", d.Span.File, StringComparison.Ordinal);
        Assert.Equal((3, 16), (d.Span.Line, d.Span.Column));
        Assert.Contains(fitted[..19], d.Message, StringComparison.Ordinal);
        Assert.Contains(current[..19], d.Message, StringComparison.Ordinal);
        Assert.Contains("--install", d.Message, StringComparison.Ordinal);
        Assert.True(ScenarioLoader.Load(_dir, new LoadOptions(Uncalibrated: true)).Diagnostics.All(x => x.Code != "SAL205"));
    }

    [Fact]
    public void EditedSideFile_IsStale()
    {
        WriteCalibration(CalibrateHash());
        File.AppendAllText(Path.Combine(_dir, "west.geojson"), "\n");
        Assert.True(Warned(LoadFolder()));
    }

    [Fact]
    public void SetNamingAnotherSideFile_ComparesTheScenarioAsWritten()
    {
        // The override reads west-copy.geojson instead of west.geojson, so this load's side files are not the scenario's
        // as written; the check must still compare with what calibrate hashed.
        File.Copy(Path.Combine(_dir, "west.geojson"), Path.Combine(_dir, "west-copy.geojson"));
        WriteCalibration(CalibrateHash());
        var swap = new LoadOptions(null, ["theatre.regions.west.file=west-copy.geojson"]);
        Assert.Null(LoadFolder(swap).Scenario!.StaleCalibration);

        File.WriteAllText(ScenarioFile, File.ReadAllText(ScenarioFile) + "# edited\n");
        var plain = LoadFolder().Scenario!.StaleCalibration!;
        Assert.Equal(plain, LoadFolder(swap).Scenario!.StaleCalibration);
        Assert.Equal(CalibrateHash(), plain.CurrentHash);
    }

    [Fact]
    public void CalibrationWithoutAHash_IsAppliedUnchecked()
    {
        WriteCalibration(null);
        File.WriteAllText(ScenarioFile, File.ReadAllText(ScenarioFile) + "# edited\n");
        var r = LoadFolder();
        Assert.False(Warned(r));
        Assert.Null(r.Scenario!.StaleCalibration);
    }

    [Fact]
    public void ShortHash_KeepsTwelveHexDigits()
    {
        Assert.Equal("sha256:0123456789ab", Model.StaleCalibration.Short("sha256:0123456789abcdef"));
        Assert.Equal("sha256:01", Model.StaleCalibration.Short("sha256:01"));
    }
}
