using Salient.Scenario.Geometry;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>
/// Inputs that used to be accepted and then silently ignored or distorted are refused with a positioned error, and
/// error messages name paths that <c>--set</c> accepts.
/// </summary>
public sealed class RefusedNotIgnoredTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"salient-refused-{Guid.NewGuid():N}");

    public RefusedNotIgnoredTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("theatre.grid.hex_km=5", "grid")]
    [InlineData("theatre.snap_km=1", "snap_km")]
    [InlineData("theatre.settlements=towns.csv", "settlements")]
    public void RegionOnlyKeys_OnAnExplicitNodeTheatre_AreRefusedAtTheSet(string set, string key)
    {
        var d = SingleError(Load(LineOfTowns, new LoadOptions(null, [set])));
        Assert.Equal("SAL124", d.Code);
        Assert.Equal($"--set {set}", d.Span.File);
        Assert.Contains($"'{key}' would have no effect here", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("radio")]
    [InlineData("none")]
    public void GnssDependence_OnAFiresLinkOtherThanGnss_IsRefusedAtItsKey(string link)
    {
        // Only GNSS jamming reads gnss_dependence; on any other link it was accepted and ignored.
        var text = LineOfTowns.Edit("cost_usd: { value: 1000000, source: assumption } }\n",
            "cost_usd: { value: 1000000, source: assumption } }\n  - id: gun\n    class: artillery\n    fires: { link: " + link
            + ", range_km: 20, rate_per_day: 10, gnss_dependence: 0.5 }\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL124", PositionOf(text, "fires: { link", "gnss_dependence"));
        Assert.Contains("only GNSS jamming reads it", d.Message, StringComparison.Ordinal);
        AssertLoads(Load(text.Replace("link: " + link, "link: gnss", StringComparison.Ordinal)));
    }

    [Fact]
    public void RegionOnlyKey_WrittenInAnExplicitNodeTheatre_IsRefusedAtItsLine()
    {
        var text = LineOfTowns.Edit("theatre:\n", "theatre:\n  grid: { hex_km: 5 }\n");
        var d = SingleError(Load(text));
        Assert.Equal("SAL124", d.Code);
        Assert.Equal(("test.yaml", 19, 3), (d.Span.File, d.Span.Line, d.Span.Column));
    }

    private const string Fitted = "salient_calibration: 1\nset:\n  parameters.ground.lethality.red: {0}\n";

    private static double RedLethality(LoadResult r) => r.Scenario!.Parameters["ground.lethality.red"].Value;

    [Fact]
    public void SetCalibration_ChoosesTheCalibrationFileThatIsApplied()
    {
        // Given a scenario naming a.yaml as its calibration, and another calibration file b.yaml
        File.WriteAllText(Path.Combine(_dir, "a.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, Fitted, "0.05"));
        File.WriteAllText(Path.Combine(_dir, "b.yaml"), string.Format(System.Globalization.CultureInfo.InvariantCulture, Fitted, "0.07"));
        var scenario = LineOfTowns.Edit("variants:", "calibration: a.yaml\nvariants:");

        // When it is loaded as written, and with --set calibration=b.yaml
        var asWritten = Load(scenario, null, _dir);
        var chosen = Load(scenario, new LoadOptions(null, ["calibration=b.yaml"]), _dir);

        // Then the second applies b.yaml (it used to be ignored: the calibration was applied before --set)
        AssertLoads(asWritten);
        AssertLoads(chosen);
        Assert.Equal(0.05, RedLethality(asWritten), 12);
        Assert.Equal(0.07, RedLethality(chosen), 12);
        Assert.Equal("b.yaml", chosen.Scenario!.Calibration);
    }

    [Fact]
    public void SetCalibration_WithUncalibrated_IsRefused()
    {
        var d = SingleError(Load(LineOfTowns, new LoadOptions(null, ["calibration=b.yaml"], Uncalibrated: true), _dir));
        Assert.Equal("SAL114", d.Code);
        Assert.Contains("--uncalibrated", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AVariantSettingTheCalibration_IsRefusedAtItsKey()
    {
        var text = LineOfTowns.Edit("      units.red-bn.personnel: 1200", "      units.red-bn.personnel: 1200\n      calibration: other.yaml");
        var d = SingleError(Load(text, new LoadOptions("strong-red")));
        Assert.Equal("SAL124", d.Code);
        Assert.Contains("applied before any variant", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AReinforcementsError_NamesThePathThatSetAccepts()
    {
        // Given a bad value set through the path --set accepts
        var d = SingleError(Load(LineOfTowns, new LoadOptions(null, ["reinforcements.0.per_day=-1"])));

        // Then the message names that same path (it named 'reinforcements.red-bn.1.per_day', which --set refuses)
        Assert.Equal("SAL104", d.Code);
        Assert.StartsWith("reinforcements.0.per_day must be", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AHemisphereSizedRegion_IsRefusedAtItsFile_NotSilentlyDistorted()
    {
        // Given the grid fixture whose east region is replaced by a polygon spanning 100° of longitude
        foreach (var f in Directory.GetFiles(GridTheatreDir)) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(_dir, "east.geojson"),
            """{"type":"Polygon","coordinates":[[[30.2,-10],[130,-10],[130,60],[30.2,60],[30.2,-10]]]}""");

        // When it is loaded
        var d = Load(GridTheatre, null, _dir).Diagnostics.First(x => x.Code == "SAL122");

        // Then it is refused at the east region's file, saying how far the theatre reaches
        Assert.Equal(11, d.Span.Line);
        Assert.Contains($"equal-area projection keeps distances within 1.6% only up to {TheatreExtent.MaxReachDeg:0}°", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(20.0)]
    [InlineData(45.0)]
    public void Reach_OfABoxAlongTheEquator_IsItsHalfWidth(double halfWidthDeg)
    {
        // On the equator the angle to (lon ± w, 0) is exactly w (to rounding: tolerance 1e-9 degrees).
        var box = new NetTopologySuite.Geometries.Envelope(-halfWidthDeg, halfWidthDeg, 0, 0);
        Assert.Equal(halfWidthDeg, TheatreExtent.ReachDeg((0, 0), box), 9);
        Assert.Equal(90.0, TheatreExtent.AngleDeg((0, 0), (0, 90)), 9);
    }
}
