namespace Salient.Engine.Kernel;

/// <summary>
/// Causes of casualties in ground combat. The casualty-cause index space is these, then one per catalogue system
/// (its kill chain), in catalogue order; <see cref="Simulation"/> keeps one tally per side and cause.
/// </summary>
internal enum GroundCause
{
    /// <summary>Casualties in an assault on a cell, on either side.</summary>
    Assault,
    /// <summary>Casualties of the positional fire exchanged between units in contact every tick.</summary>
    Positional,
    /// <summary>Personnel of a broken unit with nowhere to withdraw to (captured, killed or wounded).</summary>
    Overrun,
}
