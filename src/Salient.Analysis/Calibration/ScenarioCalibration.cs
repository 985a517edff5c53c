using System.Collections.Immutable;
using Salient.Engine.Compilation;
using Salient.Experiments.Claims;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Scenario.Model;

namespace Salient.Analysis.Calibration;

/// <summary>A problem with what a scenario asks to calibrate (reported to the user, not a bug).</summary>
public sealed class CalibrationSetupException(string message) : Salient.Experiments.Errors.UserErrorException(message);

/// <summary>Weighted summary of one input in one generation.</summary>
public sealed record PosteriorSummary(string Path, double Mean, double Sd, double P05, double P50, double P95, Prior Prior);

/// <summary>
/// Fits a scenario's calibrated parameters (those marked <c>calibrate: true</c>, with their <c>dist</c> as the prior) to
/// dated claims by ABC-SMC. The distance of a particle θ is the root mean square, over <see cref="Replications"/>
/// replications run with θ fixed, of the weighted claim distance of each replication (<see cref="ClaimDistance"/>).
/// </summary>
public sealed class ScenarioCalibration
{
    private readonly ScenarioModel _model;
    private readonly IReadOnlyList<Claim> _claims;

    /// <summary>Prepares a fit of <paramref name="model"/> (loaded uncalibrated) to <paramref name="claims"/>.</summary>
    public ScenarioCalibration(ScenarioModel model, IReadOnlyList<Claim> claims, int replications, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentOutOfRangeException.ThrowIfLessThan(replications, 1);
        _model = model;
        _claims = claims;
        Replications = replications;
        Seed = seed;
        Priors = PriorsOf(model);
        if (!claims.Any(c => c.Weight > 0)) throw new CalibrationSetupException("no evidence claim can be compared with the model's outputs, so there is nothing to fit to");
    }

    /// <summary>The calibrated inputs' priors, in θ order (sorted by path).</summary>
    public ImmutableArray<Prior> Priors { get; }

    /// <summary>Replications per particle.</summary>
    public int Replications { get; }

    /// <summary>Seed of the simulations (and of the proposals).</summary>
    public ulong Seed { get; }

    /// <summary>The priors of every parameter marked <c>calibrate: true</c>; throws <see cref="CalibrationSetupException"/> for one that cannot be fitted.</summary>
    public static ImmutableArray<Prior> PriorsOf(ScenarioModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var marked = model.AllQuantities().Where(q => q.Calibrate).ToList();
        foreach (var s in model.Sides)
            foreach (var q in new[] { s.Doctrine.AttackRatio, s.Doctrine.MinSupplyToAttack, s.Doctrine.WithdrawCohesion, s.Doctrine.RecoverCohesion, s.Doctrine.CutOffDays })
                if (q.Calibrate) marked.Add(q);
        if (marked.Count == 0)
            throw new CalibrationSetupException("the scenario marks no parameter with 'calibrate: true' (give one a prior, e.g. { dist: uniform, min: 0.01, max: 0.04, calibrate: true })");
        var ranges = ParameterCatalogue.Expand([.. model.Sides.Select(s => s.Id)]).ToDictionary(p => "parameters." + p.Name, p => p.Definition);
        var priors = ImmutableArray.CreateBuilder<Prior>();
        foreach (var q in marked.OrderBy(q => q.Path, StringComparer.Ordinal))
        {
            string where = $"{q.Span}: '{q.Path}'";
            if (!ranges.TryGetValue(q.Path, out var def))
                throw new CalibrationSetupException($"{where} is marked calibrate: true, but only parameters.* can be calibrated");
            if (q.IsScheduled)
                throw new CalibrationSetupException($"{where} is a schedule; calibrate a single value (a schedule's points are not fitted)");
            if (q.Distribution is null)
                throw new CalibrationSetupException($"{where} is marked calibrate: true but has no prior: write it as a distribution, e.g. {{ dist: uniform, min: ..., max: ..., calibrate: true }}");
            if (q.Distribution.Kind == DistributionKind.Particles)
                throw new CalibrationSetupException($"{where} is a fitted posterior (dist: particles), not a prior: write its prior as a distribution, e.g. {{ dist: uniform, min: ..., max: ..., calibrate: true }}");
            priors.Add(new Prior(q.Path, q.Distribution, def.Min, def.Max));
        }
        return priors.ToImmutable();
    }

    /// <summary>The scenario with the calibrated inputs fixed at <paramref name="theta"/>.</summary>
    public ScenarioModel At(IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        return _model.WithParameters(Priors.Select((p, i) => Quantity.Fixed(p.Path, theta[i], "calibration particle")));
    }

    /// <summary>The distance of θ for proposal <paramref name="proposal"/>: replications <c>proposal * R .. proposal * R + R - 1</c>.</summary>
    public double Distance(double[] theta, long proposal)
    {
        var compiled = new CompiledScenario(At(theta));
        double sum = 0;
        RunOrchestrator.Inline(compiled, Seed, new ReplicationRange(checked((int)(proposal * Replications)), Replications), (_, metrics, daily) =>
        {
            double d = ClaimDistance.Of(_claims, metrics, daily, compiled.Days);
            sum += d * d;
        });
        return Math.Sqrt(sum / Replications);
    }

    /// <summary>Runs the fit.</summary>
    public IReadOnlyList<Generation> Fit(AbcOptions options, Action<int, int, long>? progress = null, CancellationToken cancel = default) =>
        AbcSmc.Run(Priors, options, Distance, progress, cancel);

    /// <summary>Weighted mean, standard deviation and 5/50/95% quantiles of each input in <paramref name="generation"/>.</summary>
    public IReadOnlyList<PosteriorSummary> Summarise(Generation generation)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var result = new List<PosteriorSummary>();
        for (int i = 0; i < Priors.Length; i++)
        {
            var pairs = generation.Particles.Select(p => (X: p.Theta[i], W: p.Weight)).OrderBy(p => p.X).ToArray();
            double mean = pairs.Sum(p => p.W * p.X);
            double sd = Math.Sqrt(pairs.Sum(p => p.W * (p.X - mean) * (p.X - mean)));
            result.Add(new PosteriorSummary(Priors[i].Path, mean, sd, WeightedQuantile(pairs, 0.05), WeightedQuantile(pairs, 0.5), WeightedQuantile(pairs, 0.95), Priors[i]));
        }
        return result;
    }

    /// <summary>Weighted correlation matrix of the inputs in <paramref name="generation"/>.</summary>
    public static double[,] Correlation(Generation generation, int dims)
    {
        var (_, cov) = AbcSmc.WeightedMoments(generation, dims);
        var corr = new double[dims, dims];
        for (int i = 0; i < dims; i++)
            for (int j = 0; j < dims; j++)
                corr[i, j] = cov[i, i] > 0 && cov[j, j] > 0 ? cov[i, j] / Math.Sqrt(cov[i, i] * cov[j, j]) : (i == j ? 1 : 0);
        return corr;
    }

    /// <summary>The smallest x whose cumulative weight reaches q (pairs sorted by x, weights summing to 1).</summary>
    internal static double WeightedQuantile((double X, double W)[] sorted, double q)
    {
        double c = 0;
        foreach (var (x, w) in sorted)
        {
            c += w;
            if (c >= q - 1e-12) return x;
        }
        return sorted[^1].X;
    }
}
