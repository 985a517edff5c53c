namespace Salient.Scenario.Model;

/// <summary>A unit's stance: what the command phase makes it do.</summary>
public enum Posture
{
    /// <summary>Hold ground; move to the front when not in contact.</summary>
    Defend,
    /// <summary>Advance on the objectives and attack adjacent enemy cells.</summary>
    Attack,
    /// <summary>Fall back toward own depots; do not attack.</summary>
    Withdraw,
}
