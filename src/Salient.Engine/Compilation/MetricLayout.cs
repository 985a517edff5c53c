using System.Collections.Immutable;

namespace Salient.Engine.Compilation;

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
