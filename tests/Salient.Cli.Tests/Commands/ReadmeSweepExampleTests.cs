using System.Globalization;
using Spectre.Console.Testing;
using Xunit;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Commands;

/// <summary>The sweep the README and the root help show must show something: the ground blue holds changes across its points.</summary>
public sealed class ReadmeSweepExampleTests() : TempFolderTest("readme-sweep")
{
    [Fact]
    public void ReadmeSweep_GroundHeld_ChangesAcrossThePoints()
    {
        // Given the README's example (fewer replications: the tipping point is far from the noise), when it runs,
        // then blue's ground at the end is not the same at every point (it was flat at 300..900).
        string readme = File.ReadAllText(Path.Combine(Repo, "README.md"));
        const string example = "--vary units.red-bn.personnel=600..3000:4";
        Assert.Contains(example, readme, StringComparison.Ordinal);
        string outDir = Path.Combine(Root, "sweep");
        var console = new TestConsole().Width(200);
        Assert.Equal(0, SalientApp.Run(["sweep", LineOfTowns, "--vary", "units.red-bn.personnel=600..3000:4", "-n", "10", "--metrics", "control.area_km2.blue", "--out", outDir], console));
        var means = File.ReadAllLines(Path.Combine(outDir, "sweep.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[4], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(4, means.Count);
        Assert.True(means.Max() - means.Min() >= 100, $"blue's ground barely moves across the sweep: {string.Join(", ", means)}");
    }
}
