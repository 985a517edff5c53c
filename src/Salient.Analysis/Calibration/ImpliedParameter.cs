using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Experiments.Runner;
using Salient.Scenario.Model;

namespace Salient.Analysis.Calibration;

/// <summary>What value of a parameter a claim implies: the multiplier at which the model's median meets the claim.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Path">The parameter scaled.</param>
/// <param name="Baseline">The parameter's value in the run (its mean if uncertain).</param>
/// <param name="Multiplier">The implied multiplier, or null when the claim is outside the medians the grid reaches.</param>
/// <param name="Bound">When <see cref="Multiplier"/> is null: -1 when the claim is below the median at the smallest multiplier, +1 above the largest.</param>
/// <param name="Reached">The median at the end of the grid the claim lies beyond (the closest the model came), or at the implied multiplier's nearer grid factor.</param>
public sealed record ImpliedValue(Claim Claim, string Path, double Baseline, double? Multiplier, int Bound, double Reached)
{
    /// <summary>The implied value of the parameter (baseline x multiplier), when reached.</summary>
    public double? Value => Multiplier * Baseline;
}

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
            var observed = ClaimEvaluation.Observe(claims, result.Source, scaled.Layout);
            for (int c = 0; c < claims.Count; c++) medians[c][g] = ClaimEvaluation.Evaluate(claims[c], observed[c]).P50;
        }
        return medians;
    }

    /// <summary>The implied multiplier of <paramref name="claim"/> from its medians over <see cref="Grid"/>.</summary>
    public static ImpliedValue Solve(Claim claim, string path, double baseline, IReadOnlyList<double> medians)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(medians);
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
