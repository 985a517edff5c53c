using System.Diagnostics;
using System.Text;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>Problems found before binding: YAML syntax, document shape, aliases and size limits (SAL100, SAL103, SAL116).</summary>
public class YamlLevelTests
{
    [Fact]
    public void SyntaxError_IsReportedAtItsLineAndColumn()
    {
        // A second ':' inside a plain scalar: YamlDotNet stops at the offending colon.
        var text = LineOfTowns.Edit("  end: 2024-02-29\n", "  end: 2024-02-29: x\n");
        var d = SingleError(Load(text));
        var (line, _) = PositionOf(text, "  end: 2024-02-29: x");
        AssertAt(d, "SAL100", (line, "  end: 2024-02-29".Length + 1));
        Assert.Single(d.Arguments);
    }

    [Fact]
    public void UnclosedFlowSequence_IsASyntaxErrorWithAPosition()
    {
        var d = SingleError(Load("salient: 1\nname: x\ncalendar: [a\n"));
        Assert.Equal("SAL100", d.Code);
        Assert.Equal("test.yaml", d.Span.File);
        Assert.True(d.Span.Line >= 3, d.ToString());
        Assert.True(d.Span.Column >= 1, d.ToString());
    }

    [Fact]
    public void TabIndentation_IsASyntaxError()
    {
        var d = SingleError(Load("salient: 1\n\tname: x\n"));
        Assert.Equal("SAL100", d.Code);
        Assert.Equal(1, d.Span.Line);
    }

    [Fact]
    public void DuplicateMappingKey_IsASyntaxErrorAtTheSecondKey()
    {
        var text = LineOfTowns.Edit("    name: Red\n", "    name: Red\n    name: Reds\n");
        var d = SingleError(Load(text));
        AssertAt(d, "SAL100", PositionOf(text, "    name: Reds", "name"));
    }

    [Fact]
    public void EmptyDocument_IsAWrongTypeError()
    {
        var d = SingleError(Load(""));
        AssertAt(d, "SAL103", "test.yaml", 1, 1);
        Assert.Equal(["a scenario mapping", "an empty document"], d.Arguments);
    }

    [Fact]
    public void TopLevelList_IsAWrongTypeError()
    {
        var d = SingleError(Load("- a\n- b\n"));
        AssertAt(d, "SAL103", "test.yaml", 1, 1);
        Assert.Equal("a list", d.Arguments[1]);
    }

    [Fact]
    public void SecondDocument_IsReportedWhereItStarts()
    {
        var text = LineOfTowns + "---\nname: other\n";
        var d = SingleError(Load(text));
        AssertAt(d, "SAL100", PositionOf(text, "name: other"));
    }

    [Fact]
    public void AliasToAnUndefinedAnchor_IsReportedAtTheAlias()
    {
        var d = SingleError(Load("salient: 1\nname: &n x\ntitle: *missing\n"));
        AssertAt(d, "SAL100", "test.yaml", 3, 8);
    }

    [Fact]
    public void AliasToItsOwnEnclosingNode_IsRefusedAsACycle()
    {
        var d = SingleError(Load("salient: 1\nname: &a [1, *a]\n"));
        AssertAt(d, "SAL100", "test.yaml", 2, 14);
    }

    [Fact]
    public void AliasesWithinBudget_AreAccepted()
    {
        // An anchored quantity reused by a second unit is ordinary YAML.
        var text = LineOfTowns
            .Edit("personnel: { value: 600, source: assumption }", "personnel: &bn { value: 600, source: assumption }")
            .Edit("personnel: { value: 1500, source: assumption }", "personnel: *bn");
        var result = Load(text);
        AssertLoads(result);
        Assert.Equal(600, result.Scenario!.Units.Single(u => u.Id == "red-reserve").Personnel.Value);
    }

    /// <summary>Nine levels of nine aliases each: 9^9 (387 million) nodes once expanded, from about 600 bytes.</summary>
    public static string BillionLaughs(string placement)
    {
        var sb = new StringBuilder("lol: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        char previous = 'a';
        foreach (char c in "bcdefghi")
        {
            sb.Append(c).Append("x: &").Append(c).Append(" [").Append(string.Join(", ", Enumerable.Repeat($"*{previous}", 9))).Append("]\n");
            previous = c;
        }
        return placement switch
        {
            "unknown key" => "salient: 1\nname: bomb\n" + Indent(sb.ToString()),
            "as a list" => "salient: 1\nname: bomb\n" + Indent(sb.ToString()) + "units: *i\n",
            "as a mapping key" => "salient: 1\nname: bomb\n" + Indent(sb.ToString()) + "  ? *i\n  : 1\n",
            _ => throw new ArgumentOutOfRangeException(nameof(placement)),
        };

        static string Indent(string s) => "payload:\n" + string.Concat(s.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l + "\n"));
    }

    [Theory]
    [InlineData("unknown key")]
    [InlineData("as a list")]
    [InlineData("as a mapping key")]
    public void AliasBomb_EndsInDocumentTooLarge_Quickly(string placement)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = Load(BillionLaughs(placement));
        stopwatch.Stop();

        var d = SingleError(result);
        Assert.Equal("SAL116", d.Code);
        Assert.Equal([YamlContextBudget], d.Arguments);
        Assert.True(d.Span.Line > 0, d.ToString());
        // A hang detector, not a speed test: an unguarded bomb expands for minutes; the guard answers in milliseconds,
        // so a bound this loose cannot fail on a slow or loaded machine.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"took {stopwatch.Elapsed}");
    }

    private const string YamlContextBudget = "2000000";

    [Fact]
    public void DeepNesting_IsRefusedInsteadOfOverflowingTheStack()
    {
        int depth = 100_000;
        var d = SingleError(Load("x: " + new string('[', depth) + new string(']', depth) + "\n"));
        AssertAt(d, "SAL100", "test.yaml", 1, 4 + ScenarioLoader.MaxDepth - 1);
    }

    [Fact]
    public void NestingWithinTheLimit_IsOnlyAnUnknownKey()
    {
        int depth = ScenarioLoader.MaxDepth - 1;
        var result = Load("x: " + new string('[', depth) + new string(']', depth) + "\n");
        Assert.DoesNotContain(result.Diagnostics, d => d.Code is "SAL100" or "SAL116");
        AssertAt(result.Diagnostics.First(d => d.Code == "SAL101"), "SAL101", "test.yaml", 1, 1);
    }
}
