using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>The scenarios shipped in scenarios/ load cleanly, and the scenario hash identifies exactly the inputs.</summary>
public class BundledScenarioTests
{
    /// <summary>Every folder under scenarios/ holding a scenario.yaml, relative to the repository root.</summary>
    private static List<string> BundledFolders() =>
        [.. Directory.GetFiles(Path.Combine(RepoRoot, "scenarios"), ScenarioLoader.ScenarioFileName, SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoRoot, Path.GetDirectoryName(f)!))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> BundledScenarios() => [.. BundledFolders()];

    [Fact]
    public void BothKnownScenariosAreBundled()
    {
        var folders = BundledFolders();
        Assert.Contains(Path.Combine("scenarios", "examples", "line-of-towns"), folders);
        Assert.Contains(Path.Combine("scenarios", "kursk-2024"), folders);
    }

    [Theory]
    [MemberData(nameof(BundledScenarios))]
    public void BundledScenario_LoadsWithoutErrors(string folder)
    {
        var result = ScenarioLoader.Load(Path.Combine(RepoRoot, folder));
        AssertLoads(result);
        Assert.StartsWith("sha256:", result.Scenario!.Hash, StringComparison.Ordinal);
        Assert.All(result.Diagnostics, d => Assert.Contains(d.Code, CatalogueCodes));
    }

    /// <remarks>Only the small example: each Kursk variant rebuilds its 4 km theatre (about a second each, a dozen variants).</remarks>
    [Theory]
    [InlineData("scenarios/examples/line-of-towns")]
    public void BundledScenario_EveryVariantLoads(string folder)
    {
        var names = ScenarioLoader.Load(Path.Combine(RepoRoot, folder)).Scenario!.VariantNames;
        foreach (var variant in names)
            AssertLoads(ScenarioLoader.Load(Path.Combine(RepoRoot, folder), new LoadOptions(variant)));
    }

    [Fact]
    public void LoadOfAMissingFolder_IsSal109()
    {
        var result = ScenarioLoader.Load(Path.Combine(FixturesDir, "no-such-scenario"));
        var d = SingleError(result);
        Assert.Equal("SAL109", d.Code);
        Assert.Equal(0, d.Span.Line);
    }

    [Fact]
    public void Hash_IsStableForTheSameInputs()
    {
        var a = Load(LineOfTowns).Scenario!.Hash;
        var b = Load(LineOfTowns).Scenario!.Hash;
        Assert.Equal(a, b);
        // Line endings do not change the hash.
        Assert.Equal(a, Load(LineOfTowns.Replace("\n", "\r\n", StringComparison.Ordinal)).Scenario!.Hash);
        // Nor does the name the text was loaded under.
        Assert.Equal(a, ScenarioLoader.LoadText(LineOfTowns, "other.yaml", LineOfTownsDir).Scenario!.Hash);
    }

    [Fact]
    public void Hash_ChangesWithTheText_AVariantAndAnOverride()
    {
        var plain = Load(LineOfTowns).Scenario!.Hash;
        var edited = Load(LineOfTowns.Edit("title: Line of towns (example)", "title: Line of towns")).Scenario!.Hash;
        var variant = Load(LineOfTowns, new LoadOptions("strong-red")).Scenario!.Hash;
        var overridden = LoadWith(LineOfTowns, "units.red-bn.personnel=700").Scenario!.Hash;
        var overriddenAgain = LoadWith(LineOfTowns, "units.red-bn.personnel=700").Scenario!.Hash;
        var otherOverride = LoadWith(LineOfTowns, "units.red-bn.personnel=701").Scenario!.Hash;

        Assert.Equal(5, new[] { plain, edited, variant, overridden, otherOverride }.Distinct().Count());
        Assert.Equal(overridden, overriddenAgain);
    }

    [Fact]
    public void EveryCatalogueEntry_HasAUniqueWellFormedCode()
    {
        var entries = typeof(ScenarioErrors).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ScenarioErrors.Entry))
            .Select(f => (ScenarioErrors.Entry)f.GetValue(null)!)
            .ToList();
        Assert.Equal(entries.Count, CatalogueCodes.Count);
        Assert.All(entries, e => Assert.Matches("^SAL[12][0-9]{2}$", e.Code));
        Assert.All(entries, e => Assert.Equal(e.Code.StartsWith("SAL2", StringComparison.Ordinal) ? Severity.Warning : Severity.Error, e.Severity));
    }
}
