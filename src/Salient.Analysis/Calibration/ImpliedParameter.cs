using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Experiments.Runner;
using Salient.Scenario.Model;

namespace Salient.Analysis.Calibration;

/// <summary>One implied-parameter search: the claims about one side's casualties or losses, and the parameter scaled for them.</summary>
/// <param name="Side">The side the claims are about.</param>
/// <param name="Path">The opposing side's ground lethality, <c>parameters.ground.lethality.&lt;opponent&gt;</c>.</param>
/// <param name="Baseline">The parameter's value in the scenario (its mean if uncertain).</param>
/// <param name="Claims">The casualty and loss claims about <paramref name="Side"/>, in ledger order.</param>
public sealed record ImpliedSearch(string Side, string Path, double Baseline, IReadOnlyList<Claim> Claims);

/// <summary>
/// Finds the multiplier of one parameter (e.g. the opposing side's ground lethality) at which the model's median of a
/// claim's observable equals the claim: the scenario is run with the parameter scaled by each factor of a geometric grid
/// (common random numbers: same seed and replications at every factor), and the claim is located between the two
/// factors whose medians bracket it, interpolating linearly in log(factor).
/// </summary>
public static class ImpliedParameter
{
    /// <summary>The multipliers tried, 1/4 to 16, doubling.</summary>
    public static readonly double[] Grid = [0.25, 0.5, 1, 2, 4, 8, 16];

    /// <summary>
    /// The searches <c>salient check</c> runs: for each side with casualty or loss claims (series or final totals, not
    /// events), the opposing side's ground lethality, which is what those claims most directly speak to.
    /// </summary>
    public static IReadOnlyList<ImpliedSearch> OpposingLethality(ScenarioModel model, IReadOnlyList<Claim> claims)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(claims);
        var sides = model.Sides.Select(s => s.Id).ToList();
        var searches = new List<ImpliedSearch>();
        foreach (string side in sides)
        {
            var mine = claims.Where(c => c.Kind != ClaimKind.Event && c.Subject is { Topic: ClaimTopic.Casualties or ClaimTopic.Losses } s && s.Side == side).ToList();
            if (mine.Count == 0) continue;
            string opponent = sides.First(s => s != side);
            double baseline = model.Parameters[$"ground.lethality.{opponent}"] is var q && q.Distribution is { } d ? d.Mean : q.Value;
            searches.Add(new ImpliedSearch(side, $"parameters.ground.lethality.{opponent}", baseline, mine));
        }
        return searches;
    }

    /// <summary>Medians of each claim's observable at each grid factor, <c>[claim][factor]</c>.</summary>
    public static double[][] Medians(ScenarioModel model, string path, IReadOnlyList<Claim> claims, RunOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(options);
        var name = path.StartsWith("parameters.", StringComparison.Ordinal) ? path["parameters.".Length..] : path;
        var baseline = model.Parameters[name];
        var medians = claims.Select(_ => new double[Grid.Length]).ToArray();
        for (int g = 0; g < Grid.Length; g++)
        {
            var scaled = new CompiledScenario(model.WithParameters([baseline.Scaled(Grid[g])]));
            var result = RunOrchestrator.InMemory(scaled, options, null, cancel);
            var outcomes = ClaimEvaluation.Evaluate(claims, result.Source, scaled.Layout);
            for (int c = 0; c < claims.Count; c++) medians[c][g] = outcomes[c].P50;
        }
        return medians;
    }

    /// <summary>
    /// The largest change of a claim's median over the whole grid below which the parameter is taken not to reach the
    /// claim: half a unit (an item or a person) or 1% of the largest median, whichever is more. A lever scaled 64-fold
    /// that moves a median by less than that does not act on the claim's outcome, so its "implied value" would be an
    /// artefact of noise.
    /// </summary>
    public static double FlatTolerance(IReadOnlyList<double> medians)
    {
        ArgumentNullException.ThrowIfNull(medians);
        double largest = medians.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        return Math.Max(0.5, 0.01 * largest);
    }

    /// <summary>
    /// The implied multiplier of <paramref name="claim"/> from its medians over <see cref="Grid"/>; not applicable
    /// (<see cref="ImpliedValue.Applicable"/> false) when the medians do not move over the grid (<see cref="FlatTolerance"/>).
    /// </summary>
    public static ImpliedValue Solve(Claim claim, string path, double baseline, IReadOnlyList<double> medians)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(medians);
        var finite = medians.Where(double.IsFinite).ToList();
        if (finite.Count == 0 || finite.Max() - finite.Min() <= FlatTolerance(medians))
            return new ImpliedValue(claim, path, baseline, null, 0, finite.Count == 0 ? double.NaN : finite[finite.Count / 2], Applicable: false);
        double target = (claim.Low + claim.High) / 2;
        for (int g = 0; g + 1 < Grid.Length; g++)
        {
            double a = medians[g], b = medians[g + 1];
            if (!double.IsFinite(a) || !double.IsFinite(b)) continue;
            if ((target - a) * (target - b) > 0) continue;
            double t = a == b ? 0 : (target - a) / (b - a);
            return new ImpliedValue(claim, path, baseline, Math.Exp(Math.Log(Grid[g]) + t * (Math.Log(Grid[g + 1]) - Math.Log(Grid[g]))), 0, t < 0.5 ? a : b);
        }
        bool increasing = medians[^1] >= medians[0];
        int bound = (target < Math.Min(medians[0], medians[^1])) == increasing ? -1 : +1;
        return new ImpliedValue(claim, path, baseline, null, bound, bound < 0 ? medians[0] : medians[^1]);
    }
}
