using System.Collections.Immutable;
using System.Globalization;
using Salient.Analysis.Calibration;
using Salient.Experiments.Statistics;
using Salient.Scenario.Model;

namespace Salient.Analysis.History;

/// <summary>A table of the history study: named columns, rows of cells that are a double (NaN for none) or a string.</summary>
/// <remarks>Immutable.</remarks>
public sealed record HistoryTable(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object[]> Rows);

/// <summary>Settings of <see cref="HistoryStudy"/>.</summary>
/// <param name="Replications">Replications per held-out battle (the 90% interval is the R-7 5% and 95% quantiles of these).</param>
/// <param name="FitReplications">Replications per training battle for each ABC particle.</param>
/// <param name="FitBattles">Training battles used in the fit (every k-th of the training half, in isqno order); 0 skips the fit.</param>
/// <param name="Particles">ABC-SMC particles per generation.</param>
/// <param name="Generations">ABC-SMC generations (the prior's included).</param>
/// <param name="Seed">Seed of every replay and of the fit.</param>
/// <param name="Threads">Parallel proposals in the fit; results do not depend on it.</param>
/// <param name="Only">When not null, replay only these isqno (the split still applies); for tests and quick looks.</param>
/// <param name="Hold">Parameter paths (<see cref="GroundParameters.Paths"/>) held at their defaults instead of fitted: to
/// measure what one mechanism adds (for example engagement.selection).</param>
/// <param name="JudgeTraining">Judge the training half instead of the held-out half: an in-sample diagnosis, never a result.</param>
/// <param name="AlsoFit">Paths of <see cref="HistoryStudy.TriedPriors"/> fitted as well (mechanisms tried and not used by default),
/// appended after <see cref="HistoryStudy.Priors"/>.</param>
/// <param name="FitOnPosition">Score the model's win in the fit's distance against the record's own event, an advance of at
/// least 1 km (<see cref="HistoryStudy.PositionTaken"/>; the winner where no advance is recorded), instead of against the
/// record's winner: tried with the observation model and not used by default (docs/history.md §4).</param>
public sealed record HistoryOptions(int Replications = 100, int FitReplications = 2, int FitBattles = 80, int Particles = 80,
    int Generations = 5, ulong Seed = 1943, int Threads = 1, IReadOnlySet<int>? Only = null, IReadOnlySet<string>? Hold = null, bool JudgeTraining = false,
    IReadOnlySet<string>? AlsoFit = null, bool FitOnPosition = false);

/// <summary>What <see cref="HistoryStudy.Run"/> produced.</summary>
/// <param name="Tables">battles, excluded, summary, relations, kursk1943, fit.</param>
/// <param name="Fitted">The posterior's weighted medians (the defaults when the fit was skipped); the held-out half is judged at posterior draws.</param>
/// <param name="Generations">The ABC-SMC generations (empty when the fit was skipped).</param>
/// <param name="Calibration">Calibration curve points of the held-out winner probabilities: (mean forecast, observed share, count).</param>
/// <param name="CasualtyPairs">Held-out (record, model median) casualty fraction per day, and the side ("attacker"/"defender").</param>
public sealed record HistoryResult(IReadOnlyList<HistoryTable> Tables, GroundParameters Fitted, IReadOnlyList<Generation> Generations,
    IReadOnlyList<(double Forecast, double Observed, int Count)> Calibration, IReadOnlyList<(double Record, double Model, string Side)> CasualtyPairs)
{
    /// <summary>The table named <paramref name="name"/>.</summary>
    public HistoryTable Table(string name) => Tables.First(t => t.Name == name);
}

/// <summary>
/// The history study of docs/history.md: CDB90 rows become engagements (<see cref="EngagementAdapter"/>); the battles
/// with an odd isqno train, the even ones are judged. The global ground-combat parameters (<see cref="GroundParameters"/>)
/// are fitted on the training half by ABC-SMC (<see cref="AbcSmc"/>); the held-out half is replayed at the posterior's
/// posterior (each replication at its own draw from the last generation, <see cref="PosteriorDraws"/>) and at the
/// engine's defaults, and scored against the record and two baselines. No I/O.
/// </summary>
public static class HistoryStudy
{
    /// <summary>The Kursk 1943 engagements (isqno 493-499).</summary>
    public static readonly ImmutableArray<int> Kursk1943 = [493, 494, 495, 496, 497, 498, 499];

    /// <summary>Force-ratio bands of the win-rate relation (lower bounds; the last is open).</summary>
    public static readonly ImmutableArray<double> ForceRatioBands = [0, 1, 1.5, 2, 3, 5];

    /// <summary>
    /// The priors of the fit, in <see cref="GroundParameters.Paths"/> order (uniform, assumptions spanning the defaults
    /// widely); a path without a prior (the pursuit) is played at its default.
    /// </summary>
    public static ImmutableArray<Prior> Priors { get; } =
    [
        new Prior(GroundParameters.Paths[0], new Distribution(DistributionKind.Uniform, 0.002, 0.2, 0, 0.002, 0.2), 0, 10),
        new Prior(GroundParameters.Paths[1], new Distribution(DistributionKind.Uniform, 1.1, 8, 0, 1.1, 8), 1, 1e6),
        new Prior(GroundParameters.Paths[2], new Distribution(DistributionKind.Uniform, 1, 40, 0, 1, 40), 0, 200),
        new Prior(GroundParameters.Paths[3], new Distribution(DistributionKind.Uniform, 0.5, 8, 0, 0.5, 8), 0, 100),
        new Prior(GroundParameters.Paths[4], new Distribution(DistributionKind.Uniform, 0, 3, 0, 0, 3), 0, 10),
        new Prior(GroundParameters.Paths[5], new Distribution(DistributionKind.Uniform, 1, 100, 0, 1, 100), 0, 1e6),
        new Prior(GroundParameters.Paths[6], new Distribution(DistributionKind.Uniform, 1, 100, 0, 1, 100), 0, 1e6),
        new Prior(GroundParameters.Paths[7], new Distribution(DistributionKind.Uniform, 0, 1.5, 0, 0, 1.5), 0, 5),
        new Prior(GroundParameters.Paths[8], new Distribution(DistributionKind.Uniform, 0, 0.6, 0, 0, 0.6), 0, 1),
        new Prior(GroundParameters.Paths[9], new Distribution(DistributionKind.Uniform, 0, 1, 0, 0, 1), 0, 1),
        new Prior(GroundParameters.Paths[10], new Distribution(DistributionKind.Uniform, 100, 20000, 0, 100, 20000), 0.001, 1e6),
        new Prior(GroundParameters.Paths[11], new Distribution(DistributionKind.Uniform, 0, 0.5, 0, 0, 0.5), 0, 2),
        new Prior(GroundParameters.Paths[12], new Distribution(DistributionKind.Uniform, 0, 0.5, 0, 0, 0.5), 0, 1),
        new Prior(GroundParameters.Paths[13], new Distribution(DistributionKind.Uniform, 0, 1.5, 0, 0, 1.5), 0, 5),
        new Prior(GroundParameters.Paths[14], new Distribution(DistributionKind.Uniform, 0.02, 0.4, 0, 0.02, 0.4), 0, 1),
        new Prior(GroundParameters.Paths[15], new Distribution(DistributionKind.Uniform, 0, 1, 0, 0, 1), 0, 1),
        // parameters.ground.pursuit_loss (Paths[16]) is not fitted: on the training half it made every measure worse
        // (docs/history.md §4), so the study plays it at its default, 0 (off).
    ];

    /// <summary>
    /// Priors of mechanisms tried on the training half and not used by default (docs/history.md §4), fitted only when
    /// named in <see cref="HistoryOptions.AlsoFit"/>: the defence's culmination θ_d (uniform 0.02–0.6) and the σ of the
    /// attacker's and the defence's culmination thresholds (uniform 0–1.5 each). Otherwise they are played at their
    /// defaults, 0 (off).
    /// </summary>
    public static ImmutableArray<Prior> TriedPriors { get; } =
    [
        new Prior(GroundParameters.Paths[17], new Distribution(DistributionKind.Uniform, 0.02, 0.6, 0, 0.02, 0.6), 0, 1),
        new Prior(GroundParameters.Paths[18], new Distribution(DistributionKind.Uniform, 0, 1.5, 0, 0, 1.5), 0, 5),
        new Prior(GroundParameters.Paths[19], new Distribution(DistributionKind.Uniform, 0, 1.5, 0, 0, 1.5), 0, 5),
    ];

    /// <summary>The record's counterpart of the model's win: 1 when the recorded advance is at least one cell (1 km), else 0 (NaN unrecorded).</summary>
    public static double PositionTaken(CdbBattle b) => double.IsNaN(b.KmAdvanced) ? double.NaN : b.KmAdvanced >= EngagementAdapter.CellDepthKm ? 1 : 0;

    /// <summary>The recorded outcome scored: 1 when the attacker won, 1/2 for a draw, 0 when the defender won.</summary>
    public static double AttackerWon(CdbBattle b) => b.Wina switch { 1 => 1, 0 => 0.5, _ => 0 };

    /// <summary>Runs the study on <paramref name="battles"/> (all rows of cdb90_all.csv).</summary>
    public static HistoryResult Run(IReadOnlyList<CdbBattle> battles, HistoryOptions options, Action<string>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(battles);
        ArgumentNullException.ThrowIfNull(options);
        var excluded = new List<Exclusion>();
        var eligible = new List<CdbBattle>();
        foreach (var b in battles.OrderBy(b => b.Isqno))
        {
            if (EngagementAdapter.ExclusionReason(b) is { } reason) excluded.Add(new Exclusion(b.Isqno, b.Name, reason));
            else eligible.Add(b);
        }
        var pick = eligible.Where(b => options.Only is null || options.Only.Contains(b.Isqno)).ToList();
        var training = pick.Where(b => b.Isqno % 2 == 1).ToList();
        var test = pick.Where(b => b.Isqno % 2 == (options.JudgeTraining ? 1 : 0)).ToList();
        if (options.JudgeTraining) progress?.Invoke("judging the TRAINING half (in-sample diagnosis, not a result)");
        if (options.Hold?.FirstOrDefault(h => !GroundParameters.Paths.Contains(h)) is { } unknown)
            throw new ArgumentException($"--hold: '{unknown}' is not a fitted parameter ({string.Join(", ", GroundParameters.Paths)})", nameof(options));
        if (options.AlsoFit?.FirstOrDefault(h => !TriedPriors.Any(q => q.Path == h)) is { } untried)
            throw new ArgumentException($"--also-fit: '{untried}' is not a tried mechanism ({string.Join(", ", TriedPriors.Select(q => q.Path))})", nameof(options));
        var priors = Priors.Concat(TriedPriors.Where(q => options.AlsoFit?.Contains(q.Path) == true))
            .Where(q => options.Hold?.Contains(q.Path) != true).ToImmutableArray();
        var defaults = GroundParameters.Defaults.ToArray();
        // θ of the fitted priors expanded to every parameter, the held ones at their defaults.
        GroundParameters Expand(IReadOnlyList<double> theta)
        {
            var full = (double[])defaults.Clone();
            for (int i = 0; i < priors.Length; i++) full[PathIndex(priors[i].Path)] = theta[i];
            return GroundParameters.From(full);
        }
        progress?.Invoke($"{eligible.Count} battles replayable, {excluded.Count} listed as excluded; training {training.Count} (odd isqno), held out {test.Count} (even)");

        // Baselines, fitted on the training half only.
        double baseRate = training.Count > 0 ? training.Average(AttackerWon) : 0.5;
        var (la, lb) = training.Count >= 2 ? HistoryScoring.LogisticFit([.. training.Select(b => Math.Log(b.ForceRatio))], [.. training.Select(AttackerWon)]) : (0.0, 0.0);
        // The record's winner as an observation of the model's event (taking the defender's first cell), from the training
        // half's record alone: its mean attacker score where the attacker advanced at least one cell, and where it did not.
        (double ScoreIfTaken, double ScoreIfNotTaken) obs = training.Count > 0 ? HistoryScoring.ObservationScores([.. training.Select(b => b.KmAdvanced)], [.. training.Select(AttackerWon)], EngagementAdapter.CellDepthKm) : (1.0, 0.0);
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"the record's attacker score where the attacker took its first km {obs.ScoreIfTaken:F3}, elsewhere {obs.ScoreIfNotTaken:F3} (training half)"));

        // The fit.
        var generations = new List<Generation>();
        var fitted = GroundParameters.Defaults;
        var draws = Enumerable.Repeat(GroundParameters.Defaults, options.Replications).ToArray();
        var fitRows = new List<object[]>();
        if (options.FitBattles > 0 && training.Count > 0)
        {
            int stride = Math.Max(1, (int)Math.Ceiling(training.Count / (double)options.FitBattles));
            var fitSet = training.Where((_, i) => i % stride == 0).Select(HistoryReplay.Create).ToList();
            progress?.Invoke($"fitting on {fitSet.Count} training battles x {options.FitReplications} replications per particle");
            // The distance scores each training battle's replications as a forecast of the record: the continuous
            // ranked probability score (fair estimator, HistoryScoring.Crps) of ln(casualties + 1) for each side, of the
            // attacker's win (0/1 against 1, 1/2 or 0; with FitOnPosition against the record's advance of at least 1 km) and of
            // ln(km + 1), averaged over the battle's terms and then over battles. A proper score: it rewards the right spread
            // as well as the right centre.
            double Distance(double[] theta, long proposal)
            {
                var p = Expand(theta);
                double sum = 0;
                foreach (var replay in fitSet)
                {
                    var b = replay.Battle;
                    var os = replay.Play(p, options.Seed, checked((int)(proposal * options.FitReplications)), options.FitReplications);
                    double e = HistoryScoring.Crps([.. os.Select(o => Math.Log(o.AttackerCasualties + 1))], Math.Log(b.Attacker.Casualties + 1))
                        + HistoryScoring.Crps([.. os.Select(o => Math.Log(o.DefenderCasualties + 1))], Math.Log(b.Defender.Casualties + 1))
                        + HistoryScoring.Crps([.. os.Select(o => o.AttackerWins ? 1.0 : 0.0)], options.FitOnPosition && !double.IsNaN(b.KmAdvanced) ? PositionTaken(b) : AttackerWon(b));
                    int k = 3;
                    if (!double.IsNaN(b.KmAdvanced))
                    {
                        e += HistoryScoring.Crps([.. os.Select(o => Math.Log(Math.Max(o.AdvanceKm, 0) + 1))], Math.Log(Math.Max(b.KmAdvanced, 0) + 1));
                        k++;
                    }
                    sum += e / k;
                }
                return sum / fitSet.Count;
            }
            var abc = new AbcOptions(options.Particles, options.Generations, 0.5, options.Seed, options.Threads);
            generations.AddRange(AbcSmc.Run(priors, abc, Distance, (g, accepted, proposals) => progress?.Invoke($"  generation {g}: {accepted} accepted of {proposals} proposals"), cancel));
            var last = generations.Last(g => g.Particles.Length > 0);
            var medians = new double[priors.Length];
            for (int i = 0; i < priors.Length; i++)
            {
                var pairs = last.Particles.Select(q => (X: q.Theta[i], W: q.Weight)).OrderBy(q => q.X).ToArray();
                medians[i] = ScenarioCalibration.WeightedQuantile(pairs, 0.5);
                double d = defaults[PathIndex(priors[i].Path)];
                fitRows.Add([priors[i].Path, d, pairs.Sum(q => q.W * q.X), ScenarioCalibration.WeightedQuantile(pairs, 0.05), medians[i], ScenarioCalibration.WeightedQuantile(pairs, 0.95),
                    priors[i].Lower, priors[i].Upper, (double)last.Index, last.Epsilon]);
            }
            fitted = Expand(medians);
            draws = [.. PosteriorThetas(last, options.Replications).Select(Expand)];
        }

        // The record's winner from π: the training half replayed as the held-out half is (the same draws, seed and
        // replications), and the two forms of WinnerObservation fitted on it; the one with the lower training log-loss is used.
        var defaultDraws = Enumerable.Repeat(GroundParameters.Defaults, options.Replications).ToArray();
        var linearOnly = new WinnerObservation(obs.ScoreIfTaken, obs.ScoreIfNotTaken, 0, 1, options.Replications, double.NaN, double.NaN);
        progress?.Invoke($"replaying {training.Count} training battles x {options.Replications} replications, at the fit and at the defaults, for the winner's observation model");
        var trainJudged = Judge(training, draws, options, linearOnly, cancel);
        var trainJudgedDefault = Judge(training, defaultDraws, options, linearOnly, cancel);
        WinnerObservation Observe(List<Judged> js) =>
            WinnerObservation.Fit(obs, [.. js.Select(j => j.PPosition)], [.. js.Select(j => AttackerWon(j.Battle))], options.Replications);
        var observation = Observe(trainJudged);
        var observationDefault = Observe(trainJudgedDefault);
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"training log-loss of the record's winner: linear {observation.TrainingLogLossLinear:F4}, Platt {observation.TrainingLogLossPlatt:F4} (alpha {observation.Alpha:F3}, beta {observation.Beta:F3}); using {(observation.UsePlatt ? "Platt" : "linear")}"));

        // Judgement on the held-out half, at the fitted values and at the defaults.
        progress?.Invoke($"replaying {test.Count} held-out battles x {options.Replications} replications, at the fit and at the defaults");
        List<Judged> judged = options.JudgeTraining ? [.. trainJudged.Select(j => j with { Observation = observation })] : Judge(test, draws, options, observation, cancel);
        List<Judged> judgedDefault = options.JudgeTraining ? [.. trainJudgedDefault.Select(j => j with { Observation = observationDefault })] : Judge(test, defaultDraws, options, observationDefault, cancel);
        var kurskBattles = battles.Where(b => Kursk1943.Contains(b.Isqno) && (options.Only is null || options.Only.Contains(b.Isqno))).OrderBy(b => b.Isqno).ToList();
        var kursk = Judge(kurskBattles.Where(b => b.Wina is not null && b.Attacker.Strength > 0 && b.Defender.Strength > 0).ToList(), draws, options, observation, cancel);

        var tables = new List<HistoryTable>
        {
            BattleTable(judged, baseRate, la, lb),
            new("excluded", ["isqno", "name", "reason"], [.. excluded.Select(e => new object[] { (double)e.Isqno, e.Name, e.Reason })]),
            SummaryTable(judged, judgedDefault, training, baseRate, la, lb, fitted, observation, observationDefault),
            RelationsTable(judged),
            KurskTable(kursk),
            new("fit", ["parameter", "default", "posterior_mean", "posterior_p05", "posterior_p50", "posterior_p95", "prior_min", "prior_max", "generation", "epsilon"], fitRows),
        };
        return new HistoryResult(tables, fitted, generations, CalibrationCurve(judged), CasualtyPairs(judged));
    }

    private static int PathIndex(string path)
    {
        for (int i = 0; i < GroundParameters.Paths.Count; i++)
            if (GroundParameters.Paths[i] == path) return i;
        return -1;
    }

    /// <summary>One battle's replications, and the forecast of the record's winner from them.</summary>
    private sealed record Judged(HistoryReplay Replay, ReplayOutcome[] Outcomes, WinnerObservation Observation)
    {
        public CdbBattle Battle => Replay.Battle;
        public int Wins => Outcomes.Count(o => o.AttackerWins);
        /// <summary>The model's probability that the attacker takes the defender's position (its own event).</summary>
        public double PPosition => HistoryScoring.WinProbability(Wins, Outcomes.Length);
        /// <summary>The forecast of the record's winner: <see cref="PPosition"/> through the form chosen on the training half.</summary>
        public double PWin => Observation.Forecast(PPosition);
        /// <summary><see cref="PPosition"/> through the linear observation model.</summary>
        public double PLinear => Observation.Linear(PPosition);
        /// <summary><see cref="PPosition"/> through Platt scaling.</summary>
        public double PPlatt => Observation.Platt(PPosition);
    }

    /// <summary>
    /// <paramref name="count"/> parameter sets drawn from a generation by systematic resampling on its weights
    /// (draw r takes the particle whose cumulative weight first reaches (r + 1/2) / count): deterministic, and each
    /// particle appears about weight x count times.
    /// </summary>
    public static GroundParameters[] PosteriorDraws(Generation generation, int count) => [.. PosteriorThetas(generation, count).Select(GroundParameters.From)];

    /// <summary>The θ of <see cref="PosteriorDraws"/> (in the generation's prior order).</summary>
    public static double[][] PosteriorThetas(Generation generation, int count)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var ps = generation.Particles;
        var result = new double[count][];
        double cum = ps[0].Weight;
        int k = 0;
        for (int r = 0; r < count; r++)
        {
            double u = (r + 0.5) / count;
            while (cum < u - 1e-12 && k < ps.Length - 1) cum += ps[++k].Weight;
            result[r] = [.. ps[k].Theta];
        }
        return result;
    }

    private static List<Judged> Judge(List<CdbBattle> battles, IReadOnlyList<GroundParameters> draws, HistoryOptions options, WinnerObservation observation, CancellationToken cancel)
    {
        var result = new Judged[battles.Count];
        Parallel.For(0, battles.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancel }, i =>
        {
            var replay = HistoryReplay.Create(battles[i]);
            result[i] = new Judged(replay, replay.PlayEach(draws, options.Seed, 0), observation);
        });
        return [.. result];
    }

    /// <summary>Casualties per day as a fraction of the side's strength.</summary>
    private static double PerDay(double casualties, double strength, double days) => casualties / strength / days;

    private static double Q(IEnumerable<double> values, double p) => Quantiles.R7OfUnsorted(values, p);

    private static HistoryTable BattleTable(List<Judged> judged, double baseRate, double la, double lb)
    {
        string[] cols =
        [
            "isqno", "name", "war", "days", "force_ratio", "posture", "terrain", "notes",
            "atk_cas_frac_day_record", "atk_cas_frac_day_p05", "atk_cas_frac_day_p50", "atk_cas_frac_day_p95", "atk_inside",
            "def_cas_frac_day_record", "def_cas_frac_day_p05", "def_cas_frac_day_p50", "def_cas_frac_day_p95", "def_inside",
            "exchange_ratio_record", "exchange_ratio_p50", "km_record", "km_p05", "km_p50", "km_p95",
            "winner_record", "attacker_won", "p_attacker_model", "p_attacker_base_rate", "p_attacker_logistic",
            "atk_tank_losses_record", "atk_tank_losses_p50", "def_tank_losses_record", "def_tank_losses_p50", "p_position_model",
            "p_attacker_linear", "p_attacker_platt",
        ];
        var rows = new List<object[]>();
        foreach (var j in judged)
        {
            var b = j.Battle;
            double days = j.Replay.Mapping.Days;
            var fa = j.Outcomes.Select(o => PerDay(o.AttackerCasualties, b.Attacker.Strength, days)).ToArray();
            var fd = j.Outcomes.Select(o => PerDay(o.DefenderCasualties, b.Defender.Strength, days)).ToArray();
            double ra = PerDay(b.Attacker.Casualties, b.Attacker.Strength, days), rd = PerDay(b.Defender.Casualties, b.Defender.Strength, days);
            double a05 = Q(fa, 0.05), a95 = Q(fa, 0.95), d05 = Q(fd, 0.05), d95 = Q(fd, 0.95);
            var km = j.Outcomes.Select(o => o.AdvanceKm).ToArray();
            rows.Add(
            [
                (double)b.Isqno, b.Name, b.War, days, b.ForceRatio, b.Posture ?? "", b.Terrain ?? "", j.Replay.Mapping.Notes,
                ra, a05, Q(fa, 0.5), a95, ra >= a05 && ra <= a95 ? 1.0 : 0.0,
                rd, d05, Q(fd, 0.5), d95, rd >= d05 && rd <= d95 ? 1.0 : 0.0,
                b.Attacker.Casualties > 0 ? b.Defender.Casualties / b.Attacker.Casualties : double.NaN,
                Q(j.Outcomes.Select(o => o.AttackerCasualties > 0 ? o.DefenderCasualties / o.AttackerCasualties : double.NaN).Where(double.IsFinite).DefaultIfEmpty(double.NaN), 0.5),
                b.KmAdvanced, Q(km, 0.05), Q(km, 0.5), Q(km, 0.95),
                b.Wina switch { 1 => "attacker", 0 => "draw", _ => "defender" }, AttackerWon(b), j.PWin, baseRate,
                HistoryScoring.Logistic(la + (lb * Math.Log(b.ForceRatio))),
                b.Attacker.TankLosses, Q(j.Outcomes.Select(o => o.AttackerTankLosses), 0.5), b.Defender.TankLosses, Q(j.Outcomes.Select(o => o.DefenderTankLosses), 0.5),
                j.PPosition, j.PLinear, j.PPlatt,
            ]);
        }
        return new HistoryTable("battles", cols, rows);
    }

    private static HistoryTable SummaryTable(List<Judged> fit, List<Judged> defaults, List<CdbBattle> training, double baseRate, double la, double lb, GroundParameters fitted,
        WinnerObservation obs, WinnerObservation obsDefault)
    {
        var rows = new List<object[]>();
        void Add(string metric, double atFit, double atDefault, string note) => rows.Add([metric, atFit, atDefault, note]);
        var y = fit.Select(j => AttackerWon(j.Battle)).ToArray();
        int n = fit.Count;
        Add("held_out_battles", n, defaults.Count, "even isqno, replayable");
        Add("training_battles", training.Count, training.Count, "odd isqno, replayable");
        if (n == 0) return new HistoryTable("summary", ["metric", "at_fit", "at_defaults", "note"], rows);
        double Cov(List<Judged> js, bool attacker) => HistoryScoring.Coverage([.. js.Select(j => Interval(j, attacker))]);
        double CovAll(List<Judged> js) => HistoryScoring.Coverage([.. js.Select(j => Interval(j, true)).Concat(js.Select(j => Interval(j, false)))]);
        double Mdae(List<Judged> js, bool? attacker) => HistoryScoring.MedianAbsLogError([.. js.SelectMany(j => Pairs(j, attacker))]);
        Add("coverage90_cas_frac_day_attacker", Cov(fit, true), Cov(defaults, true), "share of battles whose record is inside the model's 5-95% interval");
        Add("coverage90_cas_frac_day_defender", Cov(fit, false), Cov(defaults, false), "");
        Add("coverage90_cas_frac_day_all", CovAll(fit), CovAll(defaults), "side-battles; target at least 0.70");
        Add("median_abs_log_error_cas_frac_attacker", Mdae(fit, true), Mdae(defaults, true), "|ln(model median / record)|, record > 0");
        Add("median_abs_log_error_cas_frac_defender", Mdae(fit, false), Mdae(defaults, false), "");
        Add("median_abs_log_error_cas_frac_all", Mdae(fit, null), Mdae(defaults, null), "");
        Add("median_abs_log_error_exchange_ratio", ExchangeError(fit), ExchangeError(defaults), "def/atk casualties");
        Add("median_abs_error_km", KmError(fit), KmError(defaults), "|model median - record| km, where the record has kmda");
        var pModel = fit.Select(j => j.PWin).ToArray();
        var pDefault = defaults.Select(j => j.PWin).ToArray();
        var pBase = Enumerable.Repeat(baseRate, n).ToArray();
        var pLogit = fit.Select(j => HistoryScoring.Logistic(la + (lb * Math.Log(j.Battle.ForceRatio)))).ToArray();
        var pAlways = Enumerable.Repeat(1.0, n).ToArray();
        string Form(WinnerObservation o) => o.UsePlatt
            ? string.Create(CultureInfo.InvariantCulture, $"Platt: p = 1/(1 + exp(-({o.Alpha:F3} + {o.Beta:F3} logit pi)))")
            : string.Create(CultureInfo.InvariantCulture, $"linear: p = {o.ScoreIfNotTaken:F3} + {o.ScoreIfTaken - o.ScoreIfNotTaken:F3} x pi");
        Add("winner_log_loss_model", HistoryScoring.LogLoss(pModel, y), HistoryScoring.LogLoss(pDefault, y),
            $"natural log; attacker win = 1, draw = 1/2, defender win = 0; pi = P(attacker takes the position); the form with the lower training log-loss, at the fit {Form(obs)}; at the defaults {Form(obsDefault)}");
        var pLinear = fit.Select(j => j.PLinear).ToArray();
        var pLinearDefault = defaults.Select(j => j.PLinear).ToArray();
        var pPlatt = fit.Select(j => j.PPlatt).ToArray();
        var pPlattDefault = defaults.Select(j => j.PPlatt).ToArray();
        Add("winner_log_loss_model_linear", HistoryScoring.LogLoss(pLinear, y), HistoryScoring.LogLoss(pLinearDefault, y), "the linear observation model a0 + (a1 - a0) pi");
        Add("winner_log_loss_model_platt", HistoryScoring.LogLoss(pPlatt, y), HistoryScoring.LogLoss(pPlattDefault, y), "Platt scaling 1/(1 + exp(-(alpha + beta logit pi))), pi clipped to [1/(2R), 1 - 1/(2R)]");
        var pPosition = fit.Select(j => j.PPosition).ToArray();
        var pPositionDefault = defaults.Select(j => j.PPosition).ToArray();
        Add("winner_log_loss_model_position", HistoryScoring.LogLoss(pPosition, y), HistoryScoring.LogLoss(pPositionDefault, y), "P(attacker takes the position) scored as the winner directly, without the observation model");
        Add("winner_log_loss_attacker_always_wins_p1", HistoryScoring.LogLoss(pAlways, y), double.NaN, "p = 1 clipped at 1e-15: any defender win costs 34.5, a draw 17.3");
        Add("winner_log_loss_base_rate", HistoryScoring.LogLoss(pBase, y), double.NaN, "p = training half's attacker score (a draw counts half) " + baseRate.ToString("F3", CultureInfo.InvariantCulture));
        Add("winner_log_loss_logistic_force_ratio", HistoryScoring.LogLoss(pLogit, y), double.NaN,
            string.Create(CultureInfo.InvariantCulture, $"logit p = {la:F3} + {lb:F3} ln(force ratio), fitted on the training half"));
        Add("winner_brier_model", HistoryScoring.Brier(pModel, y), HistoryScoring.Brier(pDefault, y), "");
        Add("winner_brier_model_linear", HistoryScoring.Brier(pLinear, y), HistoryScoring.Brier(pLinearDefault, y), "");
        Add("winner_brier_model_platt", HistoryScoring.Brier(pPlatt, y), HistoryScoring.Brier(pPlattDefault, y), "");
        Add("winner_brier_model_position", HistoryScoring.Brier(pPosition, y), HistoryScoring.Brier(pPositionDefault, y), "without the observation model");
        Add("winner_brier_attacker_always_wins", HistoryScoring.Brier(pAlways, y), double.NaN, "");
        Add("winner_brier_base_rate", HistoryScoring.Brier(pBase, y), double.NaN, "");
        Add("winner_brier_logistic_force_ratio", HistoryScoring.Brier(pLogit, y), double.NaN, "");
        Add("winner_accuracy_model", pModel.Zip(y, (p, o) => 1 - Math.Abs((p >= 0.5 ? 1 : 0) - o)).Average(), pDefault.Zip(y, (p, o) => 1 - Math.Abs((p >= 0.5 ? 1 : 0) - o)).Average(), "p >= 0.5 read as attacker win; a draw counts half");
        Add("winner_accuracy_attacker_always_wins", y.Average(), double.NaN, "a draw counts half");
        Add("model_attacker_win_share", fit.Average(j => j.Wins / (double)j.Outcomes.Length), defaults.Average(j => j.Wins / (double)j.Outcomes.Length), "mean over battles of the share of replications the attacker won");
        Add("record_attacker_win_share", y.Average(), y.Average(), "a draw counts half");
        Add("observation_score_if_position_taken", obs.ScoreIfTaken, obs.ScoreIfTaken, "a1: training half's mean attacker score where the record's advance is at least 1 km");
        Add("observation_score_if_position_not_taken", obs.ScoreIfNotTaken, obs.ScoreIfNotTaken, "a0: where it is below 1 km");
        Add("observation_platt_alpha", obs.Alpha, obsDefault.Alpha, "alpha of Platt scaling, maximum likelihood on the training half's pi (replayed at the fit or at the defaults)");
        Add("observation_platt_beta", obs.Beta, obsDefault.Beta, "beta: the slope on logit pi (1 = pi calibrated; below 1 = pi too extreme)");
        Add("observation_platt_used", obs.UsePlatt ? 1 : 0, obsDefault.UsePlatt ? 1 : 0, "1 when Platt scaling has the lower training log-loss and makes winner_*_model, else 0 (the linear model)");
        Add("training_winner_log_loss_linear", obs.TrainingLogLossLinear, obsDefault.TrainingLogLossLinear, "the linear model on the training half's pi (the choice's criterion)");
        Add("training_winner_log_loss_platt", obs.TrainingLogLossPlatt, obsDefault.TrainingLogLossPlatt, "Platt scaling on the training half's pi, in-sample (the choice's criterion)");
        Add("training_replications", obs.Replications, obsDefault.Replications, "replications per training battle behind its pi, as for the held-out half");
        var fv = fitted.ToArray();
        for (int i = 0; i < fv.Length; i++) Add("param " + GroundParameters.Paths[i], fv[i], GroundParameters.Defaults.ToArray()[i], "posterior weighted median (judged at posterior draws) vs engine default");
        return new HistoryTable("summary", ["metric", "at_fit", "at_defaults", "note"], rows);
    }

    private static (double Value, double Low, double High) Interval(Judged j, bool attacker)
    {
        var b = j.Battle;
        var side = attacker ? b.Attacker : b.Defender;
        double days = j.Replay.Mapping.Days;
        var f = j.Outcomes.Select(o => PerDay(attacker ? o.AttackerCasualties : o.DefenderCasualties, side.Strength, days)).ToArray();
        return (PerDay(side.Casualties, side.Strength, days), Q(f, 0.05), Q(f, 0.95));
    }

    private static IEnumerable<(double Model, double Record)> Pairs(Judged j, bool? attacker)
    {
        var b = j.Battle;
        if (attacker != false) yield return (Q(j.Outcomes.Select(o => o.AttackerCasualties), 0.5), b.Attacker.Casualties);
        if (attacker != true) yield return (Q(j.Outcomes.Select(o => o.DefenderCasualties), 0.5), b.Defender.Casualties);
    }

    private static double ExchangeError(List<Judged> js) => HistoryScoring.MedianAbsLogError([.. js.Select(j =>
        (Q(j.Outcomes.Select(o => o.AttackerCasualties > 0 ? o.DefenderCasualties / o.AttackerCasualties : double.NaN).Where(double.IsFinite).DefaultIfEmpty(double.NaN), 0.5),
         j.Battle.Attacker.Casualties > 0 ? j.Battle.Defender.Casualties / j.Battle.Attacker.Casualties : double.NaN))]);

    private static double KmError(List<Judged> js)
    {
        var e = js.Where(j => !double.IsNaN(j.Battle.KmAdvanced)).Select(j => Math.Abs(Q(j.Outcomes.Select(o => o.AdvanceKm), 0.5) - j.Battle.KmAdvanced)).ToArray();
        return e.Length == 0 ? double.NaN : Q(e, 0.5);
    }

    private static HistoryTable RelationsTable(List<Judged> js)
    {
        var rows = new List<object[]>();
        string[] cols = ["relation", "group", "record", "model", "n_record", "n_model", "note"];
        for (int k = 0; k < ForceRatioBands.Length; k++)
        {
            double lo = ForceRatioBands[k], hi = k + 1 < ForceRatioBands.Length ? ForceRatioBands[k + 1] : double.PositiveInfinity;
            var band = js.Where(j => j.Battle.ForceRatio >= lo && j.Battle.ForceRatio < hi).ToList();
            string name = double.IsPositiveInfinity(hi) ? string.Create(CultureInfo.InvariantCulture, $">= {lo}") : string.Create(CultureInfo.InvariantCulture, $"[{lo}, {hi})");
            rows.Add(["attacker_win_rate_by_force_ratio", name, band.Count > 0 ? band.Average(j => AttackerWon(j.Battle)) : double.NaN,
                band.Count > 0 ? band.Average(j => j.Wins / (double)j.Outcomes.Length) : double.NaN, (double)band.Count, (double)band.Sum(j => j.Outcomes.Length), "held-out battles (record: a draw counts half); model: share of replications won"]);
        }
        // The record: decisive battles; FER = defender loss fraction / attacker loss fraction picks the attacker when > 1.
        var decisive = js.Where(j => j.Battle.Wina is 1 or -1 && j.Battle.Attacker.Casualties > 0).ToList();
        double FerPick(CdbBattle b) => (b.Defender.Casualties / b.Defender.Strength) / (b.Attacker.Casualties / b.Attacker.Strength) > 1 ? 1 : 0;
        rows.Add(["fractional_exchange_ratio_picks_winner", "decisive battles", decisive.Count > 0 ? decisive.Average(j => FerPick(j.Battle) == AttackerWon(j.Battle) ? 1.0 : 0) : double.NaN,
            ModelShare(js, (j, o) => o.AttackerCasualties > 0 || o.DefenderCasualties > 0, (j, o) => ((o.DefenderCasualties / j.Battle.Defender.Strength) > (o.AttackerCasualties / j.Battle.Attacker.Strength)) == o.AttackerWins),
            (double)decisive.Count, (double)js.Sum(j => j.Outcomes.Length), "literature: about 0.79 (record); model: every replication with a casualty"]);
        rows.Add(["force_ratio_picks_winner", "decisive battles", decisive.Count > 0 ? decisive.Average(j => (j.Battle.ForceRatio > 1 ? 1 : 0) == AttackerWon(j.Battle) ? 1.0 : 0) : double.NaN,
            ModelShare(js, (_, _) => true, (j, o) => (j.Battle.ForceRatio > 1) == o.AttackerWins),
            (double)decisive.Count, (double)js.Sum(j => j.Outcomes.Length), "literature: about 0.59 (record)"]);
        // Helmbold: winning defenders mostly lose at most ~20%; failed attackers mostly under 40%.
        var defWins = js.Where(j => j.Battle.Wina == -1).ToList();
        rows.Add(["helmbold_winning_defender_loss_at_most_20pct", "defender won", defWins.Count > 0 ? defWins.Average(j => j.Battle.Defender.Casualties / j.Battle.Defender.Strength <= 0.2 ? 1.0 : 0) : double.NaN,
            ModelShare(js, (_, o) => !o.AttackerWins, (j, o) => o.DefenderCasualties / j.Battle.Defender.Strength <= 0.2),
            (double)defWins.Count, (double)js.Sum(j => j.Outcomes.Count(o => !o.AttackerWins)), "share of defender wins with defender loss fraction <= 0.2"]);
        rows.Add(["helmbold_failed_attacker_loss_under_40pct", "attacker lost", defWins.Count > 0 ? defWins.Average(j => j.Battle.Attacker.Casualties / j.Battle.Attacker.Strength < 0.4 ? 1.0 : 0) : double.NaN,
            ModelShare(js, (_, o) => !o.AttackerWins, (j, o) => o.AttackerCasualties / j.Battle.Attacker.Strength < 0.4),
            (double)defWins.Count, (double)js.Sum(j => j.Outcomes.Count(o => !o.AttackerWins)), "share of attacker losses with attacker loss fraction < 0.4"]);
        return new HistoryTable("relations", cols, rows);
    }

    private static double ModelShare(List<Judged> js, Func<Judged, ReplayOutcome, bool> where, Func<Judged, ReplayOutcome, bool> hit)
    {
        int n = 0, h = 0;
        foreach (var j in js)
            foreach (var o in j.Outcomes)
            {
                if (!where(j, o)) continue;
                n++;
                if (hit(j, o)) h++;
            }
        return n > 0 ? h / (double)n : double.NaN;
    }

    private static HistoryTable KurskTable(List<Judged> js)
    {
        string[] cols =
        [
            "isqno", "name", "split", "attacker", "defender", "days",
            "atk_cas_record", "atk_cas_p05", "atk_cas_p50", "atk_cas_p95", "def_cas_record", "def_cas_p05", "def_cas_p50", "def_cas_p95",
            "atk_tank_losses_record", "atk_tank_losses_p50", "def_tank_losses_record", "def_tank_losses_p50",
            "km_record", "km_p50", "winner_record", "p_attacker_model", "p_position_model",
        ];
        var rows = js.Select(j =>
        {
            var b = j.Battle;
            var o = j.Outcomes;
            return new object[]
            {
                (double)b.Isqno, b.Name, b.Isqno % 2 == 1 ? "training" : "held out", b.Attacker.Actors, b.Defender.Actors, j.Replay.Mapping.Days,
                b.Attacker.Casualties, Q(o.Select(x => x.AttackerCasualties), 0.05), Q(o.Select(x => x.AttackerCasualties), 0.5), Q(o.Select(x => x.AttackerCasualties), 0.95),
                b.Defender.Casualties, Q(o.Select(x => x.DefenderCasualties), 0.05), Q(o.Select(x => x.DefenderCasualties), 0.5), Q(o.Select(x => x.DefenderCasualties), 0.95),
                b.Attacker.TankLosses, Q(o.Select(x => x.AttackerTankLosses), 0.5), b.Defender.TankLosses, Q(o.Select(x => x.DefenderTankLosses), 0.5),
                b.KmAdvanced, Q(o.Select(x => x.AdvanceKm), 0.5), b.Wina switch { 1 => "attacker", 0 => "draw", _ => "defender" }, j.PWin, j.PPosition,
            };
        }).ToList();
        return new HistoryTable("kursk1943", cols, rows);
    }

    private static List<(double, double, int)> CalibrationCurve(List<Judged> js)
    {
        var result = new List<(double, double, int)>();
        for (int k = 0; k < 10; k++)
        {
            double lo = k / 10.0, hi = (k + 1) / 10.0;
            var bin = js.Where(j => j.PWin >= lo && (j.PWin < hi || (k == 9 && j.PWin <= 1))).ToList();
            if (bin.Count > 0) result.Add((bin.Average(j => j.PWin), bin.Average(j => AttackerWon(j.Battle)), bin.Count));
        }
        return result;
    }

    private static List<(double, double, string)> CasualtyPairs(List<Judged> js)
    {
        var result = new List<(double, double, string)>();
        foreach (var j in js)
        {
            double days = j.Replay.Mapping.Days;
            var b = j.Battle;
            result.Add((PerDay(b.Attacker.Casualties, b.Attacker.Strength, days), Q(j.Outcomes.Select(o => PerDay(o.AttackerCasualties, b.Attacker.Strength, days)), 0.5), "attacker"));
            result.Add((PerDay(b.Defender.Casualties, b.Defender.Strength, days), Q(j.Outcomes.Select(o => PerDay(o.DefenderCasualties, b.Defender.Strength, days)), 0.5), "defender"));
        }
        return result;
    }
}
