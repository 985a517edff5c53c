namespace Salient.Engine.Kernel;

/// <summary>
/// Closed forms of combat fatigue and rest (docs/model.md, "Fatigue and rotation"). A unit's fatigue d is measured in
/// engaged days: it grows by one a day in contact and falls by rho a day out of contact, never below 0.
/// </summary>
public static class FatigueModel
{
    /// <summary>Effectiveness multiplier f = max(floor, exp(-lambda d)); exactly 1 when lambda or d is 0.</summary>
    public static double Multiplier(double lambda, double fatigueDays, double floor) =>
        lambda <= 0 || fatigueDays <= 0 ? 1 : Math.Max(floor, Math.Exp(-lambda * fatigueDays));

    /// <summary>Fatigue after one step of <paramref name="days"/>: d + days in contact, max(0, d - rho days) out of contact.</summary>
    public static double Step(double fatigueDays, bool engaged, double days, double recoveryPerDay) =>
        engaged ? fatigueDays + days : Math.Max(0, fatigueDays - recoveryPerDay * days);
}
