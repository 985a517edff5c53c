using Salient.Engine.Compilation;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;

namespace Salient.Experiments.Claims;

/// <summary>A claim set against a run's replications.</summary>
/// <param name="Claim">The claim.</param>
/// <param name="Replications">Replications compared.</param>
/// <param name="P05">5th percentile of the model's observable .</param>
/// <param name="P50">Median of the model's observable.</param>
/// <param name="P95">95th percentile of the model's observable.</param>
/// <param name="Happened">For event claims, the share of replications in which the event happened (1 otherwise).</param>
/// <param name="Percentile">
/// Where the claim's centre falls in the model's distribution, in percent: the share of replications whose observable
/// is below it, counting ties half (a mid-rank percentile). An event that never happened counts as later than any date.
/// </param>
public sealed record ClaimOutcome(Claim Claim, int Replications, double P05, double P50, double P95, double Happened, double Percentile)
{
    /// <summary>True when the claim's range overlaps the model's 90% interval: plausible under the model's assumptions.</summary>
    public bool WithinNinety => Claim.High >= P05 && Claim.Low <= P95;

    /// <summary>Where the claim falls against the model's 90% interval: inside it, or below or above it.</summary>
    public ClaimFit Fit => WithinNinety ? ClaimFit.Inside : Claim.High < P05 ? ClaimFit.Below : ClaimFit.Above;
}

/// <summary>Sets claims against every replication of a run.</summary>
public static class ClaimEvaluation
{
    /// <summary>Each claim's observable in every replication of <paramref name="source"/>, claim-major.</summary>
    public static double[][] Observe(IReadOnlyList<Claim> claims, IReplicationSource source, MetricLayout layout)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(layout);
        var sink = new ObservationSink(claims, source.Start, source.Count, layout.Days);
        source.CopyTo(layout, sink);
        return sink.Values;
    }

    /// <summary>Each claim's observable of every replication it is given, claim-major.</summary>
    private sealed class ObservationSink(IReadOnlyList<Claim> claims, int start, int count, int days) : IReplicationSink
    {
        public double[][] Values { get; } = [.. claims.Select(_ => new double[count])];

        public void Write(int replication, ReadOnlySpan<double> metrics, ReadOnlySpan<float> daily)
        {
            for (int c = 0; c < claims.Count; c++) Values[c][replication - start] = claims[c].Observe(metrics, daily, days);
        }
    }

    /// <summary>The outcome of every claim against every replication of <paramref name="source"/>, in claim order.</summary>
    public static IReadOnlyList<ClaimOutcome> Evaluate(IReadOnlyList<Claim> claims, IReplicationSource source, MetricLayout layout)
    {
        var observed = Observe(claims, source, layout);
        return [.. claims.Select((c, i) => Evaluate(c, observed[i]))];
    }

    /// <summary>The outcome of one claim from its observables (NaN = an event that did not happen).</summary>
    public static ClaimOutcome Evaluate(Claim claim, IReadOnlyList<double> observed)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(observed);
        int n = observed.Count;
        if (n == 0) return new ClaimOutcome(claim, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        // Events that never happened sort after every date.
        var sorted = observed.Select(x => double.IsNaN(x) ? double.PositiveInfinity : x).Order().ToArray();
        double centre = (claim.Low + claim.High) / 2;
        int below = 0, ties = 0;
        foreach (double x in sorted)
        {
            if (x < centre) below++;
            else if (x == centre) ties++;
        }
        double happened = observed.Count(x => !double.IsNaN(x)) / (double)n;
        // Infinite entries propagate through the quantile: an event percentile past the last happening is infinite.
        return new ClaimOutcome(claim, n, Quantiles.R7(sorted, 0.05), Quantiles.R7(sorted, 0.5), Quantiles.R7(sorted, 0.95), happened, 100.0 * (below + 0.5 * ties) / n);
    }
}
