using Spectre.Console.Testing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

public sealed class CompareCommandTests() : TempFolderTest("compare")
{
    [Fact]
    public void Compare_WritesPairedDifferencesForEachVariant()
    {
        var console = new TestConsole().Width(200);
        string outDir = Path.Combine(Root, "cmp");
        int code = SalientApp.Run(["compare", LineOfTowns, "--variants", "strong-red", "-n", "20", "--out", outDir], console);
        Assert.True(code == 0, console.Output);
        var csv = File.ReadAllLines(Path.Combine(outDir, "compare.csv"));
        Assert.StartsWith("variant,metric,kind,pairs,baseline_mean,variant_mean,difference,low,high", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.StartsWith("strong-red,casualties.total.blue,value,20,", StringComparison.Ordinal));
        // Day metrics carry their mean day as a date too (line-of-towns starts on 2024-01-01); value metrics leave it empty.
        var header = csv[0].Split(',');
        int mean = Array.IndexOf(header, "baseline_mean"), date = Array.IndexOf(header, "baseline_date"), kind = Array.IndexOf(header, "kind");
        var dayRows = csv.Skip(1).Select(l => l.Split(',')).Where(f => f[kind] == "days" && f[mean].Length > 0).ToList();
        Assert.NotEmpty(dayRows);
        foreach (var f in dayRows)
        {
            double day = double.Parse(f[mean], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(new DateOnly(2024, 1, 1).AddDays((int)Math.Round(day, MidpointRounding.AwayFromZero)), DateOnly.ParseExact(f[date], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.All(csv.Skip(1).Select(l => l.Split(',')).Where(f => f[kind] == "value"), f => Assert.Equal("", f[date]));
        Assert.True(File.Exists(Path.Combine(outDir, "compare.json")));
        string html = File.ReadAllText(Path.Combine(outDir, "compare.html"));
        Assert.Contains("<figure class=\"forest\">", html, StringComparison.Ordinal); // a forest plot, inline SVG
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.Contains("Change against the baseline", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_UnknownVariant_ExitsTwo()
    {
        var console = new TestConsole().Width(200);
        int code = SalientApp.Run(["compare", LineOfTowns, "--variants", "nope", "-n", "4", "--out", Path.Combine(Root, "x")], console);
        Assert.Equal(2, code);
        Assert.Contains("unknown variant 'nope'", console.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "x")));
    }
}
