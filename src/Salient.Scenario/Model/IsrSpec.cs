namespace Salient.Scenario.Model;

/// <summary>A reconnaissance sensor (e.g. a Mavic-class drone team): adds <see cref="Detection"/> to the detection level of enemy units in range.</summary>
public sealed record IsrSpec(LinkKind Link, Quantity RangeKm, Quantity Detection);
