namespace Salient.Engine.Kernel;

/// <summary>
/// Probing assaults (docs/model.md 4.3, "Probing assaults"): with <c>ground.probing_share.&lt;side&gt;</c> = pi above 0,
/// an assault whose massed power falls short of attack_ratio x the defence goes in anyway with pi of the attackers'
/// power, instead of being called off. Off (pi = 0) nothing here changes a result: every assault commits 1.
/// </summary>
public sealed partial class Simulation
{
    private double[] _probeShare = null!; // [cell] share a probing assault on the cell commits this tick; 0: a full assault

    private void AllocateProbing() => _probeShare = new double[_n];

    /// <summary>Whether <paramref name="side"/> probes the cell whose assault fell short of its ratio; if so the share is recorded.</summary>
    private bool Probe(int cell, int side)
    {
        double share = P(_ids.ProbingShare[side]);
        if (share <= 0) return false;
        _probeShare[cell] = share;
        return true;
    }

    /// <summary>The share of the massed power the assault on <paramref name="cell"/> commits this tick (1 unless it is a
    /// probe), cleared for the next tick.</summary>
    private double TakeCommitment(int cell)
    {
        double share = _probeShare[cell];
        _probeShare[cell] = 0;
        return share > 0 ? share : 1;
    }
}
