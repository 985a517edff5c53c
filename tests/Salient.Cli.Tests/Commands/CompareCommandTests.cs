using Spectre.Console.Testing;
using Xunit;

namespace Salient.Cli.Tests.Commands;

public sealed class CompareCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-compare-" + Guid.NewGuid().ToString("N"));

    public CompareCommandTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string Example()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Salient.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "scenarios/examples/line-of-towns");
    }

    [Fact]
    public void Compare_WritesPairedDifferencesForEachVariant()
    {
        var console = new TestConsole().Width(200);
        string outDir = Path.Combine(_root, "cmp");
        int code = SalientApp.Run(["compare", Example(), "--variants", "strong-red", "-n", "20", "--out", outDir], console);
        Assert.True(code == 0, console.Output);
        var csv = File.ReadAllLines(Path.Combine(outDir, "compare.csv"));
        Assert.StartsWith("variant,metric,kind,pairs,baseline_mean,variant_mean,difference,low,high", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, l => l.StartsWith("strong-red,casualties.total.blue,value,20,", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(outDir, "compare.json")));
        string html = File.ReadAllText(Path.Combine(outDir, "compare.html"));
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
        Assert.Contains("Change against the baseline", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_UnknownVariant_ExitsTwo()
    {
        var console = new TestConsole().Width(200);
        int code = SalientApp.Run(["compare", Example(), "--variants", "nope", "-n", "4", "--out", Path.Combine(_root, "x")], console);
        Assert.Equal(2, code);
        Assert.Contains("unknown variant 'nope'", console.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_root, "x")));
    }
}
