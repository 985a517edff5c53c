using System.Globalization;
using Spectre.Console.Testing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

public sealed class SensitivityCommandTests() : TempFolderTest("sens")
{
    private const string Inputs = "units.red-bn.personnel=300..900,parameters.ground.lethality.red=0.01..0.04,units.blue-bde.experience=0.9..1.1";

    [Fact]
    public void Morris_WritesMuStarPerInput_AndAPlot()
    {
        var console = new TestConsole().Width(200);
        string outDir = Path.Combine(Root, "morris");
        int code = SalientApp.Run(["sensitivity", LineOfTowns, "--method", "morris", "--inputs", Inputs, "--outputs", "casualties.total.blue",
            "-n", "10", "--samples", "4", "--out", outDir], console);
        Assert.True(code == 0, console.Output);
        var csv = File.ReadAllLines(Path.Combine(outDir, "sensitivity.csv"));
        Assert.Equal("output,input,low,high,mu_star,mu,sigma,censored", csv[0]);
        Assert.Equal(4, csv.Length);
        var muStar = csv.Skip(1).ToDictionary(l => l.Split(',')[1], l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture));
        // More red personnel and red lethality both raise blue casualties; both matter.
        Assert.True(muStar["units.red-bn.personnel"] > 0 && muStar["parameters.ground.lethality.red"] > 0, string.Join("; ", csv));
        Assert.Equal(1 + (4 * 4), File.ReadAllLines(Path.Combine(outDir, "points.csv")).Length);
        Assert.True(new FileInfo(Path.Combine(outDir, "sensitivity-casualties.total.blue.png")).Length > 1000);
        Assert.Contains("Morris screening of casualties.total.blue", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sobol_WritesIndicesWithIntervals()
    {
        var console = new TestConsole().Width(200);
        string outDir = Path.Combine(Root, "sobol");
        int code = SalientApp.Run(["sensitivity", LineOfTowns, "--method", "sobol", "--inputs", "units.red-bn.personnel=300..900,parameters.ground.lethality.red=0.01..0.04",
            "--outputs", "casualties.total.blue", "-n", "5", "--samples", "16", "--bootstrap", "100", "--out", outDir], console);
        Assert.True(code == 0, console.Output);
        var csv = File.ReadAllLines(Path.Combine(outDir, "sensitivity.csv"));
        Assert.Equal("output,input,low,high,s1,s1_low,s1_high,st,st_low,st_high,censored", csv[0]);
        Assert.Equal(3, csv.Length);
        foreach (var line in csv.Skip(1))
        {
            var f = line.Split(',').Skip(4).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            Assert.True(f[1] <= f[0] && f[0] <= f[2], line);
            Assert.True(f[4] <= f[3] && f[3] <= f[5], line);
        }
        Assert.Equal(1 + (16 * 4), File.ReadAllLines(Path.Combine(outDir, "points.csv")).Length);
    }

    [Fact]
    public void Sensitivity_ListInput_ExitsTwoWithMessage()
    {
        var console = new TestConsole().Width(300);
        int code = SalientApp.Run(["sensitivity", LineOfTowns, "--inputs", "units.red-bn.personnel=300", "--outputs", "casualties.total.blue", "--out", Path.Combine(Root, "x")], console);
        Assert.Equal(2, code);
        Assert.Contains("--inputs units.red-bn.personnel: expected a range lo..hi, found '300'", console.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Sensitivity_UnknownMethod_ExitsTwo()
    {
        var console = new TestConsole().Width(300);
        int code = SalientApp.Run(["sensitivity", LineOfTowns, "--method", "fast", "--inputs", "a=0..1", "--outputs", "casualties.total.blue"], console);
        Assert.Equal(2, code);
        Assert.Contains("--method must be morris or sobol", console.Output, StringComparison.Ordinal);
    }
}
