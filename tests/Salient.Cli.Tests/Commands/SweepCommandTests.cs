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
        Assert.Equal("point,units_red_bn_personnel,parameters_ground_lethality_red,metric,count,mean,p05,p50,p95,censored", csv[0]); // docs/outputs.md's column rule
        Assert.Equal(1 + (6 * 2), csv.Length);
        Assert.StartsWith("0,300,0.02,casualties.total.blue,10,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("5,900,0.04,control.area_km2.blue,10,", csv[12], StringComparison.Ordinal);
        foreach (string png in new[] { "casualties.total.blue--units.red-bn.personnel.png", "control.area_km2.blue--parameters.ground.lethality.red.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(outDir, png));
            Assert.True(bytes.Length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png);
        }
        using (var parquet = new ParquetSharp.ParquetFileReader(Path.Combine(outDir, "sweep.parquet")))
        {
            Assert.Equal(12, parquet.FileMetaData.NumRows);
            // The varied inputs are numbers (DOUBLE), so max() over them is 900, not the text '900' or '300'.
            using var group = parquet.RowGroup(0);
            for (int input = 1; input <= 2; input++)
            {
                using var values = group.Column(input).LogicalReader<double>();
                var expected = csv.Skip(1).Select(l => double.Parse(l.Split(',')[input], System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(expected, values.ReadAll(12));
            }
        }
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
        Assert.Contains("--vary units.red-bn.personnel=-5", console.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}

public sealed class MetricSelectorCommandTests() : TempFolderTest("selector")
{
    [Theory]
    [InlineData("sweep", "--metrics", "control.area_km2.blue@2024-03-01", "'control.area_km2.blue@2024-03-01': 2024-03-01 is outside the scenario's calendar, 2024-01-01 to 2024-02-29")]
    [InlineData("compare", "--metrics", "control.area_km2.bleu@2024-01-05", "unknown daily series 'control.area_km2.bleu'; did you mean 'control.area_km2.blue' or 'control.area_km2.red'? (the series: control.area_km2.blue, casualties.total.blue, personnel.blue")]
    [InlineData("sensitivity", "--outputs", "control.area_km2.blue@5 Jan", "'5 Jan' is not a date; write it as YYYY-MM-DD")]
    [InlineData("sweep", "--metrics", "personnel.blue", "'personnel.blue' is a daily series: give a date, e.g. personnel.blue@2024-02-29")]
    public void BadSelector_ExitsTwoWithMessage_WritesNothing(string command, string option, string selector, string message)
    {
        string[] rest = command switch
        {
            "sweep" => ["--vary", "units.red-bn.personnel=300,600", "-n", "2"],
            "compare" => ["--variants", "strong-red", "-n", "2"],
            _ => ["--inputs", "units.red-bn.personnel=300..900", "-n", "2", "--samples", "2"],
        };
        string outDir = Path.Combine(Root, "x");
        var (code, output) = Run([command, LineOfTowns, .. rest, option, selector, "--out", outDir]);
        Assert.Equal(2, code);
        Assert.Contains(option + ": ", output, StringComparison.Ordinal);
        Assert.Contains(message, output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public void Sweep_SeriesAtDate_AndCensoredDayMetric()
    {
        string outDir = Path.Combine(Root, "sw");
        var (code, output) = Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=300,900", "-n", "6",
            "--metrics", "casualties.total.blue@2024-02-29,casualties.total.blue,control.cleared.blue,control.cleared.red", "--out", outDir]);
        Assert.True(code == 0, output);
        var csv = File.ReadAllLines(Path.Combine(outDir, "sweep.csv"));
        Assert.Equal("point,units_red_bn_personnel,metric,count,mean,p05,p50,p95,censored", csv[0]);
        // Casualties are cumulative, so the series on the last day equals the final metric (to float precision).
        var daily = csv.Where(l => l.Contains(",casualties.total.blue@2024-02-29,", StringComparison.Ordinal)).Select(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var final = csv.Where(l => l.Contains(",casualties.total.blue,", StringComparison.Ordinal)).Select(l => double.Parse(l.Split(',')[4], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(final.Length, daily.Length);
        for (int i = 0; i < final.Length; i++) Assert.Equal(final[i], daily[i], 1e-3);
        // Blue is never cleared: all 6 replications censored at day 60, the day after the 60-day calendar.
        Assert.All(csv.Where(l => l.Contains(",control.cleared.blue,", StringComparison.Ordinal)), l => Assert.EndsWith(",6,60,60,60,60,1", l, StringComparison.Ordinal));
        Assert.Contains("after 2024-02-29", output, StringComparison.Ordinal);
        Assert.Contains("2024-01-0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Metrics_ReportsOnlyTheSelected()
    {
        string outDir = Path.Combine(Root, "cmp");
        var (code, output) = Run(["compare", LineOfTowns, "--variants", "strong-red", "-n", "8", "--metrics", "control.area_km2.blue@2024-01-15,control.cleared.red", "--out", outDir]);
        Assert.True(code == 0, output);
        var csv = File.ReadAllLines(Path.Combine(outDir, "compare.csv"));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("strong-red,control.area_km2.blue@2024-01-15,value,8,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("strong-red,control.cleared.red,days,", csv[2], StringComparison.Ordinal);
        Assert.Contains("control.area_km2.blue@2024-01-15", output, StringComparison.Ordinal);
    }
}
