using Salient.Experiments.Validation;
using Xunit;

namespace Salient.Validation.Tests;

/// <summary>docs/validation.md is exactly what <c>salient validation --write docs/validation.md</c> writes, so it cannot drift.</summary>
[Collection(ValidationCollection.Name)]
public sealed class ValidationDocumentTests(ValidationFixture fixture)
{
    [Fact]
    public void ValidationDoc_IsWhatTheCommandWrites()
    {
        string path = Path.Combine(ValidationFixture.RepoRoot, ValidationDocument.RelativePath);
        string expected = ValidationDocument.Render(fixture.Report);
        Assert.True(File.Exists(path), $"{ValidationDocument.RelativePath} is missing; write it with: {ValidationDocument.Command}");
        string actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (actual == expected) return;
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        int line = 0;
        while (line < Math.Min(a.Length, e.Length) && a[line] == e[line]) line++;
        Assert.Fail($"{ValidationDocument.RelativePath} differs from what the validation suite gives (first at line {line + 1}):\n" +
            $"  file:     {(line < a.Length ? a[line] : "(end)")}\n  expected: {(line < e.Length ? e[line] : "(end)")}\n" +
            $"Regenerate it with: {ValidationDocument.Command}");
    }

    [Fact]
    public void ValidationDoc_ListsEveryCase_AndTheLawsNotModelled()
    {
        string doc = ValidationDocument.Render(fixture.Report);
        foreach (var c in ValidationSuite.Cases) Assert.Contains($"### {c.Id}: ", doc, StringComparison.Ordinal);
        Assert.Contains("Lanchester linear law", doc, StringComparison.Ordinal);
        Assert.Contains("Hughes salvo model", doc, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", doc, StringComparison.Ordinal);
    }
}
