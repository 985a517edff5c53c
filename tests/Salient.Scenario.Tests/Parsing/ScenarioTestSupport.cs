using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;
using Xunit;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>Shared helpers for the loader tests: the repository's scenarios, text edits and diagnostic assertions.</summary>
internal static class ScenarioTestSupport
{
    /// <summary>The folder holding Salient.slnx, found by walking up from the test binaries.</summary>
    public static string RepoRoot => Salient.Testing.TestRepository.Root;

    public static string LineOfTownsDir => Path.Combine(RepoRoot, "scenarios", "examples", "line-of-towns");

    public static string KurskDir => Path.Combine(RepoRoot, "scenarios", "kursk-2024");

    /// <summary>This project's own fixtures (not Geometry/Fixtures).</summary>
    public static string FixturesDir => Path.Combine(RepoRoot, "tests", "Salient.Scenario.Tests", "Fixtures");

    public static string GridTheatreDir => Path.Combine(FixturesDir, "grid-theatre");

    /// <summary>The text of the bundled line-of-towns example (explicit nodes and edges).</summary>
    public static string LineOfTowns { get; } = File.ReadAllText(Path.Combine(LineOfTownsDir, "scenario.yaml")).ReplaceLineEndings("\n");

    /// <summary>The text of the grid-theatre fixture (regions from GeoJSON, hex grid, settlements CSV).</summary>
    public static string GridTheatre { get; } = File.ReadAllText(Path.Combine(GridTheatreDir, "scenario.yaml")).ReplaceLineEndings("\n");

    /// <summary>Loads scenario text as "test.yaml", resolving side files against <paramref name="baseDirectory"/> (default: line-of-towns).</summary>
    public static LoadResult Load(string text, LoadOptions? options = null, string? baseDirectory = null) =>
        ScenarioLoader.LoadText(text, "test.yaml", baseDirectory ?? LineOfTownsDir, options);

    /// <summary>Loads with <c>--set</c> overrides.</summary>
    public static LoadResult LoadWith(string text, params string[] overrides) => Load(text, new LoadOptions(null, overrides));

    /// <summary>Replaces the single occurrence of <paramref name="old"/>; fails when it is absent or repeated, so an edit never silently does nothing.</summary>
    public static string Edit(this string text, string old, string replacement)
    {
        int first = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(first >= 0, $"the scenario text has no '{old}'");
        Assert.True(text.IndexOf(old, first + 1, StringComparison.Ordinal) < 0, $"the scenario text has '{old}' more than once");
        return string.Concat(text.AsSpan(0, first), replacement, text.AsSpan(first + old.Length));
    }

    /// <summary>The 1-based line and column of <paramref name="token"/> on the first line containing <paramref name="lineFragment"/>.</summary>
    public static (int Line, int Column) PositionOf(string text, string lineFragment, string? token = null)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            int at = lines[i].IndexOf(lineFragment, StringComparison.Ordinal);
            if (at < 0) continue;
            int col = token is null ? at : lines[i].IndexOf(token, StringComparison.Ordinal);
            Assert.True(col >= 0, $"line {i + 1} has no '{token}'");
            return (i + 1, col + 1);
        }
        Assert.Fail($"no line contains '{lineFragment}'");
        return default;
    }

    /// <summary>The only diagnostic with <paramref name="code"/>; fails with every diagnostic listed otherwise.</summary>
    public static Diagnostic Single(LoadResult result, string code)
    {
        var matches = result.Diagnostics.Where(d => d.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one {code}, found {matches.Count}:\n{Describe(result)}");
        return matches[0];
    }

    /// <summary>The only error; fails with every diagnostic listed otherwise.</summary>
    public static Diagnostic SingleError(LoadResult result)
    {
        var errors = result.Errors.ToList();
        Assert.True(errors.Count == 1, $"expected exactly one error, found {errors.Count}:\n{Describe(result)}");
        Assert.False(result.Success);
        return errors[0];
    }

    /// <summary>Asserts the diagnostic's code and position (file, line, column).</summary>
    public static void AssertAt(Diagnostic d, string code, string file, int line, int column)
    {
        Assert.Equal(code, d.Code);
        Assert.Equal(new SourceSpan(file, line, column), d.Span);
    }

    /// <summary>Asserts the diagnostic's code and position in test.yaml.</summary>
    public static void AssertAt(Diagnostic d, string code, (int Line, int Column) at) => AssertAt(d, code, "test.yaml", at.Line, at.Column);

    /// <summary>Asserts that loading succeeded without errors (warnings allowed).</summary>
    public static void AssertLoads(LoadResult result)
    {
        Assert.True(result.Success && !result.Errors.Any(), "expected no errors:\n" + Describe(result));
    }

    /// <summary>The candidates of a "did you mean" hint argument, in order.</summary>
    public static IReadOnlyList<string> Hinted(string hint) =>
        [.. System.Text.RegularExpressions.Regex.Matches(hint, "'([^']*)'").Select(m => m.Groups[1].Value)];

    /// <summary>Every code in the <see cref="ScenarioErrors"/> catalogue.</summary>
    public static IReadOnlySet<string> CatalogueCodes { get; } = typeof(ScenarioErrors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ScenarioErrors.Entry))
        .Select(f => ((ScenarioErrors.Entry)f.GetValue(null)!).Code)
        .ToHashSet(StringComparer.Ordinal);

    public static string Describe(LoadResult result) =>
        result.Diagnostics.Count == 0 ? "(no diagnostics)" : string.Join('\n', result.Diagnostics.Select(d => $"{d}  [{string.Join(" | ", d.Arguments)}]"));

}
