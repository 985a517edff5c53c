using System.Collections.Immutable;
using MathNet.Numerics.Distributions;
using Salient.Engine.Random;
using Salient.Scenario.Model;

namespace Salient.Engine.Sampling;

/// <summary>
/// Samples a scenario's uncertain inputs once per replication. Each quantity draws from its own stream, keyed by
/// (seed XOR hash of its path, replication), so adding, removing or changing one uncertain input never changes the
/// draws of another: common random numbers across variants and sweeps come for free.
/// </summary>
public static class InputSampler
{
    /// <summary>The value of <paramref name="q"/> in replication <paramref name="replication"/> (its fixed value if certain).</summary>
    /// <remarks>Set-up code, not the tick loop: it allocates one small <see cref="RandomStreamSource"/> per uncertain draw.</remarks>
    public static double Sample(Quantity q, ulong seed, uint replication)
    {
        var d = q.Distribution;
        if (d is null) return q.Value;
        if (d.Kind == DistributionKind.Particles) return d.Values[ParticleIndex(d.Weights, seed, replication)];
        var rnd = new RandomStreamSource(new RandomStream(seed ^ PathHash(q.Path), replication, StreamIds.Parameters));
        return d.Kind switch
        {
            DistributionKind.Triangular => Triangular.Sample(rnd, d.A, d.C, d.B),
            DistributionKind.Uniform => ContinuousUniform.Sample(rnd, d.A, d.B),
            DistributionKind.LogNormal => TruncatedLogNormal(rnd, d),
            DistributionKind.Beta => d.Min + (d.Max - d.Min) * Beta.Sample(rnd, d.A, d.B),
            _ => TruncatedNormal(rnd, d),
        };
    }

    /// <summary>The value of a quantity on each day of the calendar (a schedule's points sampled, then stepped or interpolated).</summary>
    public static void SampleDaily(Quantity q, Calendar calendar, ulong seed, uint replication, Span<double> daily)
    {
        if (!q.IsScheduled)
        {
            daily.Fill(Sample(q, seed, replication));
            return;
        }
        var points = q.Schedule;
        Span<double> values = points.Length <= 64 ? stackalloc double[points.Length] : new double[points.Length];
        for (int i = 0; i < points.Length; i++) values[i] = Sample(points[i].Value, seed, replication);
        for (int day = 0; day < daily.Length; day++)
        {
            var date = calendar.Start.AddDays(day);
            int k = -1;
            while (k + 1 < points.Length && points[k + 1].Date <= date) k++;
            if (k < 0) daily[day] = values[0];
            else if (k == points.Length - 1 || q.Interpolation == Interpolation.Step) daily[day] = values[k];
            else
            {
                double span = points[k + 1].Date.DayNumber - points[k].Date.DayNumber;
                double t = (date.DayNumber - points[k].Date.DayNumber) / span;
                daily[day] = values[k] + t * (values[k + 1] - values[k]);
            }
        }
    }

    /// <summary>The stream every particles distribution draws its particle from: one stream, not one per path, so all
    /// the quantities of one posterior (the same weights) take the same particle in a replication.</summary>
    public const string ParticlePath = "calibration.particle";

    /// <summary>
    /// The particle a replication takes: index k with probability w_k / sum w, by inversion of one uniform from the
    /// shared particle stream. The same weights give the same index for every quantity that carries them.
    /// </summary>
    public static int ParticleIndex(ImmutableArray<double> weights, ulong seed, uint replication)
    {
        var rnd = new RandomStreamSource(new RandomStream(seed ^ PathHash(ParticlePath), replication, StreamIds.Parameters));
        double total = 0;
        foreach (double w in weights) total += w;
        double u = rnd.NextDouble() * total, cumulative = 0;
        int last = 0;
        for (int k = 0; k < weights.Length; k++)
        {
            if (weights[k] <= 0) continue;
            cumulative += weights[k];
            last = k;
            if (u < cumulative) return k;
        }
        return last; // u within rounding of the total
    }

    private static double TruncatedLogNormal(System.Random rnd, Distribution d)
    {
        for (int i = 0; i < 10_000; i++)
        {
            double x = LogNormal.Sample(rnd, Math.Log(d.A), d.B);
            if (x >= d.Min && x <= d.Max) return x;
        }
        return d.A;
    }

    private static double TruncatedNormal(System.Random rnd, Distribution d)
    {
        // Rejection keeps the shape exact inside [min, max]; 10,000 misses means the window is far in a tail.
        for (int i = 0; i < 10_000; i++)
        {
            double x = Normal.Sample(rnd, d.A, d.B);
            if (x >= d.Min && x <= d.Max) return x;
        }
        return Math.Clamp(d.A, d.Min, d.Max);
    }

    /// <summary>FNV-1a 64-bit hash of a quantity path: stable across runs and platforms.</summary>
    public static ulong PathHash(string path)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in path)
        {
            h ^= c;
            h = unchecked(h * 1099511628211UL);
        }
        return h;
    }
}
