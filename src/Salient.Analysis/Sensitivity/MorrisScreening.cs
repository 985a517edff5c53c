using Salient.Engine.Random;

namespace Salient.Analysis.Sensitivity;

/// <summary>
/// A Morris trajectory design on the p-level grid of the unit hypercube: r trajectories of d + 1 points each, every
/// step moving one input by Δ = p / (2(p - 1)) up or down, the inputs in a random order.
/// </summary>
/// <remarks>Immutable. Drawn from a Philox <see cref="RandomStream"/> keyed by the seed.</remarks>
public sealed class MorrisDesign
{
    private MorrisDesign(int dimensions, int trajectories, int levels, double delta, double[][] rows, int[][] order, int[][] sign)
    {
        Dimensions = dimensions;
        Trajectories = trajectories;
        Levels = levels;
        Delta = delta;
        Rows = rows;
        _order = order;
        _sign = sign;
    }

    private readonly int[][] _order;
    private readonly int[][] _sign;

    /// <summary>d, the number of inputs.</summary>
    public int Dimensions { get; }

    /// <summary>r, the number of trajectories.</summary>
    public int Trajectories { get; }

    /// <summary>p, the number of grid levels per input.</summary>
    public int Levels { get; }

    /// <summary>The step Δ = p / (2(p - 1)).</summary>
    public double Delta { get; }

    /// <summary>All r(d + 1) points on [0,1]^d, trajectory by trajectory.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>The input moved at step <paramref name="step"/> (0-based) of trajectory <paramref name="trajectory"/>.</summary>
    public int MovedInput(int trajectory, int step) => _order[trajectory][step];

    /// <summary>+1 when the step moved its input up by Δ, -1 when down.</summary>
    public int Direction(int trajectory, int step) => _sign[trajectory][step];

    /// <summary>Builds r trajectories for d inputs on a p-level grid (p even, at least 2).</summary>
    public static MorrisDesign Create(int dimensions, int trajectories, int levels, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trajectories, 1);
        if (levels < 2 || levels % 2 != 0) throw new ArgumentOutOfRangeException(nameof(levels), $"levels must be even and at least 2, found {levels}");
        double delta = levels / (2.0 * (levels - 1));
        int half = levels / 2;
        var stream = new RandomStream(seed, 0, StreamIds.MorrisDesign);
        var rows = new double[trajectories * (dimensions + 1)][];
        var order = new int[trajectories][];
        var sign = new int[trajectories][];
        for (int t = 0; t < trajectories; t++)
        {
            var x = new double[dimensions];
            var dir = new int[dimensions];
            for (int i = 0; i < dimensions; i++)
            {
                // Up: start on one of the lower p/2 levels (x + Δ <= 1); down: on one of the upper p/2 (x - Δ >= 0).
                dir[i] = stream.NextInt(2) == 0 ? 1 : -1;
                int level = stream.NextInt(half) + (dir[i] > 0 ? 0 : half);
                x[i] = level / (double)(levels - 1);
            }
            var perm = new int[dimensions];
            for (int i = 0; i < dimensions; i++) perm[i] = i;
            for (int i = dimensions - 1; i > 0; i--)
            {
                int k = stream.NextInt(i + 1);
                (perm[i], perm[k]) = (perm[k], perm[i]);
            }
            int row = t * (dimensions + 1);
            rows[row] = (double[])x.Clone();
            var steps = new int[dimensions];
            for (int s = 0; s < dimensions; s++)
            {
                int i = perm[s];
                x[i] = Math.Clamp(x[i] + (dir[i] * delta), 0, 1);
                steps[s] = dir[i];
                rows[row + s + 1] = (double[])x.Clone();
            }
            order[t] = perm;
            sign[t] = steps;
        }
        return new MorrisDesign(dimensions, trajectories, levels, delta, rows, order, sign);
    }
}

/// <summary>Morris screening statistics of one input.</summary>
/// <param name="MuStar">Mean absolute elementary effect μ* (Campolongo et al. 2007): overall importance.</param>
/// <param name="Mu">Mean elementary effect μ (signed).</param>
/// <param name="Sigma">Standard deviation of the elementary effects σ (n - 1 denominator): nonlinearity or interactions.</param>
public sealed record MorrisEffect(double MuStar, double Mu, double Sigma);

/// <summary>
/// Morris elementary effects: for each step of a trajectory, <c>EE_i = (f(x + s Δ e_i) - f(x)) / (s Δ)</c> with x on the
/// unit hypercube, so an effect is the change of the output per unit of the input's normalised range (the whole range
/// from lo to hi is 1). For a linear model <c>f = sum c_i x_i</c>, μ = μ* = c_i and σ = 0 exactly.
/// </summary>
public static class MorrisScreening
{
    /// <summary>Evaluates <paramref name="model"/> on a new design and returns μ*, μ and σ per input.</summary>
    public static MorrisEffect[] Run(Func<double[], double> model, int dimensions, int trajectories, int levels, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(model);
        var design = MorrisDesign.Create(dimensions, trajectories, levels, seed);
        var y = new double[design.Rows.Count];
        for (int k = 0; k < y.Length; k++) y[k] = model(design.Rows[k]);
        return Analyze(design, y);
    }

    /// <summary>Computes μ*, μ and σ from model outputs <paramref name="y"/>, one per row of <paramref name="design"/>.</summary>
    public static MorrisEffect[] Analyze(MorrisDesign design, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != design.Rows.Count) throw new ArgumentException($"expected {design.Rows.Count} outputs, found {y.Count}", nameof(y));
        int d = design.Dimensions, r = design.Trajectories;
        var effects = new double[d][];
        for (int i = 0; i < d; i++) effects[i] = new double[r];
        for (int t = 0; t < r; t++)
        {
            int row = t * (d + 1);
            for (int s = 0; s < d; s++)
            {
                int i = design.MovedInput(t, s);
                effects[i][t] = (y[row + s + 1] - y[row + s]) / (design.Direction(t, s) * design.Delta);
            }
        }
        var result = new MorrisEffect[d];
        for (int i = 0; i < d; i++)
        {
            var ee = effects[i];
            double mu = ee.Average();
            double muStar = ee.Average(Math.Abs);
            double sigma = r > 1 ? Math.Sqrt(ee.Sum(e => (e - mu) * (e - mu)) / (r - 1)) : 0;
            result[i] = new MorrisEffect(muStar, mu, sigma);
        }
        return result;
    }
}
