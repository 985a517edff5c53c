namespace Salient.Engine.Kernel;

/// <summary>
/// Clearing a built-up cell (docs/model.md 4.7, step 8): besides crossing the cell, its attackers must spend
/// kappa x residents / 1000 days of assaults in its streets. Unlike the crossing, that work is not lost when the
/// assault pauses: the streets cleared stay cleared until the cell changes hands.
/// </summary>
public sealed partial class Simulation
{
    private readonly double[] _clearing; // [cell] days of assault spent clearing the cell's built-up area since it last changed hands

    /// <summary>
    /// Adds this tick's assault to the cell's clearing and says whether its built-up area is cleared. A cell without
    /// residents, or a scenario without clearing (kappa = 0), needs none: true at once, and nothing is stored.
    /// </summary>
    private bool Cleared(int cell, double dt)
    {
        double needed = P(_ids.ClearingDaysPer1000) * _c.CellResidents[cell] / 1000;
        if (!(needed > 0)) return true;
        _clearing[cell] += dt;
        return _clearing[cell] >= needed;
    }
}
