namespace Salient.Engine.Random;

/// <summary>
/// Stream ids: the <c>stream</c> argument of <see cref="RandomStream(ulong, uint, uint)"/>. Each subsystem draws
/// only from its own stream, so adding or removing draws in one subsystem never shifts the numbers another sees
/// (common random numbers across scenario variants stay aligned per subsystem).
/// </summary>
/// <remarks>
/// Ids are part of the reproducibility contract: never renumber or reuse one; append new ids at the end.
/// 0 is deliberately unused because it is what <c>default(RandomStream)</c> gives.
/// </remarks>
public static class StreamIds
{
    /// <summary>Set-up time sampling of uncertain scenario parameters (e.g. triangular priors through <see cref="RandomStreamSource"/>).</summary>
    public const uint Parameters = 1;

    /// <summary>Command and control: decision timing, order delays, tasking choices.</summary>
    public const uint Command = 2;

    /// <summary>Intelligence, surveillance and reconnaissance: sensor detections, identification, target location.</summary>
    public const uint Isr = 3;

    /// <summary>Fires: artillery and strike-drone engagements, hits and damage.</summary>
    public const uint Fires = 4;

    /// <summary>Air defence: detection and interception of drones and missiles.</summary>
    public const uint AirDefence = 5;

    /// <summary>Ground combat and manoeuvre: attrition, movement and breakthroughs.</summary>
    public const uint Ground = 6;

    /// <summary>Logistics: supply deliveries, losses in transit, equipment breakdowns and repair.</summary>
    public const uint Logistics = 7;

    /// <summary>Reinforcements: arrival times and strengths of new units and materiel.</summary>
    public const uint Reinforcements = 8;

    /// <summary>Calibration (ABC-SMC): prior draws, particle picks and perturbations; the replication argument is the proposal's index.</summary>
    public const uint Calibration = 9;

    /// <summary>Sobol sensitivity: the Saltelli design's base matrices (replication 0).</summary>
    public const uint SobolDesign = 101;

    /// <summary>Sobol sensitivity: bootstrap resampling of the indices' confidence intervals (replication 0).</summary>
    public const uint SobolBootstrap = 102;

    /// <summary>Morris screening: the trajectories' starting points, orders and signs (replication 0).</summary>
    public const uint MorrisDesign = 111;

    /// <summary>Sweeps: the Latin hypercube's draws (replication 0).</summary>
    public const uint LatinHypercube = 121;

    /// <summary>Supply routes: interdiction sorties against convoys and the convoy vehicles they destroy (docs/model.md,
    /// "Supply routes and interdiction"). Drawn only when the scenario declares <c>supply_routes</c>. Ids 131-139 are
    /// reserved for the supply mechanic.</summary>
    public const uint Supply = 130;
    /// <summary>Infiltration: whether a force in transit on a route is detected that day (one Bernoulli draw per route and transit day).</summary>
    public const uint InfiltrationDetection = 170;

    /// <summary>Infiltration: the losses of a detected force in transit and their killed/wounded split.</summary>
    public const uint InfiltrationLosses = 171;
    /// <summary>Deep strike: the kill chains of deep-strike fire systems (sorties, allocation, counter-drone, jamming, hits, damage).</summary>
    public const uint DeepStrike = 150;

    /// <summary>Deep strike: air-defence interception of deep-strike munitions (kept apart from <see cref="AirDefence"/>).</summary>
    public const uint DeepStrikeAirDefence = 151;

    /// <summary>Deep strike: each side's daily ISR cueing of enemy units for its deep-strike systems.</summary>
    public const uint DeepStrikeCueing = 152;
    /// <summary>
    /// EW and coordination (<c>Simulation.Coordination.cs</c>), reserved: its effects are closed forms today and draw
    /// nothing; a draw added to that mechanic later takes this stream, never the fires or ground streams.
    /// </summary>
    public const uint Coordination = 160;

    /// <summary>Fatigue and rotation (<c>Simulation.Fatigue.cs</c>), reserved: deterministic today, like <see cref="Coordination"/>.</summary>
    public const uint Fatigue = 161;
    /// <summary>
    /// Weather (seasons mechanic): per replication, two uniform draws per simulated day in day order, the first for a
    /// precipitation day and the second for a low-cloud day, each compared with its month's climatological probability.
    /// Drawn once at replication start, only for scenarios with a <c>season:</c> block.
    /// </summary>
    public const uint Weather = 140;
    /// <summary>Attribution: the paired bootstrap over replications of the Shapley values' intervals (replication 0).</summary>
    public const uint AttributionBootstrap = 180;

    /// <summary>
    /// Ground combat's break resolve (<c>Simulation.GroundBreak.cs</c>): one uniform draw per unit, in unit order, the
    /// first time a defence is tested with <c>ground.break_softness</c> above 0. Nothing is drawn when it is 0.
    /// </summary>
    public const uint GroundBreak = 190;

    /// <summary>
    /// Pursuit after a break (<c>Simulation.Pursuit.cs</c>): for each broken unit that falls back, in the order the
    /// withdrawal visits them, a binomial draw of its pursuit losses, the binomial killed share of those not captured,
    /// and its equipment losses. Nothing is drawn while <c>ground.pursuit_loss</c> is 0.
    /// </summary>
    public const uint Pursuit = 191;
}
