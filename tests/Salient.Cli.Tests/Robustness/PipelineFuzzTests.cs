using System.Globalization;
using System.Text.RegularExpressions;
using Xunit;
using Xunit.Abstractions;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Robustness;

/// <summary>
/// Seeded mutations of every example scenario and of a theatre built from regions (GeoJSON, a hexagonal grid,
/// settlements) driven through the whole pipeline in this process:
/// validate, then (when it validates) run with its report, then check against a small ledger. Properties: every exit
/// code is 0 or 2; no output holds a stack trace; anything validate accepts, run runs (exit 0); nothing is written
/// outside the case's output folder.
/// </summary>
/// <remarks>
/// The mutations aim at the edges rather than at the syntax (the loader's own fuzz covers that): numbers replaced by
/// the ends of their ranges and beyond, dates at the calendar's limits, coordinates at the poles' limit and the
/// antimeridian, collections emptied or multiplied. Case <c>seed</c> mutates source <c>seed mod</c> the number of
/// sources (<see cref="Sources"/>), so each source gets an equal share. <c>SALIENT_FUZZ_CASES</c> sets the number of cases (CI: 2,000;
/// the long mode: 20,000 or more), <c>SALIENT_FUZZ_SEED</c> the first seed, so a failure is replayed by its seed, and
/// <c>SALIENT_FUZZ_SOURCES</c> the scenarios (see <see cref="Sources"/>).
/// </remarks>
public sealed partial class PipelineFuzzTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-pfuzz-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static readonly string[] BoundaryNumbers =
    [
        "0", "1", "-1", "0.5", "1e-9", "2", "24", "89", "-89", "89.5", "90", "179.999", "-179.999", "180", "-180", "181",
        "1000", "3660", "1e6", "1e9", "1e15", "-0", "0.0001", "100", "0.1", "12", "5", "7",
    ];

    private static readonly string[] BoundaryDates =
    [
        "1000-01-01", "9000-12-31", "2024-01-01", "2024-02-29", "2024-03-01", "2023-12-31", "2034-01-01", "1999-12-31",
        "2024-01-02", "2024-02-28",
    ];

    [GeneratedRegex(@"(?<![\w.-])-?\d+(\.\d+)?(e-?\d+)?(?![\w-])")]
    private static partial Regex NumberToken();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateToken();

    [GeneratedRegex(@"lon: (-?[\d.]+)")]
    private static partial Regex Longitude();

    [GeneratedRegex(@"id: ([\w-]+)")]
    private static partial Regex IdValue();

    [GeneratedRegex(@"(?<=: )[\w.-]+(?=[,} ])")]
    private static partial Regex FlowValue();

    /// <summary>One or two mutations of <paramref name="text"/> drawn from <paramref name="random"/>.</summary>
    public static string Mutate(string text, Random random)
    {
        int steps = random.Next(1, 3);
        for (int s = 0; s < steps; s++)
        {
            var lines = text.Split('\n').ToList();
            switch (random.Next(7))
            {
                case 0:
                case 1:
                    text = ReplaceOne(text, NumberToken(), BoundaryNumbers[random.Next(BoundaryNumbers.Length)], random);
                    break;
                case 2:
                    text = ReplaceOne(text, DateToken(), BoundaryDates[random.Next(BoundaryDates.Length)], random);
                    break;
                case 3:
                    // Every longitude moved by the same amount: the antimeridian, or far east and west.
                    double shift = random.Next(3) switch { 0 => 149.9, 1 => -209.9, _ => random.NextDouble() * 300 - 150 };
                    text = Longitude().Replace(text, m => "lon: " + (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + shift).ToString("0.####", CultureInfo.InvariantCulture));
                    break;
                case 4:
                    // A list item removed (a node, edge, unit, phase or depot): empty and dangling collections.
                    var items = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith("- ", StringComparison.Ordinal)).ToList();
                    if (items.Count > 0)
                    {
                        int at = items[random.Next(items.Count)];
                        int indent = lines[at].Length - lines[at].TrimStart().Length;
                        int end = at + 1;
                        while (end < lines.Count && lines[end].Length - lines[end].TrimStart().Length > indent && lines[end].Trim().Length > 0) end++;
                        lines.RemoveRange(at, end - at);
                    }
                    text = string.Join('\n', lines);
                    break;
                case 5:
                    // A one-line list item multiplied (up to 40 copies), its id made unique: huge collections.
                    var oneLine = Enumerable.Range(0, lines.Count).Where(i => lines[i].TrimStart().StartsWith("- { id: ", StringComparison.Ordinal)).ToList();
                    if (oneLine.Count > 0)
                    {
                        int at = oneLine[random.Next(oneLine.Count)];
                        int copies = random.Next(1, 41);
                        var copiesText = Enumerable.Range(0, copies).Select(c => IdValue().Replace(lines[at], m => $"id: {m.Groups[1].Value}-x{c}"));
                        lines.InsertRange(at + 1, copiesText);
                    }
                    text = string.Join('\n', lines);
                    break;
                default:
                    // A flow mapping's value blanked or set to an empty collection.
                    text = ReplaceOne(text, FlowValue(), random.Next(2) == 0 ? "[]" : "{}", random);
                    break;
            }
        }
        return text;
    }

    private static string ReplaceOne(string text, Regex pattern, string replacement, Random random)
    {
        var matches = pattern.Matches(text);
        if (matches.Count == 0) return text;
        var m = matches[random.Next(matches.Count)];
        return string.Concat(text.AsSpan(0, m.Index), replacement, text.AsSpan(m.Index + m.Length));
    }

    private const string Ledger =
        "- { id: mid-taken, metric: event.capture.mid.blue, value: 2024-01-20, as_of: 2024-01-20, reliability: B2, claimant: test }\n"
        + "- { id: red-losses, metric: casualties.total.red, value: 300, as_of: 2024-02-15, reliability: C3, claimant: test }\n"
        + "- { id: blue-area, metric: control.area_km2.blue, value: 160, as_of: 2024-02-01, reliability: B2, claimant: test }\n";

    /// <summary>
    /// The scenarios mutated: every example (explicit nodes, each exercising other mechanics) and the region-and-grid
    /// test theatre. Kursk is left out by default (a few seconds a run would take the CI budget for a few hundred
    /// cases); <c>SALIENT_FUZZ_SOURCES=kursk-2024</c> (or any comma-separated folder names, Kursk included) mutates
    /// only those.
    /// </summary>
    private static List<string> Sources()
    {
        List<string> all =
        [
            .. Directory.GetDirectories(Path.Combine(Repo, "scenarios", "examples")).Order(StringComparer.Ordinal),
            Path.Combine(Repo, "tests", "Salient.Scenario.Tests", "Fixtures", "grid-theatre"),
        ];
        if (Environment.GetEnvironmentVariable("SALIENT_FUZZ_SOURCES") is not { Length: > 0 } chosen) return all;
        var names = chosen.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var pool = all.Append(Kursk).ToList();
        var picked = pool.Where(d => names.Contains(Path.GetFileName(d), StringComparer.Ordinal)).ToList();
        return picked.Count == names.Length ? picked : throw new ArgumentException($"SALIENT_FUZZ_SOURCES names one of: {string.Join(", ", pool.Select(Path.GetFileName))}");
    }

    [Fact]
    public void MutatedScenarios_ThroughValidateRunReportAndCheck_ExitZeroOrTwo_NeverAStackTrace_NeverOutsideTheirFolder()
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("SALIENT_FUZZ_CASES"), out int c) ? c : 2000;
        int firstSeed = int.TryParse(Environment.GetEnvironmentVariable("SALIENT_FUZZ_SEED"), out int f) ? f : 1;
        var sources = Sources();
        var originals = sources.Select(d => File.ReadAllText(Path.Combine(d, "scenario.yaml")).ReplaceLineEndings("\n")).ToList();
        var perSource = new int[sources.Count];
        Directory.CreateDirectory(_root);
        string scenarioDir = Path.Combine(_root, "scenario");
        string outDir = Path.Combine(_root, "out");
        int validated = 0, ran = 0, checkedRuns = 0;
        var clocks = new[] { new System.Diagnostics.Stopwatch(), new System.Diagnostics.Stopwatch(), new System.Diagnostics.Stopwatch() };
        var failures = new List<string>();
        for (int seed = firstSeed; seed < firstSeed + cases && failures.Count < 5; seed++)
        {
            int source = seed % sources.Count;
            string text = Mutate(originals[source], new Random(seed));
            if (Directory.Exists(scenarioDir)) Directory.Delete(scenarioDir, recursive: true);
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
            Directory.CreateDirectory(scenarioDir);
            foreach (string side in Directory.GetFiles(sources[source], "*", SearchOption.AllDirectories))
            {
                string to = Path.Combine(scenarioDir, Path.GetRelativePath(sources[source], side));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(side, to);
            }
            File.WriteAllText(Path.Combine(scenarioDir, "scenario.yaml"), text);
            File.WriteAllText(Path.Combine(scenarioDir, "evidence.yaml"), Ledger);

            clocks[0].Start();
            var (code, printed) = Run("validate", scenarioDir);
            clocks[0].Stop();
            if (!Acceptable(seed, "validate", code, printed, failures)) continue;
            if (code != 0) continue;
            validated++;

            clocks[1].Start();
            (code, printed) = Run("run", scenarioDir, "-n", "2", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--threads", "1", "--out", outDir);
            clocks[1].Stop();
            if (!Acceptable(seed, "run", code, printed, failures)) continue;
            if (code != 0) { failures.Add($"seed {seed}: validate accepted it but run exited {code}: {Tail(printed)}"); continue; }
            ran++;
            perSource[source]++;
            if (!File.Exists(Path.Combine(outDir, "report.html"))) failures.Add($"seed {seed}: run exited 0 without report.html");

            clocks[2].Start();
            (code, printed) = Run("check", outDir, "--implied-replications", "2", "--threads", "1");
            clocks[2].Stop();
            if (!Acceptable(seed, "check", code, printed, failures)) continue;
            if (code == 0) checkedRuns++;

            var strays = Directory.EnumerateFileSystemEntries(_root).Select(Path.GetFileName).Where(n => n is not ("scenario" or "out")).ToList();
            if (strays.Count > 0) failures.Add($"seed {seed}: files outside the output folder: {string.Join(", ", strays)}");
        }
        output.WriteLine($"{cases} cases from seed {firstSeed}: {validated} validated, {ran} ran with their report, {checkedRuns} checked; "
            + $"seconds in validate {clocks[0].Elapsed.TotalSeconds:F0}, run {clocks[1].Elapsed.TotalSeconds:F0}, check {clocks[2].Elapsed.TotalSeconds:F0}; "
            + "ran per source: " + string.Join(", ", sources.Select((d, i) => $"{Path.GetFileName(d)} {perSource[i]}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The mutations must leave enough scenarios valid for the run and report stages to be exercised.
        Assert.True(ran >= cases / 4, $"only {ran} of {cases} cases reached run");
        if (cases >= 20 * sources.Count)
            Assert.All(perSource, n => Assert.True(n > 0, "a source never reached run: " + string.Join(", ", perSource)));
    }

    private static bool Acceptable(int seed, string stage, int code, string printed, List<string> failures)
    {
        if (code is not (0 or 2)) failures.Add($"seed {seed}: {stage} exited {code}: {Tail(printed)}");
        else if (printed.Contains("   at ", StringComparison.Ordinal)) failures.Add($"seed {seed}: {stage} printed a stack trace: {Tail(printed)}");
        else return true;
        return false;
    }

    // The exception's type, message and first frames when there is one (where a crash is diagnosed), else the tail.
    private static string Tail(string printed)
    {
        int at = printed.IndexOf("Exception", StringComparison.Ordinal);
        if (at >= 0)
        {
            int start = printed.LastIndexOf('\n', at) + 1;
            return printed.Substring(start, Math.Min(1500, printed.Length - start));
        }
        return printed.Length <= 600 ? printed : printed[^600..];
    }
}
