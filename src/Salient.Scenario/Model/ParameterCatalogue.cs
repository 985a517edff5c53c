using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>Every parameter the engine reads, with defaults. docs/model.md documents the same names.</summary>
public static class ParameterCatalogue
{
    private const string Assumption = "assumption";

    /// <summary>All definitions, in documentation order.</summary>
    public static readonly ImmutableArray<ParameterDefinition> Definitions =
    [
        new("ground.lethality.{side}", 0.02, 0, 10, "casualties per day per unit of combat power", "Lanchester aimed-fire coefficient of the side's ground forces in contact", Assumption + ": ~2% of an engaged force per day, the order of Dupuy's division-level attrition rates"),
        new("ground.effectiveness.{side}", 1.0, 0, 100, "multiplier", "time-varying multiplier on the side's ground fire (surprise, training, morale); usually a schedule", Assumption),
        new("ground.killed_fraction.{side}", 0.3, 0, 1, "fraction", "share of the side's combat casualties that are killed (the rest are wounded)", Assumption + ": roughly 1 killed to 2-3 wounded"),
        new("ground.captured_fraction", 0.5, 0, 1, "fraction", "share of an overrun unit's personnel captured when it has no cell to withdraw to", Assumption),
        new("ground.break_ratio", 3.0, 1, 1e6, "ratio", "effective force ratio (attacker / defender x defence multiplier) at which the defender breaks and withdraws", Assumption + ": the classic 3:1 rule"),
        new("ground.break_cohesion", 0.25, 0, 1, "cohesion", "defender cohesion below which it breaks when attacked", Assumption),
        new("ground.advance_km_per_day", 12, 0, 200, "km per day", "rate at which attackers clear an undefended cell (distance between cell centres over this rate gives the time to take it)", Assumption),
        new("ground.clearing_days_per_1000_residents", 0, 0, 30, "days per 1,000 residents", "days of assault an attacker needs to clear a built-up cell, per 1,000 residents of its settlements, kept across pauses; the cell falls when crossed and cleared (0: built-up cells are crossed like open ground)", Assumption + ": 0, off"),
        new("ground.support_fraction", 0.5, 0, 1, "fraction", "share of a unit's power that also defends each adjacent own cell (units hold a frontage, not a point)", Assumption),
        new("ground.positional_intensity", 0.1, 0, 10, "fraction of lethality", "intensity of the fire exchanged every tick between all units in contact, relative to an assault (positional fighting: artillery, drones, patrols)", Assumption),
        new("ground.probing_share.{side}", 0, 0, 1, "fraction", "share of its massed power a side's attack commits as a probing assault when the massed power falls short of attack_ratio x the defence: the assault goes in anyway with this share of the attackers' power (the defence fires at full strength), so a side that keeps up small-group assaults wears a defence down instead of waiting for the ratio (0: off: such assaults do not go in)", Assumption + ": 0, off"),
        new("ground.flank_pin_personnel.{side}", 0, 0, 1000000, "persons", "an attacking unit with no enemy cell to take on its way to the objectives holds its cell (so its flank is not stripped) only while an adjacent enemy cell holds at least this many of the enemy's personnel; otherwise it moves on through its own ground toward the objectives (0: any adjacent enemy cell pins it, even one held by the enemy's garrison alone); with approach_enemy_cost not 1 only the enemy's personnel in units under an attack order count, and only above 0", Assumption + ": 0, any enemy cell pins"),
        new("ground.approach_enemy_cost.{side}", 1, 1, 1000, "factor", "an attacking unit's objective field counts each step out of a cell the enemy holds (crossing it) as this factor times its length over mobility, so the approach runs through own ground where that is shorter, and a unit attacks an adjacent enemy cell only when no own neighbour lies lower on that field (1: every cell alike, and the unit attacks any enemy neighbour lower than its own cell, as before)", Assumption + ": 1, off"),
        new("ground.isolated_garrison_days.{side}", 0, 0, 1000, "days", "g: ground the side holds with its garrison alone, cut off from every depot it holds and with none of its units in the cut-off pocket, falls to the enemy after this many days so isolated (0: off: such a pocket holds for ever)", Assumption + ": 0, off"),
        new("ground.reinforce_threat_personnel.{side}", 0, 0, 1000000, "persons", "T: a defender's front cell is threatened when an adjacent enemy-held cell holds at least this many of the enemy's personnel in units under an attack order today (a garrison, rear group or defending unit is no threat); defenders then move up to the threatened front cells first, and a defender sharing a quiet front cell with an own unit of lower index leaves it for them (0: off: defenders spread along the whole front and every defender on the front holds)", Assumption + ": 0, off"),
        new("ground.withdraw_enveloped.{side}", 0, 0, 1, "share of neighbours", "e: a unit whose orders are not to attack withdraws from a cell when at least this share of its neighbouring cells is held by the enemy, keeps withdrawing while its cell stays so enveloped, and defenders do not move up into such cells (0: off)", Assumption + ": 0, off"),
        new("ground.area_fire.{side}", 0, 0, 1, "fraction", "share of the side's ground fire that is area fire (casualties scale with the target's density, Lanchester's linear law); the rest is aimed fire (square law)", Assumption + ": 0, all fire aimed"),
        new("ground.area_fire_density", 100, 0.001, 1e6, "persons per km²", "target density at which area fire causes as many casualties as the same fire aimed", Assumption),
        new("ground.max_assault_density", 0, 0, 1e6, "persons per km²", "rho_max: at most rho_max x the contested cell's area of the attackers' personnel fight in an assault at once (the room to fight); the rest are massed but do not engage, so the assault's power, the density area fire sees and the break test count only the engaged share (0: no limit)", Assumption + ": 0, no limit"),
        new("ground.garrison_power_per_km2.{side}", 0, 0, 1000, "combat power per km²", "local defence (border guards, militia) in every cell the side holds, present even without units", Assumption),
        new("ground.equipment_loss_factor", 1.0, 0, 10, "multiplier", "an item is lost with probability (personnel loss fraction) x factor x the system's vulnerability", Assumption),
        new("ground.fortification_per_day", 0.02, 0, 1, "per day", "growth of a held, quiet cell's fortification level", Assumption),
        new("ground.fortification_max", 1.0, 0, 10, "level", "cap on fortification; the defence multiplier is defensibility x (1 + fortification)", Assumption),
        new("ground.personnel_power", 1.0, 0, 100, "combat power per person", "combat power of one soldier (rifleman-equivalent)", Assumption),
        new("isr.base_detection", 0.5, 0, 100, "detection level", "detection level of every unit without enemy reconnaissance (contact, signals, civilians); the chance a kill chain finds a unit is 1 - exp(-level)", Assumption),
        new("counter_drone.p.{side}", 0.1, 0, 1, "probability", "chance a drone sortie against the side's units is defeated by its counter-drone means (guns, nets, interceptor drones) before the link matters", Assumption),
        new("c2.latency_hours.{side}", 2.0, 0, 1000, "hours", "sensor-to-shooter latency of the side's kill chains that go through command (artillery, rockets, glide bombs)", Assumption),
        new("c2.target_dwell_hours", 4.0, 0.01, 1000, "hours", "mean time a found target stays where it was found; a kill chain arrives in time with probability exp(-latency / dwell)", Assumption),
        new("c2.satcom_latency_reduction", 0.5, 0, 1, "fraction", "share of the latency removed for a fully satcom-equipped unit", Assumption),
        new("c2.personnel_per_terminal", 100, 1, 1e6, "persons", "personnel one satcom terminal serves; a unit's satcom share is min(1, terminals x this / personnel)", Assumption),
        new("movement.km_per_day", 25, 0, 500, "km per day", "speed of units moving through own-held cells", Assumption),
        new("logistics.max_supply_km.{side}", 60, 0, 1000, "km", "greatest path length through own-held cells from a depot over which a unit can be resupplied", Assumption),
        new("logistics.resupply_per_day.{side}", 0.5, 0, 10, "supply per day", "supply a unit at a depot regains per day; falls linearly to zero at the maximum supply distance", Assumption),
        new("logistics.consumption_per_day.{posture}", 0.1, 0, 10, "supply per day", "supply a unit uses per day in each posture (attack uses more)", Assumption),
        new("logistics.supply_per_person_day.{side}", 0, 0, 10, "supply per person-day", "a: with supply routes, the supply one delivered person-day restores to one person, so a unit regains min(r, a x (flow reaching its route cell / personnel the route serves)) x (1 - d/D) a day instead of r (1 - d/D) min(1, flow / personnel); a = consumption_per_day.defend makes a route's throughput T sustain exactly T defending personnel (0: off)", Assumption + ": 0, off"),
        new("logistics.fire_control.{side}", 0, 0, 100, "per sortie", "delta: with supply routes, fire control over a road: each convoy vehicle of the side on an open segment turns back with probability 1 - exp(-delta E), E the enemy interdiction sorties flown at the segment that day and not defeated by counter-drone means or jamming; a turned-back vehicle delivers nothing and is not lost (0: off)", Assumption + ": 0, off"),
        new("logistics.convoy_jamming.{side}", 0, 0, 1, "share", "with supply routes, the share of the enemy's radio-linked sorties at the side's convoys defeated by the jammers its vehicles carry, on top of its units' EW covering the segment: such a sortie destroys a vehicle, and a drone's counts toward fire control, with (1 - J)(1 - this) in place of (1 - J); fiber-optic, GNSS-guided and unlinked fires are unaffected (0: off)", Assumption + ": 0, off"),
        new("logistics.depot_supply_km.{side}", 0, 0, 1000, "km", "R: with supply routes, a unit within R (path length through own-held cells) of a held depot of its side is resupplied from the depot, r (1 - d/D) a day as without routes, and draws nothing on the routes (it is not among the personnel a route serves); units farther out are supplied through the routes (0: off, every unit through the routes)", Assumption + ": 0, off"),
        new("logistics.replacement_scale.{side}", 1, 0, 10, "multiplier", "multiplier on the personnel every reinforcement of the side delivers (replacement flows and one-off drafts; item deliveries are not scaled), for a scenario whose replacement flow is uncertain (1: as written)", Assumption + ": 1, as written"),
        new("logistics.supply_floor", 0.3, 0, 1, "fraction", "combat power of an unsupplied unit relative to a supplied one", Assumption),
        new("cohesion.loss_per_casualty_fraction", 2.0, 0, 100, "cohesion per loss fraction", "cohesion lost per unit fraction of personnel lost", Assumption),
        new("cohesion.unsupplied_decay_per_day", 0.05, 0, 10, "cohesion per day", "cohesion lost per day at zero supply (scaled by 1 - supply)", Assumption),
        new("cohesion.recovery_per_day", 0.1, 0, 10, "per day", "relaxation rate of cohesion toward 1 when not in combat", Assumption),
        new("isr.exposure.holding", 1.0, 0, 1, "multiplier", "multiplier on the detection level of a unit holding its cell (dug in: not assaulting, not marched in the last day); at most 1", Assumption + ": 1, no posture effect"),
        new("isr.exposure.moving", 1.0, 1, 100, "multiplier", "multiplier on the detection level of a unit that marched, withdrew or changed cell in the last day; at least 1", Assumption + ": 1, no posture effect"),
        new("isr.exposure.assaulting", 1.0, 1, 100, "multiplier", "multiplier on the detection level of a unit taking part in an assault this tick; at least 1", Assumption + ": 1, no posture effect"),
        new("c2.jam_latency_factor.{side}", 1, 0, 100, "multiplier", "kappa: a kill chain through command of a unit whose radio communications are jammed with probability J and that has satcom share s takes latency x (1 + kappa J (1 - s)) x (1 - s x satcom reduction)", Assumption + ": 1, a fully jammed unit's latency doubles"),
        new("ew.massing_loss.{side}", 0, 0, 1, "fraction", "k: a unit's combat power in an assault is multiplied by 1 - k J (1 - s), J the jam probability enemy EW imposes on its radio communications and s its satcom share (0: off)", Assumption + ": 0, off"),
        new("ew.reaction_delay_hours.{side}", 0, 0, 1000, "hours", "H: a unit whose doctrine orders a withdrawal carries it out only after H J (1 - s) hours with the order standing (0: off)", Assumption + ": 0, off"),
        new("ew.gnss_path_weight", 0, 0, 1, "weight", "w: GNSS jamming on a guided munition is (1 - w) J at the target + w J along its path from launcher to target, each jammer counting by the share of the path inside its radius (0: at the target only)", Assumption + ": 0, at the target only"),
        new("ew.emitter_exposure", 1, 0, 100, "multiplier", "multiplier on the exposure of EW items (they emit, so they are found more easily); 1: off", Assumption + ": 1, off"),
        new("fatigue.rate_per_day.{side}", 0, 0, 10, "per engaged day", "lambda: a unit's combat power is multiplied by max(floor, exp(-lambda d)), d its fatigue in engaged days (0: off)", Assumption + ": 0, off"),
        new("fatigue.floor.{side}", 0.5, 0, 1, "multiplier", "lowest value of the fatigue multiplier", Assumption),
        new("fatigue.recovery_per_day.{side}", 1, 0, 100, "engaged days per day", "rho: fatigue d a unit sheds per day out of contact", Assumption + ": a day of rest undoes a day of combat"),
        new("fatigue.rotate_below.{side}", 0, 0, 1, "multiplier", "a unit whose fatigue multiplier falls below this rotates out: it withdraws toward its depots until the multiplier is back to fatigue.return_above (0: never)", Assumption + ": 0, never"),
        new("fatigue.return_above.{side}", 1, 0, 1, "multiplier", "fatigue multiplier at which a rotated unit returns to its orders", Assumption + ": 1, fully rested"),
        new("season.foliage_concealment", 0.5, 0, 1, "fraction", "with a season block: share of reconnaissance detection that full foliage hides; sensors add detection x (1 - this x foliage cover)", Assumption + ": leaf cover hides much of what a drone camera sees from above; thermal sees through part of it"),
        new("season.night_grounded", 0.6, 0, 1, "fraction", "with a season block: share of a drone system's night-time sorties and sensing lost without thermal sensors (a thermal share t loses this x (1 - t))", Assumption + ": most small drones fly by day; night flying needs thermal cameras"),
        new("season.precipitation_grounded", 0.5, 0, 1, "fraction", "with a season block: share of a drone system's sorties and sensing lost on a precipitation day", Assumption + ": rain, snow and the wind that comes with them ground small multirotors"),
        new("season.low_cloud_grounded", 0.5, 0, 1, "fraction", "with a season block: share of an aviation system's sorties (glide-bomb carriers) and sensing lost on a low-cloud day", Assumption),
        new("season.mud_mobility", 0.5, 0, 1, "multiplier", "with a season block: movement speed and assault progress on mud days, relative to dry ground", Assumption + ": rasputitsa roughly halves cross-country progress"),
        new("season.frozen_mobility", 1.0, 0, 1, "multiplier", "with a season block: movement speed and assault progress on frozen-ground days, relative to dry ground", Assumption + ": frozen ground carries vehicles as dry ground does"),
        new("ground.break_softness", 0, 0, 10, "log-ratio", "s: a defence breaks when A / (D M) >= break_ratio x exp(s z) or its cohesion < break_cohesion x exp(-s z), z the standard-logistic resolve of its most resolute unit (drawn once per unit), so by the ratio test P(break) = 1 / (1 + (break_ratio D M / A)^(1/s)); 0: the threshold rule, nothing drawn", Assumption + ": 0, the threshold rule"),
        new("ground.line_share.{side}", 0, 0, 1, "fraction", "psi: the share of each defending unit's power spread evenly over its side's front cells as a continuous line; the rest defends its own cell and supports the adjacent ones as before; the line takes its share of the casualties; 0: off, a unit defends only its cell and its neighbours", Assumption + ": 0, off"),
        new("ground.culmination_loss.{side}", 0, 0, 1, "fraction", "an attacking unit whose losses reach this share of its initial personnel culminates: it defends instead of attacking while (N0 - N) / N0 >= this; 0: off, nothing drawn", Assumption + ": 0, off"),
        new("ground.pursuit_loss.{side}", 0, 0, 1, "fraction", "pi: each unit of a defence this side breaks that falls back loses Bin(N, pi) of its personnel in the pursuit (captured_fraction of them captured), cause overrun; 0: off, nothing drawn", Assumption + ": 0, off"),
        new("ground.defence_culmination_loss.{side}", 0, 0, 1, "fraction", "a defence of this side gives up its cell (falls back as when broken) once the units in the cell have lost this share of their initial personnel, (sum N0 - sum N) / sum N0 >= this; 0: off, nothing drawn", Assumption + ": 0, off"),
    ];

    /// <summary>Overrides of the single default for particular expansions.</summary>
    private static readonly ImmutableDictionary<string, double> ExpansionDefaults = new Dictionary<string, double>
    {
        ["logistics.consumption_per_day.attack"] = 0.3,
        ["logistics.consumption_per_day.defend"] = 0.1,
        ["logistics.consumption_per_day.withdraw"] = 0.15,
    }.ToImmutableDictionary();

    /// <summary>Every concrete parameter name for these sides, with its definition and default.</summary>
    public static IEnumerable<(string Name, ParameterDefinition Definition, double Default)> Expand(IReadOnlyList<string> sides)
    {
        foreach (var d in Definitions)
        {
            if (d.Name.Contains("{side}", StringComparison.Ordinal))
                foreach (var s in sides) yield return Make(d.Name.Replace("{side}", s, StringComparison.Ordinal), d);
            else if (d.Name.Contains("{posture}", StringComparison.Ordinal))
                foreach (var p in new[] { "attack", "defend", "withdraw" }) yield return Make(d.Name.Replace("{posture}", p, StringComparison.Ordinal), d);
            else yield return Make(d.Name, d);
        }

        static (string, ParameterDefinition, double) Make(string name, ParameterDefinition d) =>
            (name, d, ExpansionDefaults.TryGetValue(name, out var v) ? v : d.Default);
    }
}
