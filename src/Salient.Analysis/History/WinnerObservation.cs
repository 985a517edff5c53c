namespace Salient.Analysis.History;

/// <summary>
/// The forecast of the record's winner from π, the model's probability that the attacker takes the defender's
/// position (docs/history.md §2, "The record's winner from π"). Two forms, each with two numbers fitted on the training
/// half only: the linear observation model a0 + (a1 - a0) π (a1, a0 from the training record's advance and winner,
/// <see cref="HistoryScoring.ObservationScores"/>) and Platt scaling σ(α + β logit π) (α, β by maximum likelihood on the
/// training battles' own π, <see cref="HistoryScoring.PlattFit"/>). The one with the lower log-loss on the training half
/// is used (<see cref="UsePlatt"/>); the held-out half never enters the choice.
/// </summary>
/// <param name="ScoreIfTaken">a1 of the linear model.</param>
/// <param name="ScoreIfNotTaken">a0 of the linear model.</param>
/// <param name="Alpha">α of Platt scaling (0 with β = 1 when it was not fitted: the identity).</param>
/// <param name="Beta">β of Platt scaling.</param>
/// <param name="Replications">R of π's replications; π is clipped to [1/(2R), 1 - 1/(2R)] before its logit.</param>
/// <param name="TrainingLogLossLinear">Log-loss of the linear model on the training half (NaN when not measured).</param>
/// <param name="TrainingLogLossPlatt">Log-loss of Platt scaling on the training half, in-sample (NaN when not fitted).</param>
/// <remarks>Immutable.</remarks>
public sealed record WinnerObservation(double ScoreIfTaken, double ScoreIfNotTaken, double Alpha, double Beta, int Replications,
    double TrainingLogLossLinear, double TrainingLogLossPlatt)
{
    /// <summary>Platt scaling is used when it was fitted and its training log-loss is below the linear model's.</summary>
    public bool UsePlatt => TrainingLogLossPlatt < TrainingLogLossLinear;

    /// <summary>The linear observation model a0 + (a1 - a0) π.</summary>
    public double Linear(double pi) => HistoryScoring.RecordedWinProbability(pi, ScoreIfTaken, ScoreIfNotTaken);

    /// <summary>Platt scaling σ(α + β logit π).</summary>
    public double Platt(double pi) => HistoryScoring.PlattProbability(pi, Alpha, Beta, Replications);

    /// <summary>The forecast used: <see cref="Platt"/> when <see cref="UsePlatt"/>, else <see cref="Linear"/>.</summary>
    public double Forecast(double pi) => UsePlatt ? Platt(pi) : Linear(pi);

    /// <summary>
    /// Both forms fitted on the training half: <paramref name="trainingPi"/> the training battles' π from
    /// <paramref name="replications"/> replications each, <paramref name="trainingScore"/> their record's attacker score
    /// (a draw 1/2), (a1, a0) from the training record. With fewer than two training battles Platt is not fitted and the
    /// linear model is used.
    /// </summary>
    public static WinnerObservation Fit((double ScoreIfTaken, double ScoreIfNotTaken) linear, IReadOnlyList<double> trainingPi, IReadOnlyList<double> trainingScore, int replications)
    {
        ArgumentNullException.ThrowIfNull(trainingPi);
        ArgumentNullException.ThrowIfNull(trainingScore);
        if (trainingPi.Count < 2) return new WinnerObservation(linear.ScoreIfTaken, linear.ScoreIfNotTaken, 0, 1, replications, double.NaN, double.NaN);
        var (alpha, beta) = HistoryScoring.PlattFit(trainingPi, trainingScore, replications);
        double lin = HistoryScoring.LogLoss([.. trainingPi.Select(p => HistoryScoring.RecordedWinProbability(p, linear.ScoreIfTaken, linear.ScoreIfNotTaken))], trainingScore);
        double platt = HistoryScoring.LogLoss([.. trainingPi.Select(p => HistoryScoring.PlattProbability(p, alpha, beta, replications))], trainingScore);
        return new WinnerObservation(linear.ScoreIfTaken, linear.ScoreIfNotTaken, alpha, beta, replications, lin, platt);
    }
}
