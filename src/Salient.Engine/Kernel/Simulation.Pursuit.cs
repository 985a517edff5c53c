using Salient.Engine.Random;

namespace Salient.Engine.Kernel;

/// <summary>
/// Pursuit after a break (docs/model.md, "Pursuit after a break"): each unit of a broken defence that falls back loses
/// X ~ Bin(⌊N⌋, π) of its personnel in the retreat, π = ground.pursuit_loss.&lt;attacker&gt;; of them round(X χ) are captured
/// (χ = ground.captured_fraction) and the rest are killed or wounded as in Inflict, recorded under cause overrun, and its
/// equipment is lost as with any casualties. Draws come from the <see cref="StreamIds.Pursuit"/> stream only; with π = 0
/// (the default) nothing is drawn and nothing changes.
/// </summary>
public sealed partial class Simulation
{
    private RandomStream _pursuitRng;

    private void ResetPursuit(ulong seed, uint rep) => _pursuitRng = new RandomStream(seed, rep, StreamIds.Pursuit);

    /// <summary>
    /// Applies the pursuit losses to broken unit <paramref name="u"/> of <paramref name="side"/>, pursued by
    /// <paramref name="attacker"/>; true when the unit was eliminated (then it does not move).
    /// </summary>
    private bool Pursued(int u, int side, int attacker)
    {
        double pi = P(_ids.PursuitLoss[attacker]);
        if (pi <= 0) return false;
        double n = _personnel[u];
        long x = Sampler.Binomial(ref _pursuitRng, (long)Math.Floor(n), pi);
        if (x == 0) return false;
        double captured = Math.Round(x * P(_ids.CapturedFraction));
        long rest = x - (long)captured;
        long killed = Sampler.Binomial(ref _pursuitRng, rest, P(_ids.KilledFraction[side]));
        _captured[side] += captured;
        _killed[side] += killed;
        _wounded[side] += rest - killed;
        CountContingent(u, killed, rest - killed, captured);
        _byCause[side * _causes + (int)GroundCause.Overrun] += x;
        LoseEquipment(ref _pursuitRng, u, side, Math.Min(1, x / n * P(_ids.EquipmentLossFactor)), -1);
        _personnel[u] -= x;
        if (_personnel[u] >= 1) return false;
        Eliminate(u);
        return true;
    }
}
