using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;
using Xunit;
using Xunit.Abstractions;
using static Salient.Cli.Tests.CliTestSupport;

namespace Salient.Cli.Tests.Robustness;

/// <summary>
/// Inputs that load are run: every number of a scenario at the smallest and the largest value the loader accepts
/// (and, for several at once, random mixes of those extremes) must play to the end without an exception and with
/// sane metrics. The loader decides what is accepted; this checks that the engine copes with all of it.
/// </summary>
public sealed class EngineExtremesTests(ITestOutputHelper output)
{
    /// <summary>Candidate values, from which each quantity takes the smallest and largest its range accepts.</summary>
    private static readonly double[] Candidates =
        [0, 1e-9, 0.01, 0.1, 0.2, 0.5, 1, 2, 10, 24, 50, 100, 200, 500, 1000, 1440, 2000, 10000, 1e6, 1e7, 1e9, 1e10, 1e11, 1e12];

    public static TheoryData<string> Scenarios() =>
        ["scenarios/examples/line-of-towns", "scenarios/validation/ew-jamming", "scenarios/validation/air-defence-saturation", "scenarios/validation/lanchester-square"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void EveryQuantityAtEachEndOfItsRange_RunsToTheEnd(string scenario)
    {
        string folder = Path.Combine(Repo, scenario);
        int runs = 0;
        foreach (var (path, accepted) in Accepted(folder))
        {
            foreach (double v in new[] { accepted[0], accepted[^1] }.Distinct())
            {
                RunAndCheck(LoadOrNull(folder, [Set(path, v)])!, $"{path}={v}");
                runs++;
            }
        }
        output.WriteLine($"{scenario}: {runs} runs at range ends");
        Assert.True(runs > 10, $"only {runs} runs");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void RandomMixesOfExtremes_RunToTheEnd(string scenario)
    {
        string folder = Path.Combine(Repo, scenario);
        var extremes = Accepted(folder).Select(a => (a.Path, Values: new[] { a.Values[0], a.Values[^1], a.Values[a.Values.Count / 2] })).ToList();
        var random = new Random(11);
        int runs = 0;
        for (int i = 0; i < 40; i++)
        {
            var sets = extremes.Where(_ => random.Next(3) == 0).Select(e => Set(e.Path, e.Values[random.Next(e.Values.Length)])).ToArray();
            var mixed = LoadOrNull(folder, sets);
            if (mixed is null) continue; // a combination the rules refuse (e.g. a unit that no longer stands on its side's ground)
            RunAndCheck(mixed, string.Join(" ", sets));
            runs++;
        }
        output.WriteLine($"{scenario}: {runs} mixed runs");
        Assert.True(runs > 10, $"only {runs} mixed runs loaded");
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<(string Path, List<double> Values)>> AcceptedCache = new(StringComparer.Ordinal);

    /// <summary>For every addressable number of the scenario, the candidate values the loader accepts (computed once per scenario).</summary>
    private static List<(string Path, List<double> Values)> Accepted(string folder) => AcceptedCache.GetOrAdd(folder, f =>
        [.. Paths(LoadOrNull(f, [])!)
            .Select(path => (path, Candidates.Where(v => LoadOrNull(f, [Set(path, v)]) is not null).ToList()))
            .Where(a => a.Item2.Count > 0)]);

    /// <summary>Every number of the scenario that an override can address: units, catalogue, stocks and every parameter.</summary>
    private static IEnumerable<string> Paths(ScenarioModel model) =>
        model.AllQuantities().Select(q => q.Path).Where(p => !p.Contains('@', StringComparison.Ordinal) && !p.StartsWith("reinforcements", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);

    private static string Set(string path, double value) => path + "=" + value.ToString("R", CultureInfo.InvariantCulture);

    private static ScenarioModel? LoadOrNull(string folder, string[] sets)
    {
        var result = ScenarioLoader.Load(folder, new LoadOptions(null, sets));
        return result.Success ? result.Scenario : null;
    }

    private static void RunAndCheck(ScenarioModel model, string what)
    {
        var c = new CompiledScenario(model);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        try
        {
            new Simulation(c).Run(5, 0, metrics, daily);
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
        }
        for (int i = 0; i < metrics.Length; i++)
        {
            var m = c.Layout.Metrics[i];
            double v = metrics[i];
            if (m.Kind == MetricKind.Day)
                Assert.True(double.IsNaN(v) || (v >= 0 && v < c.Days && v == Math.Floor(v)), $"{what}: {m.Name} = {v}");
            else if (m.Name.StartsWith("fires.jammed_fraction", StringComparison.Ordinal) || m.Name.StartsWith("cost.exchange", StringComparison.Ordinal)
                || m.Name.StartsWith("ew.reaction_wait_hours", StringComparison.Ordinal) || m.Name.StartsWith("ew.massing_factor", StringComparison.Ordinal)) // ratios: undefined (NaN) with a zero denominator
                Assert.True(double.IsNaN(v) || v >= 0, $"{what}: {m.Name} = {v}");
            else
                Assert.True(double.IsFinite(v) && v >= 0, $"{what}: {m.Name} = {v}");
        }
        foreach (float v in daily) Assert.True(float.IsFinite(v) && v >= 0, $"{what}: a daily value is {v}");
    }
}
