using Salient.Engine.Compilation;

namespace Salient.Experiments.Validation;

/// <summary>
/// Small forces (12 against 10), where the mean says little: the engine's joint distribution of final personnel
/// against the exact law of the Markov chain its assault draws define, computed by dynamic programming.
/// </summary>
/// <remarks>
/// The scenario is the square-law duel of <see cref="LanchesterSquareCase"/> with few soldiers. Each tick, from state
/// (B, R) with both positive, red loses <c>min(Poisson(a B dt), R)</c> and blue <c>min(Poisson(b R dt), B)</c>,
/// independently (docs/model.md 4.7: both means are taken before either loss, and each side's casualties are capped
/// at its personnel); a side at 0 is eliminated and the chain stops. The law after the last tick is computed
/// exactly over the (B0 + 1)(R0 + 1) states.
/// The test statistic is the total-variation distance between the engine's empirical law over n replications and
/// the exact one. Its tolerance: <c>E[TV] &lt;= 1/2 sum_i sqrt(p_i (1 - p_i) / n)</c> (Jensen, cell by cell), and TV
/// changes by at most 1/n when one replication changes, so by McDiarmid's inequality
/// <c>P(TV &gt;= E[TV] + eps) &lt;= exp(-2 n eps^2)</c>; with <c>eps = sqrt(ln(1e6) / (2 n))</c> a false failure has
/// probability below 1e-6. The summary rows (probabilities and means) use 5 standard errors of the exact law.
/// </remarks>
public sealed class MarkovDuelCase : ValidationCase
{
    /// <summary>Replications.</summary>
    public const int Replications = 20000;

    /// <summary>Probability of a false failure allowed for the total-variation check.</summary>
    public const double FalseFailure = 1e-6;

    /// <inheritdoc/>
    public override string Id => "markov-duel";

    /// <inheritdoc/>
    public override string Title => "Small forces: Markov chain";

    /// <inheritdoc/>
    public override ulong Seed => 202;

    /// <inheritdoc/>
    public override string Method =>
        "The square-law duel with 12 blue against 10 red for 96 one-hour ticks. Each tick, from (B, R) with both " +
        "positive, red loses min(Poisson(a B dt), R) and blue min(Poisson(b R dt), B), independently; a side at 0 is out. " +
        "The law of (B, R) after the last tick is computed exactly by dynamic programming over the 143 states with these " +
        "capped Poisson transitions, and compared with the engine's `personnel.final` over n replications by the " +
        "total-variation distance TV. Tolerance: E[TV] <= 1/2 sum sqrt(p(1-p)/n) over the states, and by McDiarmid's " +
        "inequality TV exceeds that by sqrt(ln(10^6)/(2n)) with probability below 10^-6. The probabilities and means " +
        "use 5 standard errors of the exact law (sqrt(p(1-p)/n), sqrt(Var/n)).";

    /// <inheritdoc/>
    public override ValidationCaseResult Run(string folder, int threads)
    {
        var model = Load(folder);
        var (blue, red, a, b) = RequireAssaultDuel(model);
        int b0 = (int)Math.Round(Fixed(blue.Personnel), MidpointRounding.ToEven), r0 = (int)Math.Round(Fixed(red.Personnel), MidpointRounding.ToEven);
        Require(b0 is > 0 and <= 1000 && r0 is > 0 and <= 1000, "small forces (the chain has (B0+1)(R0+1) states)");
        int ticks = model.Calendar.Days * model.Calendar.TicksPerDay;
        double[,] exact = DuelChain.FinalLaw(b0, r0, a / model.Calendar.TicksPerDay, b / model.Calendar.TicksPerDay, ticks);

        var result = Simulate(model, Replications, threads);
        double[] finalB = result.MetricColumn(result.Layout.MetricIndex(MetricNames.PersonnelFinal("blue")));
        double[] finalR = result.MetricColumn(result.Layout.MetricIndex(MetricNames.PersonnelFinal("red")));
        var counts = new double[b0 + 1, r0 + 1];
        for (int i = 0; i < Replications; i++)
        {
            int fb = (int)finalB[i], fr = (int)finalR[i];
            Require(fb == finalB[i] && fr == finalR[i] && fb is >= 0 && fb <= b0 && fr is >= 0 && fr <= r0, "final personnel are whole numbers within the initial strengths");
            counts[fb, fr]++;
        }

        const int n = Replications;
        double tv = 0, expectedTv = 0;
        double pRedOut = 0, pBlueOut = 0, meanB = 0, meanR = 0, sqB = 0, sqR = 0;
        double hatRedOut = 0, hatBlueOut = 0, hatB = 0, hatR = 0;
        for (int i = 0; i <= b0; i++)
            for (int j = 0; j <= r0; j++)
            {
                double pe = exact[i, j], ph = counts[i, j] / n;
                tv += Math.Abs(ph - pe) / 2;
                expectedTv += Math.Sqrt(pe * (1 - pe) / n) / 2;
                if (j == 0) { pRedOut += pe; hatRedOut += ph; }
                if (i == 0) { pBlueOut += pe; hatBlueOut += ph; }
                meanB += i * pe; sqB += (double)i * i * pe; hatB += i * ph;
                meanR += j * pe; sqR += (double)j * j * pe; hatR += j * ph;
            }
        double tvBound = expectedTv + Math.Sqrt(Math.Log(1 / FalseFailure) / (2.0 * n));
        var rows = new List<ValidationCheck>
        {
            new("total-variation distance of final (B, R) law", 0, tv, tvBound, n),
            Proportion("P(red eliminated)", pRedOut, hatRedOut),
            Proportion("P(blue eliminated)", pBlueOut, hatBlueOut),
            new("mean personnel.final.blue", meanB, hatB, Sigmas * Math.Sqrt((sqB - meanB * meanB) / n), n),
            new("mean personnel.final.red", meanR, hatR, Sigmas * Math.Sqrt((sqR - meanR * meanR) / n), n),
        };
        return new ValidationCaseResult(Id, Title, rows, rows, Seed);

        static ValidationCheck Proportion(string name, double pe, double ph) =>
            new(name, pe, ph, Sigmas * Math.Sqrt(pe * (1 - pe) / n), n);
    }
}

/// <summary>The exact law of the engine's capped-Poisson assault duel, by dynamic programming over (B, R).</summary>
public static class DuelChain
{
    /// <summary>
    /// The law of (B, R) after <paramref name="ticks"/> ticks from (b0, r0), where each tick, while both are
    /// positive, red loses <c>min(Poisson(redLossPerBlue B), R)</c> and blue <c>min(Poisson(blueLossPerRed R), B)</c>.
    /// </summary>
    /// <param name="b0">Blue's initial strength.</param>
    /// <param name="r0">Red's initial strength.</param>
    /// <param name="redLossPerBlue">Red's expected casualties per blue soldier per tick.</param>
    /// <param name="blueLossPerRed">Blue's expected casualties per red soldier per tick.</param>
    /// <param name="ticks">Number of ticks.</param>
    /// <returns>Probabilities indexed [B, R].</returns>
    public static double[,] FinalLaw(int b0, int r0, double redLossPerBlue, double blueLossPerRed, int ticks)
    {
        var law = new double[b0 + 1, r0 + 1];
        var next = new double[b0 + 1, r0 + 1];
        law[b0, r0] = 1;
        var lossB = new double[b0 + 1];
        var lossR = new double[r0 + 1];
        for (int t = 0; t < ticks; t++)
        {
            Array.Clear(next);
            for (int i = 0; i <= b0; i++)
                for (int j = 0; j <= r0; j++)
                {
                    double mass = law[i, j];
                    if (mass == 0) continue;
                    if (i == 0 || j == 0) { next[i, j] += mass; continue; }
                    CappedPoisson(blueLossPerRed * j, i, lossB);
                    CappedPoisson(redLossPerBlue * i, j, lossR);
                    for (int x = 0; x <= i; x++)
                    {
                        if (lossB[x] == 0) continue;
                        for (int y = 0; y <= j; y++) next[i - x, j - y] += mass * lossB[x] * lossR[y];
                    }
                }
            (law, next) = (next, law);
        }
        return law;
    }

    /// <summary>Fills <paramref name="pmf"/>[0..cap] with the law of <c>min(Poisson(lambda), cap)</c>.</summary>
    public static void CappedPoisson(double lambda, int cap, double[] pmf)
    {
        ArgumentNullException.ThrowIfNull(pmf);
        double term = Math.Exp(-lambda), below = 0;
        for (int k = 0; k < cap; k++)
        {
            pmf[k] = term;
            below += term;
            term *= lambda / (k + 1);
        }
        pmf[cap] = Math.Max(0, 1 - below);
    }
}
