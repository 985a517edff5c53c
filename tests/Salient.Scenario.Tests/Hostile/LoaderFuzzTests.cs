using System.Diagnostics;
using System.Globalization;
using Salient.Scenario.Parsing;
using Salient.Scenario.Tests.Parsing;
using Xunit;
using Xunit.Abstractions;
using static Salient.Scenario.Tests.Parsing.ScenarioTestSupport;

namespace Salient.Scenario.Tests.Hostile;

/// <summary>
/// Cheap, seeded mutations of the line-of-towns text for the bulk fuzz: the four kinds of <see cref="MutationPlan"/>
/// plus hostile numbers in place of numbers, truncation, swapped ids, re-indentation and duplicated blocks.
/// </summary>
public static class BulkMutator
{
    /// <summary>Numbers that stress the typed readers: non-finite, huge, tiny, negative zero, overflowing, odd notations.</summary>
    public static readonly string[] HostileNumbers =
    [
        ".nan", ".NaN", "nan", ".inf", "-.inf", "+.inf", "Infinity", "1e308", "-1e308", "1e309", "4.9e-324", "1e-320", "-0", "-0.0",
        "99999999999999999999", "-99999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "0x10", "0o17", "1_000",
        "1e", ".", "-", "+1", "0.1e-400", "1.7976931348623157e308", "123456789012345678901234567890e-10",
    ];

    /// <summary>Applies one to four mutations drawn from <paramref name="random"/> to <paramref name="text"/>.</summary>
    public static string Mutate(string text, Random random)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(random);
        int steps = random.Next(1, 5);
        for (int s = 0; s < steps; s++)
        {
            var lines = text.Split('\n').ToList();
            if (lines.Count == 0 || text.Length == 0) break;
            int li = random.Next(lines.Count);
            switch (random.Next(9))
            {
                case < 4:
                    text = new MutationPlan([new Mutation((MutationKind)random.Next(4), random.Next(), random.Next(), random.Next())]).Apply(text);
                    break;
                case 4:
                    lines[li] = ReplaceNumber(lines[li], HostileNumbers[random.Next(HostileNumbers.Length)], random);
                    text = string.Join('\n', lines);
                    break;
                case 5:
                    text = text[..random.Next(text.Length)];
                    break;
                case 6:
                    var ids = Identifiers(text);
                    if (ids.Count > 1) lines[li] = ReplaceWord(lines[li], ids[random.Next(ids.Count)], random);
                    text = string.Join('\n', lines);
                    break;
                case 7:
                    lines[li] = random.Next(2) == 0 ? "  " + lines[li] : lines[li].StartsWith("  ", StringComparison.Ordinal) ? lines[li][2..] : lines[li];
                    text = string.Join('\n', lines);
                    break;
                default:
                    int count = random.Next(1, 6);
                    int from = Math.Min(li, Math.Max(0, lines.Count - count));
                    var block = lines.GetRange(from, Math.Min(count, lines.Count - from));
                    lines.InsertRange(from + block.Count, block);
                    text = string.Join('\n', lines);
                    break;
            }
        }
        return text;
    }

    private static string ReplaceNumber(string line, string replacement, Random random)
    {
        var spans = new List<(int Start, int Length)>();
        for (int i = 0; i < line.Length;)
        {
            if (char.IsAsciiDigit(line[i]))
            {
                int start = i;
                while (i < line.Length && (char.IsAsciiDigit(line[i]) || line[i] is '.' or 'e' or '-')) i++;
                spans.Add((start, i - start));
            }
            else i++;
        }
        if (spans.Count == 0) return line;
        var (at, length) = spans[random.Next(spans.Count)];
        return string.Concat(line.AsSpan(0, at), replacement, line.AsSpan(at + length));
    }

    private static string ReplaceWord(string line, string replacement, Random random)
    {
        var words = System.Text.RegularExpressions.Regex.Matches(line, "[a-z][a-z0-9_-]*");
        if (words.Count == 0) return line;
        var w = words[random.Next(words.Count)];
        return string.Concat(line.AsSpan(0, w.Index), replacement, line.AsSpan(w.Index + w.Length));
    }

    private static List<string> Identifiers(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"id: ([a-z0-9_-]+)").Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)];
}

/// <summary>
/// The loader under ten thousand seeded mutations of the line-of-towns text: every input ends, within a time bound,
/// in a model or in positioned catalogue diagnostics, never in an exception. (MutationPropertyTests runs 500
/// FsCheck-shrinkable cases; this one trades shrinking for volume.)
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    public const int Cases = 10_000;
    private const int Seed = 7_2024;

    /// <summary>Per input; a case takes about a millisecond, so the bound only catches hangs (the machine may be loaded).</summary>
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    [Fact]
    public void TenThousandMutations_LoadOrReportPositionedErrors_WithoutThrowing()
    {
        var random = new Random(Seed);
        int current = -1, loaded = 0, rejected = 0;
        long caseStarted = 0;
        string currentText = "";
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            for (int i = 0; i < Cases && failures.Count < 5; i++)
            {
                string text = BulkMutator.Mutate(LineOfTowns, random);
                Volatile.Write(ref currentText, text);
                Volatile.Write(ref caseStarted, Stopwatch.GetTimestamp());
                Volatile.Write(ref current, i);
                try
                {
                    var result = Load(text);
                    string? problem = Check(result);
                    if (problem is not null) failures.Add($"case {i}: {problem}\n--- input ---\n{text}");
                    else if (result.Success) loaded++;
                    else rejected++;
                }
                catch (Exception ex)
                {
                    failures.Add($"case {i}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}\n--- input ---\n{text}");
                }
            }
            Volatile.Write(ref current, Cases);
        }) { IsBackground = true, Name = "fuzz" };
        worker.Start();
        while (!worker.Join(TimeSpan.FromMilliseconds(100)))
        {
            TimeSpan elapsed = Stopwatch.GetElapsedTime(Volatile.Read(ref caseStarted));
            if (Volatile.Read(ref current) >= 0 && elapsed > PerCase)
                Assert.Fail($"case {Volatile.Read(ref current)} did not return within {PerCase}:\n{Volatile.Read(ref currentText)}");
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{loaded + rejected:N0} mutated inputs in {clock.Elapsed.TotalSeconds:F1} s: {loaded:N0} loaded, {rejected:N0} rejected with positioned errors, {failures.Count} failures"));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.Equal(Cases, loaded + rejected);
        Assert.True(loaded > 100 && rejected > 1000, $"the mix should hold both outcomes: {loaded} loaded, {rejected} rejected");
    }

    /// <summary>The side-file readers (GeoJSON regions, settlement CSV) under the same mutations, in a copy of the grid fixture.</summary>
    [Fact]
    public void ThousandSideFileMutations_LoadOrReportPositionedErrors_WithoutThrowing()
    {
        const int sideCases = 1_000;
        var copy = Directory.CreateTempSubdirectory("salient-sidefuzz-");
        try
        {
            foreach (var f in Directory.GetFiles(GridTheatreDir)) File.Copy(f, Path.Combine(copy.FullName, Path.GetFileName(f)));
            string[] files = ["west.geojson", "east.geojson", "settlements.csv"];
            var originals = files.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(GridTheatreDir, f)), StringComparer.Ordinal);
            var random = new Random(Seed + 1);
            int loaded = 0;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < sideCases; i++)
            {
                foreach (var f in files) File.WriteAllText(Path.Combine(copy.FullName, f), originals[f]);
                string target = files[random.Next(files.Length)];
                string text = BulkMutator.Mutate(originals[target], random);
                File.WriteAllText(Path.Combine(copy.FullName, target), text);
                var caseClock = Stopwatch.StartNew();
                LoadResult result;
                try { result = Load(GridTheatre, baseDirectory: copy.FullName); }
                catch (Exception ex) { throw new Xunit.Sdk.XunitException($"side case {i} ({target}) threw {ex}\n--- {target} ---\n{text}"); }
                Assert.True(caseClock.Elapsed < PerCase, $"side case {i} took {caseClock.Elapsed}");
                string? problem = Check(result);
                Assert.True(problem is null, $"side case {i} ({target}): {problem}\n--- {target} ---\n{text}");
                if (result.Success) loaded++;
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sideCases:N0} mutated side files in {clock.Elapsed.TotalSeconds:F1} s: {loaded:N0} loaded, {sideCases - loaded:N0} rejected with positioned errors"));
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void BulkMutator_IsDeterministicForASeed()
    {
        string a = BulkMutator.Mutate(LineOfTowns, new Random(3)), b = BulkMutator.Mutate(LineOfTowns, new Random(3));
        Assert.Equal(a, b);
    }

    /// <summary>Null when the result is well formed: a model without errors, or errors positioned in a file with catalogue codes.</summary>
    internal static string? Check(LoadResult result)
    {
        if (result.Success != (result.Scenario is not null)) return "Success and Scenario disagree";
        if (result.Success && result.Errors.Any()) return "a successful load with errors";
        if (!result.Success && !result.Errors.Any()) return "a failed load without errors";
        foreach (var d in result.Diagnostics)
        {
            if (!CatalogueCodes.Contains(d.Code)) return $"code {d.Code} is not in the catalogue: {d}";
            if (string.IsNullOrEmpty(d.Span.File)) return $"diagnostic without a file: {d}";
            if (d.Span.Line < 1 || d.Span.Column < 1) return $"diagnostic without a line and column: {d}";
        }
        return null;
    }
}
