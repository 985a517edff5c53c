using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

/// <summary>A side of the conflict.</summary>
public sealed record Side(string Id, string Name, string Colour, Doctrine Doctrine, SourceSpan Span);
