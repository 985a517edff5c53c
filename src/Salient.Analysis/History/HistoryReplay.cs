using Salient.Engine.Compilation;
using Salient.Engine.Sampling;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;

namespace Salient.Analysis.History;

/// <summary>One replication of an engagement: what the record can be compared with.</summary>
/// <param name="AttackerCasualties">Attacker's personnel casualties (killed, wounded, captured).</param>
/// <param name="DefenderCasualties">Defender's personnel casualties.</param>
/// <param name="AttackerTankLosses">Attacker's tanks lost.</param>
/// <param name="DefenderTankLosses">Defender's tanks lost.</param>
/// <param name="AdvanceKm">Depth of the defender cells the attacker holds at the end, km.</param>
/// <param name="AttackerWins">True when the attacker holds the defender's starting cell at the end.</param>
public readonly record struct ReplayOutcome(double AttackerCasualties, double DefenderCasualties, double AttackerTankLosses,
    double DefenderTankLosses, double AdvanceKm, bool AttackerWins);

/// <summary>The global ground-combat parameters the history fit moves (all others stay at the engine's defaults).</summary>
/// <param name="Lethality">ground.lethality, both sides (casualties per day per unit of combat power).</param>
/// <param name="BreakRatio">ground.break_ratio.</param>
/// <param name="AdvanceKmPerDay">ground.advance_km_per_day.</param>
/// <param name="CohesionLoss">cohesion.loss_per_casualty_fraction.</param>
/// <param name="BreakSoftness">ground.break_softness (0: the threshold rule).</param>
/// <param name="TankPower">Combat power of one tank, rifleman-equivalents (the engagement's <c>tank</c> system).</param>
/// <param name="GunPower">Combat power of one artillery tube, rifleman-equivalents (the engagement's <c>gun</c> system).</param>
/// <param name="CevSigma">σ of each side's unobserved combat effectiveness (Dupuy's CEV): its ground.effectiveness is
/// drawn once per replication, log-normal with the mapped value as median and this σ (0: the mapped value, nothing drawn).</param>
/// <param name="BreakCohesion">ground.break_cohesion.</param>
/// <param name="AreaFire">ground.area_fire, both sides (0: all fire aimed).</param>
/// <param name="AreaFireDensity">ground.area_fire_density, persons per km².</param>
/// <param name="EraExponent">κ of the era's lethality: both sides' ground.lethality is <see cref="Lethality"/> × (D / 3,000)^(−κ),
/// D the dispersion factor of the battle's year (<see cref="EngagementAdapter.DispersionFactor"/>); 0: one lethality for every era.</param>
/// <param name="IntensitySigma">σ of the battle's intensity: both sides' lethality is multiplied by one log-normal draw per
/// replication with median 1 and this σ (<see cref="HistoryReplay.Intensity"/>); 0: none.</param>
/// <param name="Selection">q of the choice to give battle: each side fights only when its own estimate of its chance reaches q
/// (<see cref="HistoryReplay.SelectionBounds"/>); 0: no selection.</param>
/// <param name="CulminationLoss">ground.culmination_loss, both sides (docs/model.md, "Culmination of an attack"): the attacker
/// stops attacking once its losses reach this share of its strength; 0: off.</param>
/// <param name="HoursExponent">ω of the fighting hours: both lethalities and the advance rate are multiplied by (f / f̄)^ω, f the
/// battle's duty cycle (<see cref="EngagementMapping.ActiveFraction"/>) and f̄ the assumed one; 1: the engagement fights its
/// recorded hours; 0: every battle fights its calendar span alike.</param>
/// <param name="PursuitLoss">ground.pursuit_loss, both sides (docs/model.md, "Pursuit after a break"): the share of a broken
/// defender's personnel lost in the pursuit as it falls back; 0: off.</param>
/// <param name="DefenceCulminationLoss">The median θ_d of ground.defence_culmination_loss, both sides (docs/model.md, "Culmination of a
/// defence"): the defence gives up its cell once it has lost this share of its strength; 0: off.</param>
/// <param name="CulminationSigma">σ of the attacker's culmination threshold: ground.culmination_loss is drawn once per replication and
/// side, log-normal with median <see cref="CulminationLoss"/> and this σ, truncated to [0, 1] (0: the median, nothing drawn).</param>
/// <param name="DefenceCulminationSigma">σ of the defence's culmination threshold, drawn as <see cref="CulminationSigma"/> around
/// <see cref="DefenceCulminationLoss"/>.</param>
public sealed record GroundParameters(double Lethality, double BreakRatio, double AdvanceKmPerDay, double CohesionLoss,
    double BreakSoftness = 0, double TankPower = EngagementAdapter.TankPower, double GunPower = EngagementAdapter.GunPower, double CevSigma = 0,
    double BreakCohesion = 0.25, double AreaFire = 0, double AreaFireDensity = 100, double EraExponent = 0, double Selection = 0, double IntensitySigma = 0,
    double CulminationLoss = 0, double HoursExponent = 0, double PursuitLoss = 0, double DefenceCulminationLoss = 0, double CulminationSigma = 0,
    double DefenceCulminationSigma = 0)
{
    /// <summary>The parameter paths, in θ order (the last two are the engagement's system powers, not catalogue parameters).</summary>
    public static readonly IReadOnlyList<string> Paths =
    [
        "parameters.ground.lethality", "parameters.ground.break_ratio", "parameters.ground.advance_km_per_day", "parameters.cohesion.loss_per_casualty_fraction",
        "parameters.ground.break_softness", "systems.tank.combat_power", "systems.gun.combat_power", "engagement.cev_sigma",
        "parameters.ground.break_cohesion", "parameters.ground.area_fire", "parameters.ground.area_fire_density",
        "engagement.era_exponent", "engagement.selection", "engagement.intensity_sigma", "parameters.ground.culmination_loss",
        "engagement.hours_exponent", "parameters.ground.pursuit_loss", "parameters.ground.defence_culmination_loss",
        "engagement.culmination_sigma", "engagement.defence_culmination_sigma",
    ];

    /// <summary>The engine's defaults (ParameterCatalogue): 0.02, 3, 12, 2, 0; the adapter's assumed 10 and 10; σ 0; 0.25, 0, 100; κ 0, q 0, σ_I 0; culmination 0 (off); ω 0 (the whole calendar span); pursuit 0 (off); the defence's culmination 0 (off); both thresholds' σ 0.</summary>
    public static GroundParameters Defaults { get; } = new(0.02, 3.0, 12, 2.0);

    /// <summary>From θ in <see cref="Paths"/> order; a shorter θ leaves the rest at the defaults.</summary>
    public static GroundParameters From(IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        var d = Defaults.ToArray();
        double At(int i) => i < theta.Count ? theta[i] : d[i];
        return new(At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9), At(10), At(11), At(12), At(13), At(14), At(15), At(16), At(17), At(18), At(19));
    }

    /// <summary>The values in <see cref="Paths"/> order.</summary>
    public double[] ToArray() => [Lethality, BreakRatio, AdvanceKmPerDay, CohesionLoss, BreakSoftness, TankPower, GunPower, CevSigma, BreakCohesion, AreaFire, AreaFireDensity, EraExponent, Selection, IntensitySigma, CulminationLoss, HoursExponent, PursuitLoss, DefenceCulminationLoss, CulminationSigma, DefenceCulminationSigma];
}

/// <summary>A CDB90 battle loaded as an engagement, ready to be played at any <see cref="GroundParameters"/>.</summary>
public sealed class HistoryReplay
{
    private readonly ScenarioModel _model;

    private HistoryReplay(CdbBattle battle, EngagementMapping mapping, string yaml, ScenarioModel model)
    {
        Battle = battle;
        Mapping = mapping;
        Yaml = yaml;
        _model = model;
    }

    /// <summary>The record.</summary>
    public CdbBattle Battle { get; }

    /// <summary>How it was mapped.</summary>
    public EngagementMapping Mapping { get; }

    /// <summary>The generated scenario text.</summary>
    public string Yaml { get; }

    /// <summary>Builds the engagement of <paramref name="battle"/> (which must have no exclusion reason).</summary>
    /// <exception cref="InvalidOperationException">The generated scenario does not load (a bug in the adapter).</exception>
    public static HistoryReplay Create(CdbBattle battle)
    {
        ArgumentNullException.ThrowIfNull(battle);
        var mapping = EngagementAdapter.Map(battle);
        string yaml = EngagementAdapter.ToYaml(battle, mapping);
        var loaded = ScenarioLoader.LoadText(yaml, $"cdb90-{battle.Isqno}.yaml", ".", new LoadOptions(Uncalibrated: true));
        if (loaded.Scenario is null)
            throw new InvalidOperationException($"CDB90 {battle.Isqno}: the generated engagement does not load: " + string.Join("; ", loaded.Errors.Select(e => e.ToString())));
        return new HistoryReplay(battle, mapping, yaml, loaded.Scenario);
    }

    /// <summary>
    /// The engagement with <paramref name="p"/> set on both sides, both lethalities multiplied by <paramref name="intensity"/>.
    /// The lethality and the advance rate of <paramref name="p"/> are multiplied by <see cref="DutyCycle"/>: at ω = 1 the
    /// engagement fights its recorded hours spread over the calendar span, resting (recovering cohesion) in between.
    /// </summary>
    public ScenarioModel At(GroundParameters p, double intensity = 1)
    {
        ArgumentNullException.ThrowIfNull(p);
        const string src = "history fit";
        double duty = DutyCycle(p);
        double lethality = EraLethality(p) * intensity * duty;
        var (lowA, lowD) = SelectionBounds(p);
        return _model.WithParameters(
        [
            Quantity.Fixed("parameters.ground.lethality.atk", lethality, src),
            Quantity.Fixed("parameters.ground.lethality.def", lethality, src),
            Quantity.Fixed("parameters.ground.break_ratio", p.BreakRatio, src),
            Quantity.Fixed("parameters.ground.advance_km_per_day", p.AdvanceKmPerDay * duty, src),
            Quantity.Fixed("parameters.cohesion.loss_per_casualty_fraction", p.CohesionLoss, src),
            Quantity.Fixed("parameters.ground.break_softness", p.BreakSoftness, src),
            Quantity.Fixed("parameters.ground.break_cohesion", p.BreakCohesion, src),
            Quantity.Fixed("parameters.ground.area_fire.atk", p.AreaFire, src),
            Quantity.Fixed("parameters.ground.area_fire.def", p.AreaFire, src),
            Quantity.Fixed("parameters.ground.area_fire_density", p.AreaFireDensity, src),
            Threshold("parameters.ground.culmination_loss.atk", p.CulminationLoss, p.CulminationSigma),
            Threshold("parameters.ground.culmination_loss.def", p.CulminationLoss, p.CulminationSigma),
            Threshold("parameters.ground.defence_culmination_loss.atk", p.DefenceCulminationLoss, p.DefenceCulminationSigma),
            Threshold("parameters.ground.defence_culmination_loss.def", p.DefenceCulminationLoss, p.DefenceCulminationSigma),
            Quantity.Fixed("parameters.ground.pursuit_loss.atk", p.PursuitLoss, src),
            Quantity.Fixed("parameters.ground.pursuit_loss.def", p.PursuitLoss, src),
            Effectiveness("atk", Mapping.AttackerEffectiveness, p.CevSigma, lowA),
            Effectiveness("def", Mapping.DefenderEffectiveness, p.CevSigma, lowD),
        ]) with
        {
            Catalogue = [.. _model.Catalogue.Select(s => s.Id switch
            {
                "tank" => s with { CombatPower = Quantity.Fixed(s.CombatPower.Path, p.TankPower, src) },
                "gun" => s with { CombatPower = Quantity.Fixed(s.CombatPower.Path, p.GunPower, src) },
                _ => s,
            })],
        };
    }

    /// <summary>
    /// The factor on both lethalities and the advance rate at <paramref name="p"/>: (f / f̄)^ω, f the battle's duty cycle
    /// (its recorded fighting hours over the calendar span, or the assumed share f̄ = <see cref="EngagementAdapter.DefaultActiveFraction"/>)
    /// and ω = p.HoursExponent. The fitted lethality and advance rate are per calendar day of a battle fought f̄ of the
    /// time; at ω = 1 a battle fought f of the time fights f / f̄ as much; at ω = 0 every battle fights alike (factor 1).
    /// </summary>
    public double DutyCycle(GroundParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.HoursExponent == 0 ? 1 : Math.Pow(Mapping.ActiveFraction / EngagementAdapter.DefaultActiveFraction, p.HoursExponent);
    }

    /// <summary>Both sides' ground.lethality at <paramref name="p"/>: p.Lethality × (D / 3,000)^(−κ) for this battle's dispersion factor D.</summary>
    public double EraLethality(GroundParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.EraExponent == 0 ? p.Lethality : p.Lethality * Math.Pow(Mapping.Dispersion / EngagementAdapter.ReferenceDispersion, -p.EraExponent);
    }

    /// <summary>
    /// The least ground effectiveness with which each side gives this battle at <paramref name="p"/> ((0, 0) when q = 0).
    /// Each side weighs its own combat power P (personnel + tanks × tank power + guns × gun power) against the other's,
    /// knows its own effectiveness e, sees only the other's mapped value E, and gives battle only when its chance by the
    /// ratio test of the break (docs/model.md §4.17, P(break) = 1 / (1 + (b / r)^(1/s)) at r = (P_a e_a) / (P_d e_d M))
    /// is at least q: the attacker attacks when r_a ≥ b / c and the defender stands when r_d ≤ b c, with
    /// c = ((1 − q) / q)^s (1 for s = 0). So e_a ≥ (b / c) M E_d P_d / P_a and e_d ≥ E_a P_a / (b c M P_d).
    /// </summary>
    public (double Attacker, double Defender) SelectionBounds(GroundParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Selection <= 0) return (0, 0);
        double Power(CdbSide s) => s.Strength + ((double.IsNaN(s.Tanks) ? 0 : s.Tanks) * p.TankPower) + ((double.IsNaN(s.Artillery) ? 0 : s.Artillery) * p.GunPower);
        double ratio = Power(Battle.Attacker) / Power(Battle.Defender);
        double m = Mapping.PostureFactor * Mapping.TerrainFactor;
        double c = Math.Pow((1 - p.Selection) / p.Selection, p.BreakSoftness);
        double b = p.BreakRatio;
        return (b / c * m * Mapping.DefenderEffectiveness / ratio, Mapping.AttackerEffectiveness * ratio / (b * c * m));
    }

    /// <summary>
    /// A culmination threshold at <paramref name="path"/>: the fixed <paramref name="median"/>, or with σ &gt; 0 (and a median
    /// above 0, the rule on) a log-normal draw per replication with that median and σ, truncated to [0, 1], sampled by the
    /// engine's set-up stream like any uncertain input (keyed by the path, so each side draws its own).
    /// </summary>
    public static Quantity Threshold(string path, double median, double sigma)
    {
        var q = Quantity.Fixed(path, median, "history fit");
        return sigma > 0 && median > 0 ? q with { Distribution = new Distribution(DistributionKind.LogNormal, median, sigma, 0, 0, 1) } : q;
    }

    /// <summary>Most standard deviations a selection bound may lie above the median before the draw is replaced by the bound itself.</summary>
    public const double SelectionTailZ = 3.5;

    /// <summary>
    /// A side's ground.effectiveness: the mapped multiplier, or with σ &gt; 0 a log-normal draw per replication with that
    /// median, truncated to [<paramref name="lower"/>, 100], sampled by the engine's set-up stream like any uncertain
    /// input. When the bound lies more than <see cref="SelectionTailZ"/> σ above the median (or σ = 0), the value is
    /// fixed at max(median, bound): the truncated draw would sit just above the bound, and rejection sampling that deep
    /// in the tail would fail.
    /// </summary>
    public static Quantity Effectiveness(string side, double median, double sigma, double lower = 0)
    {
        const double max = 100;
        var q = Quantity.Fixed($"parameters.ground.effectiveness.{side}", median, "history fit");
        if (lower > 0 && (sigma <= 0 || Math.Log(lower / median) > SelectionTailZ * sigma))
            return q with { Value = Math.Min(max, Math.Max(median, lower)) };
        return sigma > 0 ? q with { Distribution = new Distribution(DistributionKind.LogNormal, median, sigma, 0, lower, max) } : q;
    }

    /// <summary>
    /// Plays replication <paramref name="first"/> + r at <paramref name="draws"/>[r] for every r (a posterior predictive:
    /// each replication at its own parameter draw); replications sharing a draw are compiled once.
    /// </summary>
    public ReplayOutcome[] PlayEach(IReadOnlyList<GroundParameters> draws, ulong seed, int first)
    {
        ArgumentNullException.ThrowIfNull(draws);
        var result = new ReplayOutcome[draws.Count];
        int r = 0;
        while (r < draws.Count)
        {
            int end = r + 1;
            while (end < draws.Count && draws[end] == draws[r]) end++;
            Play(draws[r], seed, first + r, end - r).CopyTo(result, r);
            r = end;
        }
        return result;
    }

    /// <summary>Plays replications <paramref name="first"/> .. first + count - 1 at <paramref name="p"/>.</summary>
    public ReplayOutcome[] Play(GroundParameters p, ulong seed, int first, int count)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.IntensitySigma <= 0) return Play(p, 1, seed, first, count);
        var result = new ReplayOutcome[count];
        for (int r = 0; r < count; r++) result[r] = Play(p, Intensity(p.IntensitySigma, seed, first + r), seed, first + r, 1)[0];
        return result;
    }

    /// <summary>The path under which <see cref="Intensity"/> is drawn.</summary>
    public const string IntensityPath = "engagement.intensity";

    /// <summary>
    /// The battle's intensity in replication <paramref name="replication"/>: log-normal with median 1 and σ
    /// <paramref name="sigma"/>, truncated to [0.001, 1000], drawn the way the engine draws any uncertain input (its
    /// set-up sampler, <c>Parameters</c> stream, keyed by the path <see cref="IntensityPath"/> and the replication), and
    /// shared by both sides: how hard and how long the two sides really fought inside the recorded calendar days.
    /// </summary>
    public static double Intensity(double sigma, ulong seed, int replication) => sigma <= 0 ? 1
        : InputSampler.Sample(Quantity.Fixed(IntensityPath, 1) with { Distribution = new Distribution(DistributionKind.LogNormal, 1, sigma, 0, 0.001, 1000) }, seed, checked((uint)replication));

    private ReplayOutcome[] Play(GroundParameters p, double intensity, ulong seed, int first, int count)
    {
        var compiled = new CompiledScenario(At(p, intensity));
        var layout = compiled.Layout;
        int casA = layout.MetricIndex(MetricNames.CasualtiesTotal("atk")), casD = layout.MetricIndex(MetricNames.CasualtiesTotal("def"));
        int tankA = layout.MetricIndex(MetricNames.Losses("tank", "atk")), tankD = layout.MetricIndex(MetricNames.Losses("tank", "def"));
        int area = layout.MetricIndex(MetricNames.ControlArea("atk"));
        double cellArea = Mapping.FrontKm * EngagementAdapter.CellDepthKm;
        var result = new ReplayOutcome[count];
        RunOrchestrator.Inline(compiled, seed, new ReplicationRange(first, count), (r, metrics, _) =>
        {
            double cells = Math.Round(metrics[area] / cellArea) - 1;
            result[r - first] = new ReplayOutcome(metrics[casA], metrics[casD], tankA >= 0 ? metrics[tankA] : 0, tankD >= 0 ? metrics[tankD] : 0,
                cells * EngagementAdapter.CellDepthKm, cells >= 1);
        });
        return result;
    }
}
