namespace Salient.Engine.Compilation;

/// <summary>
/// A supply route compiled for the kernel: its side, the full chain of cells from head to tail (waypoints joined by the
/// shortest path through the theatre), the convoy vehicle's system index, and the offset of its cells in the flat
/// per-route-cell arrays of <see cref="Kernel.Simulation"/>.
/// </summary>
internal sealed record CompiledRoute(int Index, string Id, int Side, int[] Cells, int Vehicle, int FirstSlot)
{
    /// <summary>Joins the model's routes into cell chains; segment i runs from <c>Cells[i - 1]</c> to <c>Cells[i]</c>.</summary>
    public static CompiledRoute[] CompileAll(CompiledScenario c)
    {
        var routes = c.Model.SupplyRoutes;
        var result = new CompiledRoute[routes.Length];
        int slot = 0;
        for (int r = 0; r < routes.Length; r++)
        {
            var cells = new List<int> { routes[r].Waypoints[0] };
            for (int w = 1; w < routes[r].Waypoints.Length; w++)
                cells.AddRange(ShortestPath(c, cells[^1], routes[r].Waypoints[w]));
            result[r] = new CompiledRoute(r, routes[r].Id, routes[r].Side, [.. cells], routes[r].Vehicle, slot);
            slot += cells.Count;
        }
        return result;
    }

    /// <summary>Cells after <paramref name="from"/> up to and including <paramref name="to"/> on the shortest path by edge
    /// length (Dijkstra; ties go to the lower cell index, so the chain is deterministic).</summary>
    private static List<int> ShortestPath(CompiledScenario c, int from, int to)
    {
        int n = c.CellCount;
        var dist = new double[n];
        var prev = new int[n];
        Array.Fill(dist, double.PositiveInfinity);
        Array.Fill(prev, -1);
        dist[from] = 0;
        var queue = new PriorityQueue<int, (double, int)>();
        queue.Enqueue(from, (0, from));
        while (queue.TryDequeue(out int u, out var key))
        {
            if (key.Item1 > dist[u]) continue;
            if (u == to) break;
            for (int e = c.NeighbourStart[u]; e < c.NeighbourStart[u + 1]; e++)
            {
                int v = c.Neighbour[e];
                double d = dist[u] + c.NeighbourLengthKm[e];
                if (d < dist[v]) { dist[v] = d; prev[v] = u; queue.Enqueue(v, (d, v)); }
            }
        }
        var path = new List<int>();
        if (double.IsPositiveInfinity(dist[to])) return path; // unreachable: the theatre rule reports a disconnected graph
        for (int v = to; v != from; v = prev[v]) path.Add(v);
        path.Reverse();
        return path;
    }
}
