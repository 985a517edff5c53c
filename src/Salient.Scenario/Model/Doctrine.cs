namespace Salient.Scenario.Model;

/// <summary>How a side fights: the doctrine rules of the command phase.</summary>
/// <remarks>Immutable. Every field is a quantity so it can be uncertain or calibrated.</remarks>
public sealed record Doctrine(
    Quantity AttackRatio,
    Quantity MinSupplyToAttack,
    Quantity WithdrawCohesion,
    Quantity RecoverCohesion,
    Quantity CutOffDays);
