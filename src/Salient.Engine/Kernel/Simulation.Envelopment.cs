namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Envelopment (docs/model.md 4.3, step 2): true when <c>ground.withdraw_enveloped.&lt;side&gt;</c> = e is above 0
    /// and the enemy holds at least the share e of the cell's neighbours. Depends on control only, so the front field
    /// that skips such cells stays valid until a cell changes hands.
    /// </summary>
    private bool Enveloped(int cell, int side)
    {
        double share = P(_ids.WithdrawEnveloped[side]);
        if (share <= 0) return false;
        var start = _c.NeighbourStart;
        int neighbours = start[cell + 1] - start[cell], enemy = 0;
        for (int e = start[cell]; e < start[cell + 1]; e++)
            if (_control[_c.Neighbour[e]] != side) enemy++;
        return neighbours > 0 && enemy >= share * neighbours;
    }
}
