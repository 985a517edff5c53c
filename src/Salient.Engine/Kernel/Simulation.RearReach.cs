namespace Salient.Engine.Kernel;

/// <summary>
/// PERF: which own cells a rear unit can reach, for <see cref="RearGoal"/> without a shortest-path search in the usual
/// case. The goal is the own cell of least gap |d_front - depth_km| that the unit reaches, ties broken by the path
/// distance from the unit; almost always a single cell has the least gap, and then only whether the unit reaches it
/// matters, not how far it is. Reaching is read from the connected components of the side's own ground, labelled once
/// per control version and side when asked.
/// </summary>
/// <remarks>
/// Exact: the search from the unit's cell s (<see cref="LazyPathField"/>) enters s at 0 and then, from a reached cell,
/// every own cell over an edge of finite cost; a distance it settles is finite exactly when such a path exists, since
/// no sum of finite costs overflows (checked once: the sum of every finite edge cost is below 1e300, and a
/// shortest-path sum of non-negative costs is at most the sum over a simple path). Every edge here has a reverse of
/// the same cost (checked once; compilation adds both directions of each edge), so the own cells joined by open edges
/// fall into components, and an own cell c is reached from s exactly when c == s or c shares a component with an own
/// cell v that s has an open edge to. Where either check fails, <see cref="RearGoal"/> searches as before.
/// </remarks>
public sealed partial class Simulation
{
    private bool _reachByComponents;           // the remarks' two conditions hold for this scenario

    /// <summary>Whether rear goals may read reaching from component labels (the scenario meets the remarks' conditions).</summary>
    internal bool ReachByComponents => _reachByComponents;

    /// <summary>Tests: choose every rear goal by the search, as before the shortcut (the outputs must be the same).</summary>
    internal bool RearGoalsBySearch { get; set; }
    private int[] _component = null!;          // [side * n + cell]: component of an own cell, -1 elsewhere (Simulation.IsolatedGarrison.cs reads it too)
    private readonly long[] _componentVersion = new long[Sides]; // control version the labels were made at
    private int[] _componentStack = null!;     // scratch for the labelling
    private int[] _reachFrom = null!;          // scratch: components the unit's cell has an open edge into
    private bool[] _openEdge = null!;          // [edge]: finite cost (length / mobility, mobility above 0)

    private void AllocateRearReach()
    {
        if (!_anyRear) return;
        AllocateComponents();
        var start = _c.NeighbourStart;
        var nbr = _c.Neighbour;
        double sum = 0;
        for (int e = 0; e < nbr.Length; e++)
            if (_openEdge[e]) sum += _c.NeighbourLengthKm[e] / _c.NeighbourMobility[e];
        bool symmetric = true;
        for (int u = 0; u < _n && symmetric; u++)
            for (int e = start[u]; e < start[u + 1]; e++)
            {
                if (!_openEdge[e]) continue;
                int v = nbr[e];
                bool back = false;
                for (int f = start[v]; f < start[v + 1]; f++)
                    if (nbr[f] == u && _openEdge[f]) { back = true; break; }
                if (!back) { symmetric = false; break; }
            }
        _reachByComponents = symmetric && sum < 1e300;
        _reachFrom = new int[_n];
    }

    /// <summary>The open edges and the component labels' storage (<see cref="Components"/>), once, for whichever
    /// mechanic asks first (rear goals, isolated garrisons).</summary>
    private void AllocateComponents()
    {
        if (_component is not null) return;
        var nbr = _c.Neighbour;
        _openEdge = new bool[nbr.Length];
        for (int e = 0; e < nbr.Length; e++)
        {
            double m = _c.NeighbourMobility[e];
            double cost = m > 0 ? _c.NeighbourLengthKm[e] / m : double.PositiveInfinity; // LazyPathField's cost
            _openEdge[e] = !double.IsPositiveInfinity(cost);
        }
        _component = new int[Sides * _n];
        _componentStack = new int[_n];
    }

    private void ResetRearReach() => Array.Fill(_componentVersion, -1);

    /// <summary>The component labels of <paramref name="side"/>'s own cells at the current control version.</summary>
    private ReadOnlySpan<int> Components(int side)
    {
        var comp = _component.AsSpan(side * _n, _n);
        if (_componentVersion[side] == _controlVersion) return comp;
        _componentVersion[side] = _controlVersion;
        comp.Fill(-1);
        var start = _c.NeighbourStart;
        var nbr = _c.Neighbour;
        int label = 0;
        for (int root = 0; root < _n; root++)
        {
            if (_control[root] != side || comp[root] >= 0) continue;
            comp[root] = label;
            int top = 0;
            _componentStack[top++] = root;
            while (top > 0)
            {
                int u = _componentStack[--top];
                for (int e = start[u]; e < start[u + 1]; e++)
                {
                    int v = nbr[e];
                    if (!_openEdge[e] || _control[v] != side || comp[v] >= 0) continue;
                    comp[v] = label;
                    _componentStack[top++] = v;
                }
            }
            label++;
        }
        return comp;
    }

    /// <summary>
    /// The components of <paramref name="side"/>'s own ground that the search from <paramref name="source"/> enters
    /// (those of the own cells it has an open edge to), into <c>_reachFrom</c>; returns how many (with repeats).
    /// </summary>
    private int ReachedComponents(int side, int source, ReadOnlySpan<int> comp)
    {
        var start = _c.NeighbourStart;
        int count = 0;
        for (int e = start[source]; e < start[source + 1]; e++)
        {
            int v = _c.Neighbour[e];
            if (_openEdge[e] && _control[v] == side) _reachFrom[count++] = comp[v];
        }
        return count;
    }

    /// <summary>Whether own cell <paramref name="c"/> is reached from <paramref name="source"/> (see the remarks).</summary>
    private bool Reaches(int source, int c, ReadOnlySpan<int> comp, int reached)
    {
        if (c == source) return true;
        int label = comp[c];
        for (int i = 0; i < reached; i++)
            if (_reachFrom[i] == label) return true;
        return false;
    }
}
