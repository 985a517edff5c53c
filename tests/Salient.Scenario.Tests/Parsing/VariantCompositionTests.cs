using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>Compositions of named variants, <c>--variant A+B</c> (SAL129), as <c>salient attribute</c> runs them.</summary>
public class VariantCompositionTests
{
    private static readonly string Text = LineOfTowns +
        "  - id: big-reserve\n    set:\n      units.red-reserve.personnel: 3000\n" +
        "  - id: strong-red-again\n    set:\n      units.red-bn.personnel: 1200\n" +
        "  - id: weak-red\n    set:\n      units.red-bn.personnel: 300\n";

    private static double Personnel(LoadResult r, string unit) => r.Scenario!.Units.Single(u => u.Id == unit).Personnel.Value;

    [Fact]
    public void Composition_AppliesEveryVariant_AndIsRecordedAsWritten()
    {
        var result = Load(Text, new LoadOptions("strong-red+big-reserve"));
        AssertLoads(result);
        Assert.Equal(1200, Personnel(result, "red-bn"));
        Assert.Equal(3000, Personnel(result, "red-reserve"));
        Assert.Equal("strong-red+big-reserve", result.Scenario!.Variant);
        Assert.NotEqual(Load(Text, new LoadOptions("strong-red")).Scenario!.Hash, result.Scenario.Hash);
    }

    [Fact]
    public void SingleVariant_HashIsUnchangedByTheCompositionSupport() =>
        // A one-variant run hashes "variant=<id>" as before, so recorded runs still match.
        Assert.Equal(Load(Text, new LoadOptions("strong-red")).Scenario!.Hash, Load(Text, new LoadOptions("strong-red")).Scenario!.Hash);

    [Fact]
    public void TwoVariantsSettingTheSameKeyToTheSameValue_Combine() =>
        AssertLoads(Load(Text, new LoadOptions("strong-red+strong-red-again")));

    [Fact]
    public void TwoVariantsSettingTheSameKeyDifferently_IsSal129_AtTheSecondVariantsKey()
    {
        var d = SingleError(Load(Text, new LoadOptions("strong-red+weak-red")));
        AssertAt(d, "SAL129", PositionOf(Text, "units.red-bn.personnel: 300", "units.red-bn.personnel"));
        Assert.Equal("strong-red+weak-red", d.Arguments[0]);
        Assert.Contains("'strong-red' to 1200 and 'weak-red' to 300", d.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AVariantNamedTwice_IsSal129()
    {
        var d = SingleError(Load(Text, new LoadOptions("strong-red+strong-red")));
        Assert.Equal("SAL129", d.Code);
        Assert.Contains("named twice", d.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownVariantInAComposition_IsSal120() =>
        Assert.Equal("SAL120", SingleError(Load(Text, new LoadOptions("strong-red+nope"))).Code);
}
