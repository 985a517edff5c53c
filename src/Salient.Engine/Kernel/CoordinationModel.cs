namespace Salient.Engine.Kernel;

/// <summary>
/// Closed forms of how jammed communications and GNSS degrade a unit (docs/model.md, "EW and coordination"). The kernel
/// calls these; tests check them and their monotonicity directly.
/// </summary>
/// <remarks>
/// <para>J is a jam probability in [0, 1] (1 - prod over jammers of (1 - availability x effect)^items); s is a satcom
/// share in [0, 1]. The coordination deficit J (1 - s) is the part of a unit's radio traffic that is jammed and has no
/// satellite bearer: every effect below grows with J and shrinks with s.</para>
/// </remarks>
public static class CoordinationModel
{
    /// <summary>Share of a unit served by satcom terminals: min(1, terminals x personnel per terminal / personnel), personnel at least 1; 0 without terminals.</summary>
    public static double SatcomShare(double terminals, double personnelPerTerminal, double personnel) =>
        terminals <= 0 ? 0 : Math.Min(1, terminals * personnelPerTerminal / Math.Max(1, personnel));

    /// <summary>Coordination deficit J (1 - s): the jammed share of a unit's radio traffic without a satellite bearer.</summary>
    public static double Deficit(double jam, double satcomShare) => jam * (1 - satcomShare);

    /// <summary>
    /// Sensor-to-shooter latency in hours of a kill chain through command: L (1 + kappa J (1 - s)) (1 - s r), with L the
    /// side's latency, kappa the jam latency factor and r the satcom latency reduction. Non-decreasing in J and (for
    /// kappa, r in [0, 1]) non-increasing in s.
    /// </summary>
    public static double LatencyHours(double latencyHours, double kappa, double jam, double satcomShare, double satcomReduction) =>
        latencyHours * (1 + kappa * jam * (1 - satcomShare)) * (1 - satcomShare * satcomReduction);

    /// <summary>Share of strikes through command that arrive while the target is still there: exp(-latency / dwell).</summary>
    public static double Timely(double latencyHours, double dwellHours) => Math.Exp(-latencyHours / dwellHours);

    /// <summary>Multiplier on the combat power a unit brings to an assault: 1 - k J (1 - s), k the side's massing loss.</summary>
    public static double MassingFactor(double massingLoss, double jam, double satcomShare) => 1 - massingLoss * Deficit(jam, satcomShare);

    /// <summary>Hours a doctrine withdrawal waits before it is carried out: H J (1 - s), H the side's reaction delay.</summary>
    public static double ReactionDelayHours(double delayHours, double jam, double satcomShare) => delayHours * Deficit(jam, satcomShare);

    /// <summary>
    /// Share of the segment from (x0, y0) to (x1, y1) that lies within <paramref name="radius"/> of (cx, cy), exact
    /// (the chord of a line through a circle). A segment of zero length counts as 1 inside the circle and 0 outside.
    /// </summary>
    public static double PathFractionInside(double x0, double y0, double x1, double y1, double cx, double cy, double radius)
    {
        double dx = x1 - x0, dy = y1 - y0;
        double fx = x0 - cx, fy = y0 - cy;
        double a = dx * dx + dy * dy;
        double c = fx * fx + fy * fy - radius * radius;
        if (a <= 0) return c <= 0 ? 1 : 0;
        // |P0 + t (P1 - P0) - C|^2 = R^2 is a t^2 + b t + c = 0; the segment is inside between its roots.
        double b = 2 * (fx * dx + fy * dy);
        double disc = b * b - 4 * a * c;
        if (disc <= 0) return 0;
        double root = Math.Sqrt(disc);
        double t0 = (-b - root) / (2 * a), t1 = (-b + root) / (2 * a);
        return Math.Max(0, Math.Min(1, t1) - Math.Max(0, t0));
    }

    /// <summary>
    /// Guided hit probability under GNSS jamming: p_hit (1 - g J), with J = (1 - w) J_target + w J_path, g the munition's
    /// GNSS dependence and w the path weight.
    /// </summary>
    public static double GnssHitProbability(double pHit, double gnssDependence, double jamAtTarget, double jamOnPath, double pathWeight) =>
        pHit * (1 - ((1 - pathWeight) * jamAtTarget + pathWeight * jamOnPath) * gnssDependence);
}
