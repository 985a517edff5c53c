using Salient.Engine.Compilation;
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
public sealed record GroundParameters(double Lethality, double BreakRatio, double AdvanceKmPerDay, double CohesionLoss,
    double BreakSoftness = 0, double TankPower = EngagementAdapter.TankPower, double GunPower = EngagementAdapter.GunPower, double CevSigma = 0,
    double BreakCohesion = 0.25, double AreaFire = 0, double AreaFireDensity = 100)
{
    /// <summary>The parameter paths, in θ order (the last two are the engagement's system powers, not catalogue parameters).</summary>
    public static readonly IReadOnlyList<string> Paths =
    [
        "parameters.ground.lethality", "parameters.ground.break_ratio", "parameters.ground.advance_km_per_day", "parameters.cohesion.loss_per_casualty_fraction",
        "parameters.ground.break_softness", "systems.tank.combat_power", "systems.gun.combat_power", "engagement.cev_sigma",
        "parameters.ground.break_cohesion", "parameters.ground.area_fire", "parameters.ground.area_fire_density",
    ];

    /// <summary>The engine's defaults (ParameterCatalogue): 0.02, 3, 12, 2, 0; the adapter's assumed 10 and 10; σ 0; 0.25, 0, 100.</summary>
    public static GroundParameters Defaults { get; } = new(0.02, 3.0, 12, 2.0);

    /// <summary>From θ in <see cref="Paths"/> order; a shorter θ leaves the rest at the defaults.</summary>
    public static GroundParameters From(IReadOnlyList<double> theta)
    {
        ArgumentNullException.ThrowIfNull(theta);
        var d = Defaults.ToArray();
        double At(int i) => i < theta.Count ? theta[i] : d[i];
        return new(At(0), At(1), At(2), At(3), At(4), At(5), At(6), At(7), At(8), At(9), At(10));
    }

    /// <summary>The values in <see cref="Paths"/> order.</summary>
    public double[] ToArray() => [Lethality, BreakRatio, AdvanceKmPerDay, CohesionLoss, BreakSoftness, TankPower, GunPower, CevSigma, BreakCohesion, AreaFire, AreaFireDensity];
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

    /// <summary>The engagement with <paramref name="p"/> set on both sides.</summary>
    public ScenarioModel At(GroundParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        const string src = "history fit";
        return _model.WithParameters(
        [
            Quantity.Fixed("parameters.ground.lethality.atk", p.Lethality, src),
            Quantity.Fixed("parameters.ground.lethality.def", p.Lethality, src),
            Quantity.Fixed("parameters.ground.break_ratio", p.BreakRatio, src),
            Quantity.Fixed("parameters.ground.advance_km_per_day", p.AdvanceKmPerDay, src),
            Quantity.Fixed("parameters.cohesion.loss_per_casualty_fraction", p.CohesionLoss, src),
            Quantity.Fixed("parameters.ground.break_softness", p.BreakSoftness, src),
            Quantity.Fixed("parameters.ground.break_cohesion", p.BreakCohesion, src),
            Quantity.Fixed("parameters.ground.area_fire.atk", p.AreaFire, src),
            Quantity.Fixed("parameters.ground.area_fire.def", p.AreaFire, src),
            Quantity.Fixed("parameters.ground.area_fire_density", p.AreaFireDensity, src),
            Effectiveness("atk", Mapping.AttackerEffectiveness, p.CevSigma),
            Effectiveness("def", Mapping.DefenderEffectiveness, p.CevSigma),
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
    /// A side's ground.effectiveness: the mapped multiplier, or with σ &gt; 0 a log-normal draw per replication with that
    /// median (truncated to the catalogue's [0, 100]), sampled by the engine's set-up stream like any uncertain input.
    /// </summary>
    private static Quantity Effectiveness(string side, double median, double sigma)
    {
        var q = Quantity.Fixed($"parameters.ground.effectiveness.{side}", median, "history fit");
        return sigma > 0 ? q with { Distribution = new Distribution(DistributionKind.LogNormal, median, sigma, 0, 0, 100) } : q;
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
        var compiled = new CompiledScenario(At(p));
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
