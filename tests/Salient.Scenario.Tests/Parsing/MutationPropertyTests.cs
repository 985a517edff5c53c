using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Salient.Scenario.Parsing;
using Xunit;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Parsing;

/// <summary>What one mutation does to the scenario text.</summary>
public enum MutationKind
{
    DeleteLine,
    DuplicateLine,
    SwapCharacters,
    InsertToken,
}

/// <summary>One mutation; <see cref="Line"/> and <see cref="Position"/> are reduced modulo the text they apply to.</summary>
public sealed record Mutation(MutationKind Kind, int Line, int Position, int Token);

/// <summary>A short sequence of mutations applied to the line-of-towns text, in order.</summary>
public sealed record MutationPlan(IReadOnlyList<Mutation> Steps)
{
    /// <summary>Tokens that stress the YAML parser and the typed readers.</summary>
    public static readonly string[] Tokens =
    [
        ": [", "{", "}", "[", "]", "-1", ".nan", "1e999", "&a", "*a", "&a [1, *a]", "*nowhere", "\t", "- ", "'", "\"", "? ", "|", ">",
        "!!str ", "!!binary ", "~", "[]", "{}", "0", "2024-13-45", "2023-01-01", ",", "#", "---", "...", "null", ":", "%YAML 1.1", "@", "`",
        "x: 1", "  ", "\0", "\u00e9", "<<: *a", "9999999999999999999999", "-", "id: ", "schedule: []", "dist: beta",
    ];

    public string Apply(string text)
    {
        var lines = text.Split('\n').ToList();
        foreach (var m in Steps)
        {
            if (lines.Count == 0) break;
            int li = m.Line % lines.Count;
            string line = lines[li];
            switch (m.Kind)
            {
                case MutationKind.DeleteLine:
                    lines.RemoveAt(li);
                    break;
                case MutationKind.DuplicateLine:
                    lines.Insert(li, line);
                    break;
                case MutationKind.SwapCharacters when line.Length >= 2:
                    int p = m.Position % (line.Length - 1);
                    lines[li] = string.Concat(line.AsSpan(0, p), line.AsSpan(p + 1, 1), line.AsSpan(p, 1), line.AsSpan(p + 2));
                    break;
                case MutationKind.InsertToken:
                    int at = m.Position % (line.Length + 1);
                    lines[li] = string.Concat(line.AsSpan(0, at), Tokens[m.Token % Tokens.Length], line.AsSpan(at));
                    break;
            }
        }
        return string.Join('\n', lines);
    }

    public override string ToString() =>
        string.Join("; ", Steps.Select(s => $"{s.Kind} line {s.Line} pos {s.Position} token {Tokens[s.Token % Tokens.Length].Replace("\0", "\\0", StringComparison.Ordinal)}"));
}

/// <summary>FsCheck generators for <see cref="MutationPlan"/>.</summary>
public static class MutationArbitraries
{
    private static readonly Gen<Mutation> OneMutation =
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from line in Gen.Choose(0, 1_000_000)
        from position in Gen.Choose(0, 1_000_000)
        from token in Gen.Choose(0, MutationPlan.Tokens.Length - 1)
        select new Mutation(kind, line, position, token);

    public static Arbitrary<MutationPlan> Plans() =>
        Arb.From(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(OneMutation, n)).Select(steps => new MutationPlan(steps)));
}

/// <summary>The loader never throws or hangs on damaged input: it returns a model or at least one positioned error.</summary>
public class MutationPropertyTests
{
    /// <summary>Generous per-case bound: a case takes about a millisecond; the bound only catches hangs.</summary>
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    [Property(MaxTest = 500, Replay = "20240806,20250427", Arbitrary = [typeof(MutationArbitraries)])]
    public void MutatedScenario_LoadsOrReportsPositionedErrors_WithoutThrowing(MutationPlan plan)
    {
        string text = plan.Apply(LineOfTowns);
        LoadResult? result = null;
        Exception? thrown = null;
        var worker = new Thread(() =>
        {
            try { result = Load(text); }
            catch (Exception ex) { thrown = ex; }
        });
        var stopwatch = Stopwatch.StartNew();
        worker.Start();
        bool finished = worker.Join(PerCase);

        Assert.True(finished, $"the loader did not return within {PerCase} ({plan})");
        Assert.Null(thrown);
        Assert.NotNull(result);
        Assert.True(stopwatch.Elapsed < PerCase);
        if (result.Success)
        {
            Assert.Empty(result.Errors);
            Assert.NotNull(result.Scenario);
        }
        else
        {
            Assert.NotEmpty(result.Errors);
            Assert.Null(result.Scenario);
        }
        Assert.All(result.Diagnostics, d =>
        {
            Assert.True(d.Span.Line >= 0 && d.Span.Column >= 0, d.ToString());
            Assert.Contains(d.Code, CatalogueCodes);
            Assert.False(string.IsNullOrEmpty(d.Span.File));
        });
    }

    [Fact]
    public void Mutations_AreDeterministic()
    {
        var plan = new MutationPlan([new Mutation(MutationKind.InsertToken, 3, 5, 0), new Mutation(MutationKind.SwapCharacters, 7, 2, 0)]);
        Assert.Equal(plan.Apply(LineOfTowns), plan.Apply(LineOfTowns));
        Assert.NotEqual(LineOfTowns, plan.Apply(LineOfTowns));
    }
}
