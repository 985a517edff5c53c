using System.Text.Json;
using Spectre.Console.Testing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

public sealed class AttributeCommandTests() : TempFolderTest("attribute")
{
    private static string Towns => Path.Combine(Repo, "scenarios", "examples", "towns-attribution");

    [Fact]
    public void Attribute_WritesRemovalEffectsAndAnEfficientShapleyDecomposition()
    {
        var console = new TestConsole().Width(250);
        string outDir = Path.Combine(Root, "attr");
        int code = SalientApp.Run(["attribute", Towns, "--mechanisms", "reserve=no-reserve,no-reinforcements,no-town-defence",
            "--outcomes", "casualties.total.red,control.area_km2.blue@2024-02-01,capture.e1.blue<=2024-02-15", "-n", "16", "--bootstrap", "100", "--threads", "2", "--out", outDir], console);
        Assert.True(code == 0, console.Output);
        var csv = File.ReadAllLines(Path.Combine(outDir, "attribution.csv"));
        Assert.Equal("outcome,kind,mechanism,variant,all_mean,none_mean,without_mean,removal,removal_low,removal_high,shapley,shapley_low,shapley_high", csv[0]);
        Assert.Equal(1 + 3 * 3, csv.Length);
        Assert.Contains(csv, l => l.StartsWith("\"casualties.total.red\",value,reserve,no-reserve,", StringComparison.Ordinal));
        Assert.Contains(csv, l => l.StartsWith("\"capture.e1.blue<=2024-02-15\",probability,", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "attribution.json")));
        Assert.Equal(8, json.RootElement.GetProperty("runs").GetInt32());
        foreach (var outcome in json.RootElement.GetProperty("outcomes").EnumerateArray())
        {
            double sum = outcome.GetProperty("mechanisms").EnumerateArray().Sum(m => m.GetProperty("shapley").GetProperty("value").GetDouble());
            Assert.Equal(outcome.GetProperty("total").GetDouble(), sum, 6);
            Assert.Equal(8, outcome.GetProperty("coalitions").GetArrayLength());
        }
        foreach (var f in new[] { "attribution.html", "attribution-section.html", "attribution-1.png", "attribution-3.png" })
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        Assert.StartsWith("<section id=\"attribution\">", File.ReadAllText(Path.Combine(outDir, "attribution-section.html")), StringComparison.Ordinal);
        Assert.Contains("sum of Shapley values", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Attribute_SameSeed_SameBytes()
    {
        string[] Args(string o) => ["attribute", Towns, "--mechanisms", "no-reserve,no-town-defence", "--outcomes", "casualties.total.blue", "-n", "8", "--bootstrap", "50", "--out", o];
        string a = Path.Combine(Root, "a"), b = Path.Combine(Root, "b");
        Assert.Equal(0, SalientApp.Run(Args(a), new TestConsole()));
        Assert.Equal(0, SalientApp.Run([.. Args(b), "--threads", "1"], new TestConsole()));
        Assert.Equal(File.ReadAllText(Path.Combine(a, "attribution.json")), File.ReadAllText(Path.Combine(b, "attribution.json")));
    }

    [Theory]
    [InlineData("nope", "unknown variant 'nope'")]
    [InlineData("no-reserve,no-reserve", "given more than once")]
    [InlineData("a=no-reserve,b=no-reinforcements,c=no-town-defence,d=no-blue-armour,e=strong-red,f=no-reserve,g=no-reserve,h=no-reserve,i=no-reserve,j=no-reserve,k=no-reserve", "limited to 10")]
    public void Attribute_BadMechanisms_ExitTwo_AndWriteNothing(string mechanisms, string message)
    {
        var console = new TestConsole().Width(250);
        int code = SalientApp.Run(["attribute", Towns, "--mechanisms", mechanisms, "-n", "4", "--out", Path.Combine(Root, "x")], console);
        Assert.Equal(2, code);
        Assert.Contains(message, console.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(Root, "x")));
    }
}
