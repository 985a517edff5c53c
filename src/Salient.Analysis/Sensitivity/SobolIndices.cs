using Salient.Engine.Random;
using Salient.Experiments.Statistics;

namespace Salient.Analysis.Sensitivity;

/// <summary>
/// The Saltelli design for Sobol indices: two independent base matrices A and B (N rows, d columns, on the unit
/// hypercube) and, for each input i, the matrix AB_i (A with column i taken from B). The model is evaluated on
/// <see cref="Rows"/>, N(d + 2) points laid out as A, B, AB_1, ..., AB_d.
/// </summary>
/// <remarks>Immutable. The base matrices are drawn from Salient's Philox <see cref="RandomStream"/> keyed by the seed,
/// so the design is a pure function of (N, d, seed).</remarks>
public sealed class SaltelliDesign
{
    private SaltelliDesign(int baseSamples, int dimensions, double[][] rows)
    {
        BaseSamples = baseSamples;
        Dimensions = dimensions;
        Rows = rows;
    }

    /// <summary>N, the number of rows of A and of B.</summary>
    public int BaseSamples { get; }

    /// <summary>d, the number of inputs.</summary>
    public int Dimensions { get; }

    /// <summary>All N(d + 2) points on [0,1)^d: A, then B, then AB_1..AB_d (each N rows).</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>Builds the design for <paramref name="dimensions"/> inputs and <paramref name="baseSamples"/> rows.</summary>
    public static SaltelliDesign Create(int baseSamples, int dimensions, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var stream = new RandomStream(seed, 0, StreamIds.SobolDesign);
        var a = new double[baseSamples][];
        var b = new double[baseSamples][];
        for (int j = 0; j < baseSamples; j++)
        {
            a[j] = new double[dimensions];
            b[j] = new double[dimensions];
            for (int i = 0; i < dimensions; i++) a[j][i] = stream.NextDouble();
            for (int i = 0; i < dimensions; i++) b[j][i] = stream.NextDouble();
        }
        var rows = new double[baseSamples * (dimensions + 2)][];
        for (int j = 0; j < baseSamples; j++)
        {
            rows[j] = a[j];
            rows[baseSamples + j] = b[j];
        }
        for (int i = 0; i < dimensions; i++)
            for (int j = 0; j < baseSamples; j++)
            {
                var ab = (double[])a[j].Clone();
                ab[i] = b[j][i];
                rows[(2 + i) * baseSamples + j] = ab;
            }
        return new SaltelliDesign(baseSamples, dimensions, rows);
    }
}

/// <summary>First-order and total Sobol indices of each input, with bootstrap confidence intervals.</summary>
/// <param name="FirstOrder">S_i, the share of output variance explained by input i alone.</param>
/// <param name="Total">ST_i, the share of variance involving input i (alone or in interactions).</param>
/// <param name="FirstLow">Lower bootstrap bound of S_i.</param>
/// <param name="FirstHigh">Upper bootstrap bound of S_i.</param>
/// <param name="TotalLow">Lower bootstrap bound of ST_i.</param>
/// <param name="TotalHigh">Upper bootstrap bound of ST_i.</param>
/// <param name="Variance">The output variance estimated from f(A) and f(B).</param>
/// <param name="Confidence">Confidence level of the intervals (e.g. 0.95).</param>
public sealed record SobolResult(
    double[] FirstOrder, double[] Total, double[] FirstLow, double[] FirstHigh, double[] TotalLow, double[] TotalHigh,
    double Variance, double Confidence);

/// <summary>
/// Sobol sensitivity indices by the Saltelli design and the Jansen (1999) estimators:
/// <c>S_i = (V - (1/2N) sum (f(B) - f(AB_i))^2) / V</c> and <c>ST_i = (1/2N) sum (f(A) - f(AB_i))^2 / V</c>, with V the
/// variance of f over the 2N rows of A and B. Intervals are percentile bootstrap over the N row indices (the same
/// resampled rows for A, B and every AB_i), with a fixed-seed Philox stream.
/// </summary>
public static class SobolIndices
{
    /// <summary>Evaluates <paramref name="model"/> on a new design and returns the indices.</summary>
    /// <param name="model">The model, on the unit hypercube [0,1)^d (map to input ranges inside it).</param>
    /// <param name="dimensions">d.</param>
    /// <param name="baseSamples">N; the model is called N(d + 2) times.</param>
    /// <param name="seed">Seed of the design and of the bootstrap.</param>
    /// <param name="bootstrap">Bootstrap resamples (0 for none: the intervals are then the point estimates).</param>
    /// <param name="confidence">Confidence level of the intervals.</param>
    public static SobolResult Run(Func<double[], double> model, int dimensions, int baseSamples, ulong seed, int bootstrap = 200, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(model);
        var design = SaltelliDesign.Create(baseSamples, dimensions, seed);
        var y = new double[design.Rows.Count];
        for (int k = 0; k < y.Length; k++) y[k] = model(design.Rows[k]);
        return Analyze(design, y, seed, bootstrap, confidence);
    }

    /// <summary>Computes the indices from model outputs <paramref name="y"/>, one per row of <paramref name="design"/>.</summary>
    public static SobolResult Analyze(SaltelliDesign design, IReadOnlyList<double> y, ulong seed, int bootstrap = 200, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count != design.Rows.Count) throw new ArgumentException($"expected {design.Rows.Count} outputs, found {y.Count}", nameof(y));
        ArgumentOutOfRangeException.ThrowIfNegative(bootstrap);
        if (confidence is <= 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(confidence), "confidence must be in (0, 1)");
        int n = design.BaseSamples, d = design.Dimensions;
        var identity = new int[n];
        for (int j = 0; j < n; j++) identity[j] = j;
        var (s1, st, variance) = Estimate(y, n, d, identity);

        var s1Low = (double[])s1.Clone();
        var s1High = (double[])s1.Clone();
        var stLow = (double[])st.Clone();
        var stHigh = (double[])st.Clone();
        if (bootstrap > 0)
        {
            var stream = new RandomStream(seed, 0, StreamIds.SobolBootstrap);
            var s1Boot = new double[d][];
            var stBoot = new double[d][];
            for (int i = 0; i < d; i++) { s1Boot[i] = new double[bootstrap]; stBoot[i] = new double[bootstrap]; }
            var index = new int[n];
            for (int b = 0; b < bootstrap; b++)
            {
                for (int j = 0; j < n; j++) index[j] = stream.NextInt(n);
                var (bs1, bst, _) = Estimate(y, n, d, index);
                for (int i = 0; i < d; i++) { s1Boot[i][b] = bs1[i]; stBoot[i][b] = bst[i]; }
            }
            double alpha = (1 - confidence) / 2;
            for (int i = 0; i < d; i++)
            {
                Array.Sort(s1Boot[i]);
                Array.Sort(stBoot[i]);
                s1Low[i] = Quantiles.R7(s1Boot[i], alpha);
                s1High[i] = Quantiles.R7(s1Boot[i], 1 - alpha);
                stLow[i] = Quantiles.R7(stBoot[i], alpha);
                stHigh[i] = Quantiles.R7(stBoot[i], 1 - alpha);
            }
        }
        return new SobolResult(s1, st, s1Low, s1High, stLow, stHigh, variance, confidence);
    }

    private static (double[] S1, double[] ST, double Variance) Estimate(IReadOnlyList<double> y, int n, int d, int[] rows)
    {
        // Variance over the 2N outputs of A and B (population form, as in Saltelli et al. 2010).
        double sum = 0, sumSq = 0;
        foreach (int j in rows)
        {
            double fa = y[j], fb = y[n + j];
            sum += fa + fb;
            sumSq += (fa * fa) + (fb * fb);
        }
        double m = 2.0 * rows.Length;
        double mean = sum / m;
        double variance = Math.Max(0, (sumSq / m) - (mean * mean));
        var s1 = new double[d];
        var st = new double[d];
        for (int i = 0; i < d; i++)
        {
            int offset = (2 + i) * n;
            double first = 0, total = 0;
            foreach (int j in rows)
            {
                double fab = y[offset + j];
                double db = y[n + j] - fab;
                double da = y[j] - fab;
                first += db * db;
                total += da * da;
            }
            first /= 2.0 * rows.Length;
            total /= 2.0 * rows.Length;
            s1[i] = variance > 0 ? (variance - first) / variance : double.NaN;
            st[i] = variance > 0 ? total / variance : double.NaN;
        }
        return (s1, st, variance);
    }
}
