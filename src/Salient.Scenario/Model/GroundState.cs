namespace Salient.Scenario.Model;

/// <summary>The state of the ground on a day, from the scenario's season calendar (<see cref="Season.Ground"/>).</summary>
/// <remarks>The numeric values are the codes the daily series <c>season.ground_state</c> records.</remarks>
public enum GroundState
{
    /// <summary>Firm ground: movement and assaults at their catalogue rates.</summary>
    Dry = 0,
    /// <summary>Mud (rasputitsa, thaw): movement and assault progress scaled by <c>season.mud_mobility</c>.</summary>
    Mud = 1,
    /// <summary>Frozen ground: movement and assault progress scaled by <c>season.frozen_mobility</c>.</summary>
    Frozen = 2,
}
