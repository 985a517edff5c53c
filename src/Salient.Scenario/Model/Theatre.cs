using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>The map: cells, edges between them, depots and which regions count toward ground held.</summary>
/// <remarks>Immutable. Cells are ordered by index; edges are sorted (A, B) with A &lt; B.</remarks>
public sealed record Theatre(
    ImmutableArray<Region> Regions,
    ImmutableArray<Cell> Cells,
    ImmutableArray<Edge> Edges,
    ImmutableArray<Depot> Depots,
    ImmutableArray<string> Warnings)
{
    /// <summary>Index of a cell by its id or by the id of a settlement it holds, or -1.</summary>
    public int CellIndex(string idOrSettlement)
    {
        for (int i = 0; i < Cells.Length; i++)
            if (Cells[i].Id == idOrSettlement) return i;
        for (int i = 0; i < Cells.Length; i++)
            if (Cells[i].Settlements.Contains(idOrSettlement)) return i;
        return -1;
    }
}
