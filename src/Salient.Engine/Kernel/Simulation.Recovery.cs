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
        for (int c = 0; c < _n; c++)
        {
            if (_attacked[c]) _attacked[c] = false;
            else
            {
                _advance[c] = 0;
                _fortification[c] = FortificationAfterTick(_fortification[c], rate, cap);
            }
        }
    }

    // The updates, also played in bulk by a settled replication (Simulation.Settled.cs).
    private static double CohesionAfterTick(double c, double supply, bool engaged, double recovery, double decay, double dt)
    {
        if (!engaged) c += recovery * (1 - c) * dt;
        c -= decay * (1 - supply) * dt;
        return Math.Clamp(c, 0, 1);
    }

    private static double FortificationAfterTick(double fortification, double rate, double cap) => Math.Min(cap, fortification + rate);
}
