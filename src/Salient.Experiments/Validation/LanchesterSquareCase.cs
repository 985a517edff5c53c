using System.Globalization;
using Salient.Engine.Compilation;

namespace Salient.Experiments.Validation;

/// <summary>
/// Lanchester's square law (aimed fire): the mean personnel of a two-cell assault duel against the closed-form
/// solution of the ODE the engine's expectation follows (docs/model.md section 4.7).
/// </summary>
/// <remarks>
/// With cohesion fixed at 1, full supply, no items, no support, no garrison and no fortification, a unit's power is
/// <c>N pi x eps</c>, and every tick the engine draws, from the state at the start of the tick,
/// <c>C_red ~ Poisson(a B dt)</c> and <c>C_blue ~ Poisson(b R dt)</c> with
/// <c>a = k_blue eps_blue x_blue pi / sqrt(M)</c> and <c>b = k_red eps_red x_red pi sqrt(M)</c>.
/// While no cap binds (both forces stay far above a tick's casualties) the expectation is linear, so the mean
/// obeys the forward-Euler recursion <c>m' = G m</c>, <c>G = [[1, -b dt], [-a dt, 1]]</c>, exactly: the Euler
/// discretisation of <c>dB/dt = -b R, dR/dt = -a B</c>, whose solution with <c>w = sqrt(a b)</c> is
/// <c>B(t) = B0 cosh(w t) - sqrt(b/a) R0 sinh(w t)</c>, <c>R(t) = R0 cosh(w t) - sqrt(a/b) B0 sinh(w t)</c>.
/// The covariance of the state follows exactly as well: the tick's draws are independent Poisson with variance equal
/// to their mean, so <c>S' = G S G^T + diag(b dt E[R], a dt E[B])</c>.
/// Tolerance for the mean on each day: <c>5 sqrt(S / n)</c> (sampling error of a mean over n replications) plus
/// <c>|Euler - ODE|</c>, the deterministic discretisation error of the one-hour tick, computed exactly.
/// </remarks>
public sealed class LanchesterSquareCase : ValidationCase
{
    /// <summary>Replications: the day-18 standard error of the mean is then under 1 person.</summary>
    public const int Replications = 2000;

    /// <inheritdoc/>
    public override string Id => "lanchester-square";

    /// <inheritdoc/>
    public override string Title => "Lanchester square law (aimed fire)";

    /// <inheritdoc/>
    public override ulong Seed => 101;

    /// <inheritdoc/>
    public override string Method =>
        "A two-cell duel: blue assaults red's cell every tick (attack_ratio 0), red never breaks (break_ratio 10^6, " +
        "break_cohesion 0), no support, garrison, positional fire, fortification or cohesion loss, full supply. Each " +
        "tick red loses Poisson(a B dt) and blue Poisson(b R dt), with a = k_blue eps_blue x_blue pi / sqrt(M) and " +
        "b = k_red eps_red x_red pi sqrt(M) (docs/model.md 4.7: the defence multiplier M is split as sqrt(M) on each side; " +
        "eps is `ground.effectiveness`, x the unit's experience, pi `ground.personnel_power`). While no cap binds the mean is " +
        "exactly the forward-Euler step of dB/dt = -b R, dR/dt = -a B, whose solution is " +
        "B(t) = B0 cosh(wt) - sqrt(b/a) R0 sinh(wt), R(t) = R0 cosh(wt) - sqrt(a/b) B0 sinh(wt), w = sqrt(ab). " +
        "The state's covariance also follows exactly (S' = G S G' + diag(b dt E[R], a dt E[B])). " +
        "Tolerance on each day's mean: 5 sqrt(S/n) for n replications, plus |Euler - ODE|, the discretisation error of " +
        "the one-hour tick (under 0.5 persons here). Every day of both series is checked; the table shows three.";

    /// <inheritdoc/>
    public override ValidationCaseResult Run(string folder, int threads)
    {
        var model = Load(folder);
        var (blue, red, a, b) = RequireAssaultDuel(model);
        double b0 = Math.Round(Fixed(blue.Personnel), MidpointRounding.ToEven), r0 = Math.Round(Fixed(red.Personnel), MidpointRounding.ToEven);
        int days = model.Calendar.Days, perDay = model.Calendar.TicksPerDay;
        double dt = 1.0 / perDay;

        // Exact mean and covariance of the engine's (uncapped) chain, day by day.
        var euler = new (double B, double R, double VarB, double VarR)[days];
        double mb = b0, mr = r0, sbb = 0, sbr = 0, srr = 0;
        for (int tick = 1; tick <= days * perDay; tick++)
        {
            // S' = G S G^T + diag(b dt mr, a dt mb), G = [[1, -b dt], [-a dt, 1]].
            double g12 = -b * dt, g21 = -a * dt;
            double nbb = sbb + 2 * g12 * sbr + g12 * g12 * srr + b * dt * mr;
            double nbr = g21 * sbb + (1 + g12 * g21) * sbr + g12 * srr;
            double nrr = g21 * g21 * sbb + 2 * g21 * sbr + srr + a * dt * mb;
            (sbb, sbr, srr) = (nbb, nbr, nrr);
            (mb, mr) = (mb - b * dt * mr, mr - a * dt * mb);
            if (tick % perDay == 0) euler[tick / perDay - 1] = (mb, mr, sbb, srr);
        }
        Require(euler.All(e => e.B - Sigmas * Math.Sqrt(e.VarB) > 10 * (b * dt * e.R + 1) && e.R - Sigmas * Math.Sqrt(e.VarR) > 10 * (a * dt * e.B + 1)),
            "both forces stay far above one tick's casualties, so no cap binds and the mean is linear");

        var result = Simulate(model, Replications, threads);
        int seriesB = result.Layout.SeriesIndex(MetricNames.Personnel("blue")), seriesR = result.Layout.SeriesIndex(MetricNames.Personnel("red"));
        double w = Math.Sqrt(a * b);
        var checks = new List<ValidationCheck>();
        var rows = new List<ValidationCheck>();
        int[] shown = [days / 3 - 1, 2 * days / 3 - 1, days - 1];
        for (int day = 0; day < days; day++)
        {
            double t = day + 1; // the daily series is recorded after the day's last tick
            double odeB = b0 * Math.Cosh(w * t) - Math.Sqrt(b / a) * r0 * Math.Sinh(w * t);
            double odeR = r0 * Math.Cosh(w * t) - Math.Sqrt(a / b) * b0 * Math.Sinh(w * t);
            var e = euler[day];
            var cb = new ValidationCheck(Label("blue", t), odeB, Mean(result.DailyColumn(seriesB, day)),
                Sigmas * Math.Sqrt(e.VarB / Replications) + Math.Abs(e.B - odeB), Replications);
            var cr = new ValidationCheck(Label("red", t), odeR, Mean(result.DailyColumn(seriesR, day)),
                Sigmas * Math.Sqrt(e.VarR / Replications) + Math.Abs(e.R - odeR), Replications);
            checks.Add(cb);
            checks.Add(cr);
            if (shown.Contains(day)) { rows.Add(cb); rows.Add(cr); }
        }
        return new ValidationCaseResult(Id, Title, rows, checks, Seed);

        static string Label(string side, double t) => string.Create(CultureInfo.InvariantCulture, $"mean personnel.{side}, day {t:0}");
    }
}
