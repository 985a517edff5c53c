using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

/// <summary>Personnel added to a unit: once on <see cref="Start"/>, or per day from <see cref="Start"/> to <see cref="End"/>.</summary>
/// <remarks>When <see cref="System"/> is 0 or more, the amount adds items of that system to the unit's inventory
/// (deliveries: drone teams, launchers) instead of personnel.</remarks>
public sealed record Reinforcement(int Unit, DateOnly Start, DateOnly? End, Quantity Personnel, SourceSpan Span)
{
    /// <summary>The system delivered, or -1 for personnel.</summary>
    public int System { get; init; } = -1;
}
