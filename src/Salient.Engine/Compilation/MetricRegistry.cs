using System.Collections.Immutable;
using Salient.Engine.Kernel;

namespace Salient.Engine.Compilation;

/// <summary>
/// Every metric and daily series a compiled scenario records, each declared once with its name, its kind and the
/// code that reads it from a finished (or, for series, an end-of-day) simulation. The layout that output files are
/// written with and the values the kernel writes come from the same entries, so they cannot drift apart.
/// </summary>
/// <remarks>Filled once while the scenario is compiled (see <c>Simulation.DeclareMetrics</c>), then sealed into arrays.</remarks>
internal sealed class MetricRegistry
{
    private readonly List<MetricInfo> _finals = [];
    private readonly List<Func<Simulation, double>> _finalReaders = [];
    private readonly List<string> _series = [];
    private readonly List<Func<Simulation, double>> _seriesReaders = [];

    /// <summary>Declares a per-replication metric, read once after the last tick.</summary>
    public void Final(string name, MetricKind kind, Func<Simulation, double> read)
    {
        _finals.Add(new MetricInfo(name, kind));
        _finalReaders.Add(read);
    }

    /// <summary>Declares a daily series, read after the last tick of every day and stored as a float.</summary>
    public void Daily(string name, Func<Simulation, double> read)
    {
        _series.Add(name);
        _seriesReaders.Add(read);
    }

    /// <summary>Ends the declarations: the readers in layout order, and the layout (names and kinds) they write.</summary>
    public (ImmutableArray<Func<Simulation, double>> Finals, ImmutableArray<Func<Simulation, double>> Series, MetricLayout Layout) Seal(int days) =>
        ([.. _finalReaders], [.. _seriesReaders], new MetricLayout([.. _finals], [.. _series], days));
}
