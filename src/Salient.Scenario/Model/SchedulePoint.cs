namespace Salient.Scenario.Model;

/// <summary>One point of a piecewise schedule: from <see cref="Date"/> on, the value is <see cref="Value"/>.</summary>
public sealed record SchedulePoint(DateOnly Date, Quantity Value);
