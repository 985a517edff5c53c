namespace Salient.Engine.Kernel;

/// <summary>
/// A defence's culmination (docs/model.md, "Culmination of a defence"): the defence of an assaulted cell gives up the
/// cell, falling back as a broken defence does, once the active units of the defending side in the cell have lost the
/// share θ = ground.defence_culmination_loss.&lt;side&gt; of their initial personnel, (Σ N₀ − Σ N) / Σ N₀ ≥ θ. It draws
/// nothing. With θ = 0 (the default) the rule is off and nothing changes.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>
    /// True when the defence of <paramref name="cell"/> by <paramref name="side"/> has culminated: θ &gt; 0, the active
    /// units of <paramref name="side"/> in the cell have initial personnel Σ N₀ &gt; 0, and (Σ N₀ − Σ N) / Σ N₀ ≥ θ.
    /// </summary>
    private bool DefenceCulminated(int cell, int side)
    {
        double theta = P(_ids.DefenceCulminationLoss[side]);
        if (theta <= 0) return false;
        double n0 = 0, n = 0;
        for (int u = _firstAt[cell]; u >= 0; u = _nextAt[u])
        {
            if (!_active[u] || _c.UnitSide[u] != side) continue;
            n0 += _personnelInit[u];
            n += _personnel[u];
        }
        return n0 > 0 && (n0 - n) / n0 >= theta;
    }
}
