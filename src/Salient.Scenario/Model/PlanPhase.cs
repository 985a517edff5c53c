using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

/// <summary>One dated phase of a side's plan: posture and objectives for a date range, for all or some of its units.</summary>
/// <remarks>Immutable. Dates are inclusive. An empty <see cref="Units"/> means every unit of the side.</remarks>
public sealed record PlanPhase(string Name, int Side, DateOnly Start, DateOnly End, Posture Posture, ImmutableArray<int> Objectives, ImmutableArray<int> Units, SourceSpan Span);
