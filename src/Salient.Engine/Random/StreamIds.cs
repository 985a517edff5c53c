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

    /// <summary>Attribution: the paired bootstrap over replications of the Shapley values' intervals (replication 0).</summary>
    public const uint AttributionBootstrap = 180;
}
