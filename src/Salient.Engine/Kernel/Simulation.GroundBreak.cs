using Salient.Engine.Random;

namespace Salient.Engine.Kernel;

/// <summary>
/// The probabilistic break of ground combat (docs/model.md, "Probabilistic break"). Every unit carries a resolve z,
/// a standard-logistic draw made once per replication; a defence breaks when the effective force ratio reaches
/// b exp(s z), or its cohesion falls below c exp(-s z), with b = ground.break_ratio, c = ground.break_cohesion,
/// s = ground.break_softness and z the resolve of the most resolute defender taking part. With s = 0 the thresholds
/// are b and c exactly and nothing is drawn, so the threshold rule is unchanged.
/// </summary>
public sealed partial class Simulation
{
    private double[]? _resolve;       // [unit]: z, standard logistic; drawn on first need when s > 0
    private bool _resolveDrawn;
    private ulong _breakSeed;
    private uint _breakRep;
    private double _breakZ;           // z* of the assault whose break test is running (set by BreakRatioNow)

    private void ResetGroundBreak(ulong seed, uint rep)
    {
        _resolveDrawn = false;
        _breakSeed = seed;
        _breakRep = rep;
    }

    /// <summary>
    /// The break ratio of the assault whose defenders are participants [<paramref name="from"/>, <paramref name="to"/>):
    /// b when s = 0 (no draw); otherwise b exp(s z*), z* the largest resolve among the participants still active (0 when
    /// none, the garrison alone). Removing a unit never raises z*, so losses never lower the chance of a break.
    /// </summary>
    private double BreakRatioNow(int from, int to)
    {
        double b = P(_ids.BreakRatio);
        double s = P(_ids.BreakSoftness);
        _breakZ = 0;
        if (s <= 0) return b;
        EnsureResolve();
        double z = double.NegativeInfinity;
        for (int i = from; i < to; i++)
        {
            int u = _partUnit[i];
            if (_active[u] && _resolve![u] > z) z = _resolve[u];
        }
        if (!double.IsNegativeInfinity(z)) _breakZ = z;
        return b * Math.Exp(s * _breakZ);
    }

    /// <summary>
    /// The cohesion below which the defence of the assault last passed to <see cref="BreakRatioNow"/> breaks:
    /// c when s = 0; otherwise c exp(-s z*), the same resolve z* as its ratio test (a resolute unit holds on at a lower
    /// cohesion, a shaky one gives way at a higher). Lower cohesion never lowers the chance of a break.
    /// </summary>
    private double BreakCohesionNow()
    {
        double c = P(_ids.BreakCohesion);
        double s = P(_ids.BreakSoftness);
        return s <= 0 ? c : c * Math.Exp(-s * _breakZ);
    }

    /// <summary>Draws every unit's resolve, in unit order, from the <see cref="StreamIds.GroundBreak"/> stream.</summary>
    private void EnsureResolve()
    {
        if (_resolveDrawn) return;
        _resolve ??= new double[_m];
        var rng = new RandomStream(_breakSeed, _breakRep, StreamIds.GroundBreak);
        for (int u = 0; u < _m; u++) _resolve[u] = StandardLogistic(rng.NextDoubleOpen());
        _resolveDrawn = true;
    }

    /// <summary>The standard logistic quantile ln(q / (1 - q)): P(z ≤ x) = 1 / (1 + e^-x).</summary>
    internal static double StandardLogistic(double q) => Math.Log(q / (1 - q));
}
