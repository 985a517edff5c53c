using Spectre.Console.Testing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

public sealed class SweepCommandTests() : TempFolderTest("sweep")
{
    [Fact]
    public void Sweep_Factorial_WritesOneRowPerPointAndMetric_AndPlots()
    {
        var console = new TestConsole().Width(200);
        string outDir = Path.Combine(Root, "sw");
        int code = SalientApp.Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=300..900:3", "--vary", "parameters.ground.lethality.red=0.02,0.04",
            "-n", "10", "--metrics", "casualties.total.blue,control.area_km2.blue", "--out", outDir], console);
        Assert.True(code == 0, console.Output);
        var csv = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal("point,units.red-bn.personnel,parameters.ground.lethality.red,metric,count,mean,p05,p50,p95", csv[0]);
        Assert.Equal(1 + (6 * 2), csv.Length);
        Assert.StartsWith("0,300,0.02,casualties.total.blue,10,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("5,900,0.04,control.area_km2.blue,10,", csv[12], StringComparison.Ordinal);
        foreach (string png in new[] { "casualties.total.blue--units.red-bn.personnel.png", "control.area_km2.blue--parameters.ground.lethality.red.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(outDir, png));
            Assert.True(bytes.Length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
        using (var parquet = new ParquetSharp.ParquetFileReader(Path.Combine(outDir, "sweep.parquet")))
            Assert.Equal(12, parquet.FileMetaData.NumRows);
        Assert.Contains("Sweep: 6 points x 10 replications", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_CommonRandomNumbers_SamePointGivesSameResultAsRun()
    {
        // The point personnel=600 of a sweep equals a sweep of that single value: every point uses the same seed.
        var console = new TestConsole().Width(200);
        string a = Path.Combine(Root, "a"), b = Path.Combine(Root, "b");
        Assert.Equal(0, SalientApp.Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=300..900:3", "-n", "8", "--metrics", "casualties.total.blue", "--out", a], console));
        Assert.Equal(0, SalientApp.Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=600", "-n", "8", "--metrics", "casualties.total.blue", "--out", b], console));
        string Tail(string line) => line[line.IndexOf(",casualties", StringComparison.Ordinal)..];
        Assert.Equal(Tail(File.ReadAllLines(Path.Combine(b, "sweep.csv"))[1]), Tail(File.ReadAllLines(Path.Combine(a, "sweep.csv"))[2]));
    }

    [Fact]
    public void Sweep_MonotoneInRedStrength_BlueCasualtiesRise()
    {
        var console = new TestConsole().Width(200);
        string outDir = Path.Combine(Root, "m");
        Assert.Equal(0, SalientApp.Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=300..900:3", "-n", "20", "--metrics", "casualties.total.blue", "--out", outDir], console));
        var means = File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(3, means.Length);
        Assert.True(means[0] < means[1] && means[1] < means[2], string.Join(", ", means));
    }

    [Fact]
    public void Sweep_LatinHypercube_WritesNPoints()
    {
        var console = new TestConsole().Width(200);
        string outDir = Path.Combine(Root, "lhs");
        int code = SalientApp.Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=300..900", "--vary", "parameters.ground.lethality.red=0.01..0.04",
            "--lhs", "5", "-n", "4", "--metrics", "casualties.total.blue", "--out", outDir], console);
        Assert.True(code == 0, console.Output);
        Assert.Equal(6, File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Length);
    }

    [Theory]
    [InlineData("units.red-bn.personnel=300..900", "--vary units.red-bn.personnel: a range needs a number of steps")]
    [InlineData("units.red-bn.personnel=300..x:3", "--vary units.red-bn.personnel: the upper bound 'x' is not a number")]
    [InlineData("units.red-bn.personnel", "expected path=a,b,c or path=lo..hi:steps")]
    public void Sweep_BadVary_ExitsTwoWithMessage(string vary, string message)
    {
        var console = new TestConsole().Width(300);
        int code = SalientApp.Run(["sweep", LineOfTowns, "--vary", vary, "-n", "2", "--out", Path.Combine(Root, "x")], console);
        Assert.Equal(2, code);
        Assert.Contains(message, console.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "x")));
    }

    [Fact]
    public void Sweep_UnknownMetric_ExitsTwo()
    {
        var console = new TestConsole().Width(300);
        int code = SalientApp.Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=300,600", "-n", "2", "--metrics", "casualties.nope", "--out", Path.Combine(Root, "x")], console);
        Assert.Equal(2, code);
        Assert.Contains("unknown metric 'casualties.nope'", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sweep_BadValue_ReportsTheScenarioError()
    {
        var console = new TestConsole().Width(300);
        int code = SalientApp.Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=-5,600", "-n", "2", "--out", Path.Combine(Root, "x")], console);
        Assert.Equal(2, code);
        Assert.Contains("--set units.red-bn.personnel=-5", console.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
