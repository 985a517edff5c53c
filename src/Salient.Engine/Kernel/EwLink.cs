namespace Salient.Engine.Kernel;

/// <summary>The links electronic warfare acts on; each jammer has one effect per link (docs/model.md, ISR and EW).</summary>
internal enum EwLink
{
    /// <summary>Radio control links of strike drones aimed at the protected unit.</summary>
    Drone,
    /// <summary>Radio links of enemy reconnaissance sensors looking at the protected unit.</summary>
    Recon,
    /// <summary>Satellite navigation of GNSS-guided munitions aimed at the protected unit.</summary>
    Gnss,
    /// <summary>The enemy's radio communications (command latency of its kill chains).</summary>
    Comms,
}
