namespace Salient.Engine.Kernel;

public sealed partial class Simulation
{
    /// <summary>
    /// Phase 7b, cohesion and fortification: a unit out of combat recovers cohesion at rate rho (1 - C) per day;
    /// every unit loses delta (1 - supply) per day; a held cell that was not assaulted fortifies at f per day up to
    /// the cap; an assault that was not pressed this tick loses its progress.
    /// </summary>
    private void Recovery()
    {
        double dt = _c.Dt;
        double recovery = P(_ids.CohesionRecovery);
        double decay = P(_ids.UnsuppliedDecay);
        for (int u = 0; u < _m; u++)
            if (_active[u]) _cohesion[u] = CohesionAfterTick(_cohesion[u], _supply[u], _engaged[u], recovery, decay, dt);
        double rate = P(_ids.FortificationPerDay) * dt;
        double cap = P(_ids.FortificationMax);
        // PERF: a cell at rest (not attacked, advance +0, fortification a fixed point of today's update: every bit
        // checked) is written the same bits by the loop below, so only the cells not at rest are visited. A cell leaves
        // rest only when ground combat attacks it, advances on it or it is captured (each lists it: NoteUnrest), or the
        // day's rate or cap changes (a full pass, as after a reset or a settled replication's bulk play). Each cell's
        // update reads only its own state, so visiting a subset in any order leaves every cell as the full loop would.
        long rateBits = BitConverter.DoubleToInt64Bits(rate), capBits = BitConverter.DoubleToInt64Bits(cap);
        if (_restAll || !KeepCellsAtRest || rateBits != _restRate || capBits != _restCap)
        {
            _restAll = false;
            _restRate = rateBits;
            _restCap = capBits;
            _restCount = 0;
            for (int c = 0; c < _n; c++)
            {
                RecoverCell(c, rate, cap);
                _restListed[c] = !AtRest(c, rate, cap);
                if (_restListed[c]) _restCells[_restCount++] = c;
            }
            return;
        }
        int kept = 0;
        for (int i = 0; i < _restCount; i++)
        {
            int c = _restCells[i];
            RecoverCell(c, rate, cap);
            if (AtRest(c, rate, cap)) _restListed[c] = false;
            else _restCells[kept++] = c;
        }
        _restCount = kept;
    }

    private void RecoverCell(int c, double rate, double cap)
    {
        if (_attacked[c]) _attacked[c] = false;
        else
        {
            _advance[c] = 0;
            _fortification[c] = FortificationAfterTick(_fortification[c], rate, cap);
        }
    }

    private bool AtRest(int c, double rate, double cap) =>
        !_attacked[c] && BitConverter.DoubleToInt64Bits(_advance[c]) == 0
        && BitConverter.DoubleToInt64Bits(FortificationAfterTick(_fortification[c], rate, cap)) == BitConverter.DoubleToInt64Bits(_fortification[c]);

    /// <summary>Lists a cell whose attack, advance or fortification was just written for the next recovery (PERF).</summary>
    private void NoteUnrest(int c)
    {
        if (_restListed[c]) return;
        _restListed[c] = true;
        _restCells[_restCount++] = c;
    }

    /// <summary>Visit only the cells not at rest in the recovery's cell loop (PERF; off in tests to compare).</summary>
    internal bool KeepCellsAtRest { get; set; } = true;

    private int[] _restCells = null!;   // the cells not at rest, each once
    private bool[] _restListed = null!; // [cell]: listed in _restCells
    private int _restCount;
    private bool _restAll = true;       // the next recovery visits every cell (after a reset or a bulk play)
    private long _restRate, _restCap;   // the bits of the rate and cap the list was made for

    // The updates, also played in bulk by a settled replication (Simulation.Settled.cs).
    private static double CohesionAfterTick(double c, double supply, bool engaged, double recovery, double decay, double dt)
    {
        if (!engaged) c += recovery * (1 - c) * dt;
        c -= decay * (1 - supply) * dt;
        return Math.Clamp(c, 0, 1);
    }

    private static double FortificationAfterTick(double fortification, double rate, double cap) => Math.Min(cap, fortification + rate);
}
