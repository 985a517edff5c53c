using System.Collections.Immutable;

namespace Salient.Engine.Compilation;

/// <summary>Whether a metric is a quantity or the day an event first happened.</summary>
public enum MetricKind
{
    /// <summary>A number (area, casualties, counts).</summary>
    Value,
    /// <summary>A day index from the calendar start; NaN when the event did not happen in the replication.</summary>
    Day,
}

/// <summary>A named per-replication metric.</summary>
public sealed record MetricInfo(string Name, MetricKind Kind);

/// <summary>
/// The names and order of the per-replication metrics and daily series a compiled scenario records.
/// Metric names follow <c>family.quantity[.qualifier].side</c> (e.g. <c>control.area_km2.blue</c>, <c>capture.sudzha.red</c>).
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class MetricLayout
{
    internal MetricLayout(ImmutableArray<MetricInfo> metrics, ImmutableArray<string> series, int days)
    {
        Metrics = metrics;
        Series = series;
        Days = days;
    }

    /// <summary>A layout read back from an output file (metrics, series and days as the file describes them).</summary>
    public static MetricLayout Create(IEnumerable<MetricInfo> metrics, IEnumerable<string> series, int days)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        return new MetricLayout([.. metrics], [.. series], days);
    }

    /// <summary>Final per-replication metrics, in record order.</summary>
    public ImmutableArray<MetricInfo> Metrics { get; }

    /// <summary>Daily series names, in record order.</summary>
    public ImmutableArray<string> Series { get; }

    /// <summary>Days per series.</summary>
    public int Days { get; }

    /// <summary>Length of one replication's daily block (series x days).</summary>
    public int DailyLength => Series.Length * Days;

    /// <summary>Index of a metric by name, or -1.</summary>
    public int MetricIndex(string name) => Metrics.IndexOf(Metrics.FirstOrDefault(m => m.Name == name)!);

    /// <summary>Index of a series by name, or -1.</summary>
    public int SeriesIndex(string name) => Series.IndexOf(name);
}
