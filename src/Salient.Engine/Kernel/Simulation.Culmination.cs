namespace Salient.Engine.Kernel;

/// <summary>
/// An attacker's culmination (docs/model.md, "Culmination of an attack"): a unit whose plan posture is attack defends
/// instead while its losses reach the share θ = ground.culmination_loss.&lt;side&gt; of its initial personnel, that is while
/// (N₀ − N) / N₀ ≥ θ. It draws nothing. With θ = 0 (the default) the rule is off and nothing changes.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>
    /// True when unit <paramref name="u"/> of <paramref name="side"/> has culminated: θ &gt; 0, its initial personnel N₀ &gt; 0
    /// and its loss fraction (N₀ − N) / N₀ ≥ θ. Replacements that lift N back above (1 − θ) N₀ let it attack again.
    /// </summary>
    private bool Culminated(int u, int side)
    {
        double theta = P(_ids.CulminationLoss[side]);
        if (theta <= 0) return false;
        double n0 = _personnelInit[u];
        return n0 > 0 && (n0 - _personnel[u]) / n0 >= theta;
    }
}
