namespace Salient.Scenario.Model;

/// <summary>What the command phase does with a unit besides its plan: hold the line, or hold a depth behind it.</summary>
public enum UnitRole
{
    /// <summary>A line unit: follows its side's plan (attack, defend, withdraw), as every unit did before roles existed.</summary>
    Line,
    /// <summary>
    /// A rear or support unit (air defence, EW, strike aviation tasking, headquarters): holds <see cref="Unit.DepthKm"/>
    /// behind its side's front, follows the front as it moves, and never assaults.
    /// </summary>
    Rear,
}
