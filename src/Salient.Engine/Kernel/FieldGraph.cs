using System.Runtime.CompilerServices;
using Salient.Engine.Compilation;

namespace Salient.Engine.Kernel;

/// <summary>
/// The theatre's graph as the distance fields search it (<see cref="DynamicPathField"/>, <see cref="LazyPathField"/>):
/// each edge's cost, length / mobility (+infinity when mobility &lt;= 0: the edge is closed), and the reverse CSR (the
/// edges into each cell with their costs).
/// </summary>
/// <remarks>
/// PERF: made once per compiled scenario and shared, read-only, by every field of every simulation of it (a Kursk
/// simulation has some forty fields, each of which built its own copy: some 100 KB apiece, all alike). The costs are the
/// same expression as before, so the same doubles.
/// </remarks>
internal sealed class FieldGraph
{
    private static readonly ConditionalWeakTable<CompiledScenario, FieldGraph> Graphs = new();

    /// <summary>The graph of <paramref name="c"/> (made on first use; thread-safe).</summary>
    public static FieldGraph Of(CompiledScenario c) => Graphs.GetValue(c, static c => new FieldGraph(c));

    public int CellCount { get; }
    public int[] Start { get; }
    public int[] Neighbour { get; }
    /// <summary>[edge] length / mobility, +infinity when mobility &lt;= 0.</summary>
    public double[] Cost { get; }
    /// <summary>Reverse CSR: the edges into each cell.</summary>
    public int[] InStart { get; }
    /// <summary>The cost of each edge into a cell (PERF: no indirection through the edge index).</summary>
    public double[] InCost { get; }
    public int[] InFrom { get; }
    /// <summary>No edge cost can be absorbed by rounding (see <see cref="DynamicPathField"/>'s PushOut).</summary>
    public bool ExactSupports { get; }
    /// <summary>Every edge cost &gt;= 0 (see <see cref="DynamicPathField.TryReadUnchanged"/>).</summary>
    public bool NonNegativeCosts { get; }
    /// <summary>The queue capacity a search needs: every edge relaxed once, and every cell a seed.</summary>
    public int QueueCapacity => Neighbour.Length + CellCount + 1;

    private FieldGraph(CompiledScenario c)
    {
        int n = CellCount = c.CellCount;
        Start = c.NeighbourStart;
        Neighbour = c.Neighbour;
        var nbr = Neighbour;
        Cost = new double[nbr.Length];
        for (int e = 0; e < Cost.Length; e++)
        {
            double m = c.NeighbourMobility[e];
            Cost[e] = m > 0 ? c.NeighbourLengthKm[e] / m : double.PositiveInfinity;
        }
        InStart = new int[n + 1];
        for (int e = 0; e < nbr.Length; e++) InStart[nbr[e] + 1]++;
        for (int v = 0; v < n; v++) InStart[v + 1] += InStart[v];
        InCost = new double[nbr.Length];
        InFrom = new int[nbr.Length];
        var fill = new int[n];
        for (int u = 0; u < n; u++)
            for (int e = Start[u]; e < Start[u + 1]; e++)
            {
                int v = nbr[e];
                int slot = InStart[v] + fill[v]++;
                InCost[slot] = Cost[e];
                InFrom[slot] = u;
            }
        // A distance is at most the sum of every open edge's cost; when the least cost is far above that sum's rounding
        // unit, d + w > d for every distance d and cost w, so a support always has a strictly smaller distance.
        double least = double.PositiveInfinity, sum = 0;
        foreach (double w in Cost)
        {
            if (double.IsPositiveInfinity(w)) continue;
            least = Math.Min(least, w);
            sum += w;
        }
        ExactSupports = least > 0 && least > sum * 1e-12;
        NonNegativeCosts = Array.TrueForAll(Cost, w => w >= 0); // NaN fails too
    }
}
