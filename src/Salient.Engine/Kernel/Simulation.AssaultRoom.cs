namespace Salient.Engine.Kernel;

/// <summary>
/// Room to fight (docs/model.md 4.7, "Room to fight"): with <c>ground.max_assault_density</c> = rho_max above 0, at most
/// rho_max x the contested cell's area of the attackers' personnel fight in an assault at once; the rest are massed
/// but cannot engage, so an assault's power, the density area fire sees and the break test use only the engaged
/// share. Off (0) the share is the commitment unchanged, so every result is what it was before the rule existed.
/// </summary>
public sealed partial class Simulation
{
    /// <summary>The share of the attackers' massed power that engages in the assault on <paramref name="cell"/>:
    /// min(<paramref name="commitment"/>, rho_max a / N), N the attackers' <paramref name="personnel"/>.</summary>
    private double EngagedShare(int cell, double commitment, double personnel)
    {
        double cap = P(_ids.MaxAssaultDensity);
        double area = _c.CellArea[cell];
        if (cap <= 0 || area <= 0 || personnel <= 0) return commitment;
        return Math.Min(commitment, cap * area / personnel);
    }
}
