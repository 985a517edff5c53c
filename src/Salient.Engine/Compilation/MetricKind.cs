namespace Salient.Engine.Compilation;

/// <summary>Whether a metric is a quantity or the day an event first happened.</summary>
public enum MetricKind
{
    /// <summary>A number (area, casualties, counts).</summary>
    Value,
    /// <summary>A day index from the calendar start; NaN when the event did not happen in the replication.</summary>
    Day,
}
