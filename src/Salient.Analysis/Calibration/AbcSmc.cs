using System.Collections.Immutable;
using MathNet.Numerics.LinearAlgebra;
using Salient.Engine.Random;
using Salient.Experiments.Statistics;

namespace Salient.Analysis.Calibration;

/// <summary>Settings of an ABC-SMC fit.</summary>
/// <param name="Particles">Particles per generation (N).</param>
/// <param name="Generations">Most generations, the prior generation included (T).</param>
/// <param name="Quantile">Each generation's tolerance is this quantile of the previous generation's distances (alpha).</param>
/// <param name="Seed">Seed of every proposal; the caller keys its simulations on the proposal index.</param>
/// <param name="Threads">Proposals evaluated in parallel; results never depend on it.</param>
/// <param name="MinAcceptance">Stop when a generation accepts fewer than this share of its proposals.</param>
/// <param name="MaxProposalsPerGeneration">Stop a generation (and the fit) after this many proposals.</param>
public sealed record AbcOptions(int Particles, int Generations, double Quantile, ulong Seed, int Threads,
    double MinAcceptance = 0.02, int MaxProposalsPerGeneration = AbcOptions.DefaultMaxProposalsPerGeneration)
{
    /// <summary>Default cap on proposals in one generation; generation t's proposals are numbered from t times the cap.</summary>
    public const int DefaultMaxProposalsPerGeneration = 200_000;

    /// <summary>Checks the settings; throws <see cref="ArgumentOutOfRangeException"/> for a bad one.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Particles, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(Generations, 1);
        if (!(Quantile > 0 && Quantile < 1)) throw new ArgumentOutOfRangeException(nameof(Quantile), Quantile, "must be in (0, 1)");
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxProposalsPerGeneration, Particles);
    }
}

/// <summary>One accepted particle: the inputs, the importance weight (normalised per generation) and the distance.</summary>
public sealed record Particle(ImmutableArray<double> Theta, double Weight, double Distance, long Proposal);

/// <summary>One generation of the fit.</summary>
/// <param name="Index">0 for the prior generation.</param>
/// <param name="Epsilon">Tolerance: every particle's distance is at most this (infinite for the prior generation).</param>
/// <param name="Proposals">Proposals evaluated to fill the generation (or until it stopped).</param>
/// <param name="Particles">Accepted particles (fewer than asked only when the generation hit its proposal limit).</param>
public sealed record Generation(int Index, double Epsilon, long Proposals, ImmutableArray<Particle> Particles)
{
    /// <summary>Share of proposals accepted.</summary>
    public double AcceptanceRate => Proposals > 0 ? (double)Particles.Length / Proposals : 0;

    /// <summary>Effective sample size of the weights, 1 / sum w^2.</summary>
    public double EffectiveSampleSize => 1.0 / Particles.Sum(p => p.Weight * p.Weight);

    /// <summary>True when the generation has all its particles.</summary>
    public bool Complete(int particles) => Particles.Length == particles;
}

/// <summary>
/// Approximate Bayesian computation by sequential Monte Carlo: the population Monte Carlo sampler of Beaumont, Cornuet,
/// Marin and Robert (2009, Biometrika 96:983) with the adaptive tolerance of Del Moral, Doucet and Jasra (2012,
/// Statistics and Computing 22:1009): generation 0 samples the prior; generation t sets its tolerance to the
/// <see cref="AbcOptions.Quantile"/> of generation t-1's distances, proposes by picking a particle of t-1 by weight and
/// moving it with a Gaussian kernel of twice the weighted covariance of t-1, keeps proposals within the tolerance, and
/// weights them w ∝ prior(θ) / Σ_j w_j K(θ | θ_j).
/// </summary>
/// <remarks>
/// Deterministic: proposal k of generation t is drawn from its own counter-based random stream (seed, t, k), proposals
/// are evaluated in parallel in batches, and accepted in proposal order until the generation is full, so the result
/// is the same for any thread count and batch size. The distance function must itself be deterministic in (θ, k).
/// </remarks>
public static class AbcSmc
{
    /// <summary>Runs the fit; <paramref name="distance"/> simulates θ for proposal index k and returns its distance to the data.</summary>
    /// <param name="priors">The inputs' priors, in θ order.</param>
    /// <param name="options">The settings.</param>
    /// <param name="distance">(θ, proposal index) → distance; called from several threads at once.</param>
    /// <param name="progress">Called after each batch with (generation, accepted so far, proposals so far).</param>
    /// <param name="cancel">Stops the fit between batches.</param>
    public static IReadOnlyList<Generation> Run(IReadOnlyList<Prior> priors, AbcOptions options, Func<double[], long, double> distance,
        Action<int, int, long>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(priors);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(distance);
        options.Validate();
        if (priors.Count == 0) throw new ArgumentException("nothing to calibrate: no priors", nameof(priors));

        var generations = new List<Generation>();
        long proposalBase = 0;
        Generation? previous = null;
        for (int t = 0; t < options.Generations; t++)
        {
            double epsilon = previous is null ? double.PositiveInfinity : Quantiles.R7OfUnsorted(previous.Particles.Select(p => p.Distance), options.Quantile);
            var kernel = previous is null ? null : Kernel.From(previous, priors.Count);
            var proposer = new Proposer(priors, previous, kernel, options.Seed, t);
            var accepted = new List<(double[] Theta, double Distance, long Proposal)>();
            long proposals = 0;
            double rate = 1;
            while (accepted.Count < options.Particles && proposals < options.MaxProposalsPerGeneration)
            {
                cancel.ThrowIfCancellationRequested();
                int need = options.Particles - accepted.Count;
                int cap = (int)Math.Min(4L * options.Particles, options.MaxProposalsPerGeneration - proposals);
                int batch = (int)Math.Clamp(Math.Ceiling(need / Math.Max(rate, 0.01) * 1.1), Math.Min(options.Threads, cap), cap);
                var thetas = new double[batch][];
                var distances = new double[batch];
                for (int i = 0; i < batch; i++) thetas[i] = proposer.Propose(proposals + i);
                Parallel.For(0, batch, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancel },
                    i => distances[i] = distance(thetas[i], proposalBase + proposals + i));
                for (int i = 0; i < batch && accepted.Count < options.Particles; i++)
                {
                    proposals++;
                    if (distances[i] <= epsilon) accepted.Add((thetas[i], distances[i], proposalBase + proposals - 1));
                }
                rate = Math.Max((double)accepted.Count / proposals, 1.0 / proposals);
                progress?.Invoke(t, accepted.Count, proposals);
            }
            proposalBase += options.MaxProposalsPerGeneration;

            var weights = accepted.Select(a => previous is null ? 1.0 : PriorDensity(priors, a.Theta) / kernel!.Mixture(a.Theta)).ToArray();
            double total = weights.Sum();
            var particles = accepted.Select((a, i) => new Particle([.. a.Theta], weights[i] / total, a.Distance, a.Proposal)).ToImmutableArray();
            var generation = new Generation(t, epsilon, proposals, particles);
            generations.Add(generation);
            if (!generation.Complete(options.Particles) || (t > 0 && generation.AcceptanceRate < options.MinAcceptance)) break;
            previous = generation;
        }
        return generations;
    }

    /// <summary>The weighted mean and covariance of a generation's particles over <paramref name="dims"/> inputs.</summary>
    public static (double[] Mean, double[,] Covariance) WeightedMoments(Generation generation, int dims)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var mean = new double[dims];
        foreach (var p in generation.Particles)
            for (int i = 0; i < dims; i++) mean[i] += p.Weight * p.Theta[i];
        var cov = new double[dims, dims];
        foreach (var p in generation.Particles)
            for (int i = 0; i < dims; i++)
                for (int j = 0; j < dims; j++) cov[i, j] += p.Weight * (p.Theta[i] - mean[i]) * (p.Theta[j] - mean[j]);
        return (mean, cov);
    }

    private static double PriorDensity(IReadOnlyList<Prior> priors, double[] theta)
    {
        double p = 1;
        for (int i = 0; i < priors.Count; i++) p *= priors[i].Density(theta[i]);
        return p;
    }

    /// <summary>Draws proposal k of one generation from its own stream.</summary>
    private sealed class Proposer(IReadOnlyList<Prior> priors, Generation? previous, Kernel? kernel, ulong seed, int generation)
    {
        private readonly double[] _cumulative = previous is null ? [] : Cumulative(previous);

        public double[] Propose(long k)
        {
            var stream = new RandomStream(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(generation + 1)), (uint)k, StreamIds.Calibration);
            var random = new RandomStreamSource(stream);
            if (previous is null) return [.. priors.Select(p => p.Sample(random))];
            // Perturb a particle picked by weight; proposals outside the prior's support are redrawn (the kernel is truncated).
            for (int attempt = 0; attempt < 10_000; attempt++)
            {
                int j = Array.BinarySearch(_cumulative, random.NextDouble());
                j = j < 0 ? ~j : j;
                var theta = kernel!.Perturb([.. previous.Particles[Math.Min(j, _cumulative.Length - 1)].Theta], random);
                if (PriorDensity(priors, theta) > 0) return theta;
            }
            throw new InvalidOperationException("the perturbation kernel keeps leaving the prior's support");
        }

        private static double[] Cumulative(Generation g)
        {
            var c = new double[g.Particles.Length];
            double s = 0;
            for (int i = 0; i < c.Length; i++) c[i] = s += g.Particles[i].Weight;
            c[^1] = 1.0;
            return c;
        }
    }

    /// <summary>The Gaussian perturbation kernel with covariance 2 x the weighted covariance of a generation (Beaumont et al.).</summary>
    private sealed class Kernel
    {
        private readonly Generation _from;
        private readonly Matrix<double> _chol;
        private readonly Matrix<double> _cholInverse;

        private Kernel(Generation from, Matrix<double> chol)
        {
            _from = from;
            _chol = chol;
            _cholInverse = chol.Inverse();
        }

        public static Kernel From(Generation g, int dims)
        {
            var (mean, moments) = WeightedMoments(g, dims);
            var cov = Matrix<double>.Build.DenseOfArray(moments) * 2;
            // A degenerate generation (all particles equal in some input) gets a small ridge so the kernel still moves.
            for (int i = 0; i < dims; i++) cov[i, i] += 1e-12 + 1e-8 * Math.Abs(mean[i]) * Math.Abs(mean[i]);
            return new Kernel(g, cov.Cholesky().Factor);
        }

        public double[] Perturb(double[] centre, System.Random random)
        {
            var z = Vector<double>.Build.Dense(centre.Length, _ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1));
            var step = _chol * z;
            for (int i = 0; i < centre.Length; i++) centre[i] += step[i];
            return centre;
        }

        /// <summary>Σ_j w_j K(θ | θ_j), up to the kernel's normalising constant (the same for every θ).</summary>
        public double Mixture(double[] theta)
        {
            double sum = 0;
            var d = Vector<double>.Build.Dense(theta.Length);
            foreach (var p in _from.Particles)
            {
                for (int i = 0; i < theta.Length; i++) d[i] = theta[i] - p.Theta[i];
                var u = _cholInverse * d;
                sum += p.Weight * Math.Exp(-0.5 * u.DotProduct(u));
            }
            return sum;
        }
    }
}
