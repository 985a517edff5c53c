using MathNet.Numerics.LinearAlgebra;

namespace Salient.Analysis.History;

/// <summary>Scores of probability forecasts and the force-ratio logistic baseline. No I/O.</summary>
public static class HistoryScoring
{
    /// <summary>Probabilities are clipped to [Clip, 1 - Clip] in <see cref="LogLoss"/>, so one certain miss is finite.</summary>
    public const double Clip = 1e-15;

    /// <summary>Mean negative log-likelihood of outcomes <paramref name="y"/> (0 or 1) under probabilities <paramref name="p"/>, natural log.</summary>
    public static double LogLoss(IReadOnlyList<double> p, IReadOnlyList<double> y)
    {
        Check(p, y);
        double s = 0;
        for (int i = 0; i < p.Count; i++)
        {
            double q = Math.Clamp(p[i], Clip, 1 - Clip);
            s -= (y[i] * Math.Log(q)) + ((1 - y[i]) * Math.Log(1 - q));
        }
        return s / p.Count;
    }

    /// <summary>Brier score: mean of (p - y)^2.</summary>
    public static double Brier(IReadOnlyList<double> p, IReadOnlyList<double> y)
    {
        Check(p, y);
        double s = 0;
        for (int i = 0; i < p.Count; i++) s += (p[i] - y[i]) * (p[i] - y[i]);
        return s / p.Count;
    }

    /// <summary>
    /// The model's probability that the attacker wins from <paramref name="wins"/> of <paramref name="replications"/>:
    /// (wins + 1/2) / (replications + 1), so a unanimous few replications never give a certainty (Jeffreys-style shrinkage).
    /// </summary>
    public static double WinProbability(int wins, int replications) => (wins + 0.5) / (replications + 1.0);

    /// <summary>
    /// The record's winner as a noisy observation of the model's event. The model's attacker wins when it takes the
    /// defender's position (docs/history.md); CDB90 codes mission accomplishment, which an attacker that took ground
    /// did not always achieve and one that took none sometimes did. With <paramref name="scoreIfTaken"/> the record's mean
    /// attacker score (a draw counts half) of the battles whose attacker took the position and <paramref name="scoreIfNotTaken"/>
    /// that of the rest, the forecast of the recorded score is a0 + (a1 - a0) π, π the model's probability of taking it.
    /// </summary>
    public static double RecordedWinProbability(double positionTaken, double scoreIfTaken, double scoreIfNotTaken) =>
        scoreIfNotTaken + ((scoreIfTaken - scoreIfNotTaken) * positionTaken);

    /// <summary>
    /// The two scores of <see cref="RecordedWinProbability"/> from a record: (a1, a0) are the mean of <paramref name="score"/>
    /// over the rows whose <paramref name="advanceKm"/> is at least <paramref name="positionKm"/> (the attacker took the
    /// position) and over those whose advance is below it; rows without an advance (NaN) are skipped. (1, 0), the
    /// identity, when either group is empty.
    /// </summary>
    public static (double ScoreIfTaken, double ScoreIfNotTaken) ObservationScores(IReadOnlyList<double> advanceKm, IReadOnlyList<double> score, double positionKm)
    {
        Check(advanceKm, score);
        double s1 = 0, s0 = 0;
        int n1 = 0, n0 = 0;
        for (int i = 0; i < advanceKm.Count; i++)
        {
            if (double.IsNaN(advanceKm[i])) continue;
            if (advanceKm[i] >= positionKm) { s1 += score[i]; n1++; }
            else { s0 += score[i]; n0++; }
        }
        return n1 == 0 || n0 == 0 ? (1, 0) : (s1 / n1, s0 / n0);
    }

    /// <summary>
    /// The logit of a probability estimated from <paramref name="replications"/> replications, clipped to
    /// [1/(2R), 1 - 1/(2R)] first, so that it is finite: ln(p / (1 - p)).
    /// </summary>
    public static double ClippedLogit(double p, int replications)
    {
        if (replications < 1) throw new ArgumentOutOfRangeException(nameof(replications), replications, "at least one replication");
        double c = 1.0 / (2.0 * replications);
        double q = Math.Clamp(p, c, 1 - c);
        return Math.Log(q / (1 - q));
    }

    /// <summary>
    /// Platt scaling: the maximum-likelihood (α, β) of P(y = 1) = σ(α + β logit π), π clipped as in
    /// <see cref="ClippedLogit"/>, by the Newton-Raphson of <see cref="LogisticFit"/>. y may be fractional (a draw is 1/2);
    /// the likelihood is then Π p^y (1 - p)^(1 - y), whose score equations the fit solves. π perfectly calibrated gives (0, 1).
    /// </summary>
    public static (double Alpha, double Beta) PlattFit(IReadOnlyList<double> pi, IReadOnlyList<double> y, int replications)
    {
        Check(pi, y);
        return LogisticFit([.. pi.Select(p => ClippedLogit(p, replications))], y);
    }

    /// <summary>The Platt-scaled probability σ(α + β logit π), π clipped as in <see cref="ClippedLogit"/>.</summary>
    public static double PlattProbability(double pi, double alpha, double beta, int replications) =>
        Logistic(alpha + (beta * ClippedLogit(pi, replications)));

    /// <summary>
    /// Maximum-likelihood logistic regression P(y = 1) = 1 / (1 + exp(-(a + b x))) by Newton-Raphson (iteratively
    /// reweighted least squares, MathNet matrices); returns (a, b).
    /// </summary>
    public static (double A, double B) LogisticFit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Check(x, y);
        int n = x.Count;
        var beta = Vector<double>.Build.Dense(2);
        for (int iter = 0; iter < 50; iter++)
        {
            var grad = Vector<double>.Build.Dense(2);
            var hess = Matrix<double>.Build.Dense(2, 2);
            for (int i = 0; i < n; i++)
            {
                double p = Logistic(beta[0] + (beta[1] * x[i]));
                double w = Math.Max(p * (1 - p), 1e-12);
                double r = y[i] - p;
                grad[0] += r;
                grad[1] += r * x[i];
                hess[0, 0] += w;
                hess[0, 1] += w * x[i];
                hess[1, 0] += w * x[i];
                hess[1, 1] += w * x[i] * x[i];
            }
            var step = hess.Solve(grad);
            beta += step;
            if (step.L2Norm() < 1e-10) break;
        }
        return (beta[0], beta[1]);
    }

    /// <summary>
    /// Continuous ranked probability score of the forecast given by the sample <paramref name="xs"/> for the outcome
    /// <paramref name="y"/>, fair estimator: (1/n) Σ|x_i - y| - (1 / (2 n (n - 1))) Σ_{i≠j} |x_i - x_j| (Ferro 2014);
    /// |x - y| for one draw. Never negative (triangle inequality); lower is better; a proper score, so it rewards
    /// the forecast's spread as well as its centre.
    /// </summary>
    public static double Crps(IReadOnlyList<double> xs, double y)
    {
        ArgumentNullException.ThrowIfNull(xs);
        int n = xs.Count;
        if (n == 0) throw new ArgumentException("nothing to score");
        double a = 0, pairs = 0;
        for (int i = 0; i < n; i++)
        {
            a += Math.Abs(xs[i] - y);
            for (int j = i + 1; j < n; j++) pairs += Math.Abs(xs[i] - xs[j]);
        }
        return n == 1 ? a : Math.Max(0, (a / n) - (pairs / (n * (n - 1.0))));
    }

    /// <summary>The logistic function.</summary>
    public static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Share of (value, low, high) triples with low ≤ value ≤ high.</summary>
    public static double Coverage(IReadOnlyList<(double Value, double Low, double High)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Count == 0 ? double.NaN : rows.Count(r => r.Value >= r.Low && r.Value <= r.High) / (double)rows.Count;
    }

    /// <summary>Median of |ln(model / record)| over pairs where both are positive (NaN when none).</summary>
    public static double MedianAbsLogError(IReadOnlyList<(double Model, double Record)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var e = pairs.Where(p => p.Model > 0 && p.Record > 0).Select(p => Math.Abs(Math.Log(p.Model / p.Record))).OrderBy(v => v).ToArray();
        if (e.Length == 0) return double.NaN;
        return e.Length % 2 == 1 ? e[e.Length / 2] : (e[(e.Length / 2) - 1] + e[e.Length / 2]) / 2;
    }

    private static void Check(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count) throw new ArgumentException("the two lists differ in length");
        if (a.Count == 0) throw new ArgumentException("nothing to score");
    }
}
