namespace Salient.Scenario.Model;

/// <summary>The definition of one model parameter: its name pattern, default, allowed range and meaning.</summary>
/// <remarks>Immutable. <c>{side}</c> in <see cref="Name"/> expands to every side id; <c>{posture}</c> to attack, defend and withdraw.</remarks>
public sealed record ParameterDefinition(string Name, double Default, double Min, double Max, string Unit, string Meaning, string DefaultSource);
