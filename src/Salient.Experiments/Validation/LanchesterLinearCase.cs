using System.Globalization;
using Salient.Engine.Compilation;

namespace Salient.Experiments.Validation;

/// <summary>
/// Lanchester's linear law (area fire): the mean personnel of the two-cell assault duel with every shot area fire
/// (<c>ground.area_fire</c> 1 on both sides) against the closed-form solution of the linear-law ODE (docs/model.md 4.7).
/// </summary>
/// <remarks>
/// With area fire the assault's casualty means are multiplied by the target's density over the reference density,
/// <c>rho / rho_ref</c> with <c>rho = N / a_e</c> over the contested cell's area, so every tick the engine draws
/// <c>C_red ~ Poisson(a B R dt)</c> and <c>C_blue ~ Poisson(b B R dt)</c> with
/// <c>a = k_blue eps_blue x_blue pi / (sqrt(M) a_e rho_ref)</c> and <c>b = k_red eps_red x_red pi sqrt(M) / (a_e rho_ref)</c>.
/// The ODE <c>dB/dt = -b B R, dR/dt = -a B R</c> keeps <c>K = a B - b R</c> constant, so
/// <c>B(t) = K B0 / (a B0 - b R0 e^(-K t))</c> (logistic; <c>B0 / (1 + a B0 t)</c> when K = 0) and <c>R = (a B - K) / b</c>.
/// Unlike the square law the expectation is not linear in the state: <c>E[B R] = E[B] E[R] + Cov(B, R)</c>, so the
/// engine's mean is the forward-Euler step of the ODE plus a drift from the covariance. The tolerance for the mean on
/// each day is <c>5 sqrt(S / n)</c> (sampling error, S the state's covariance) plus <c>|Euler - ODE|</c> (the tick's
/// discretisation error, exact) plus <c>|delta|</c>, the covariance drift. S and delta are propagated tick by tick with
/// the linear-noise approximation: <c>S' = G S G^T + diag(b dt B R, a dt B R)</c> with G the Jacobian of the Euler
/// step, and the mean stepped with <c>E[B R] = B R + Cov</c>; the error of that approximation is of order 1/N of delta
/// itself, and delta stays under a tenth of the sampling term (tested), so that error cannot decide a check.
/// </remarks>
public sealed class LanchesterLinearCase : ValidationCase
{
    /// <summary>Replications: the day-18 standard error of the mean is then under 1 person.</summary>
    public const int Replications = 2000;

    /// <inheritdoc/>
    public override string Id => "lanchester-linear";

    /// <inheritdoc/>
    public override string Title => "Lanchester linear law (area fire)";

    /// <inheritdoc/>
    public override ulong Seed => 505;

    /// <inheritdoc/>
    public override string Method =>
        "The lanchester-square duel with all fire area fire (`ground.area_fire` 1 for both sides): a side's casualty mean " +
        "is multiplied by its density rho = N / a_e in the contested cell over the reference density rho_ref " +
        "(`ground.area_fire_density`), docs/model.md 4.7. Each tick red loses Poisson(a B R dt) and blue Poisson(b B R dt), " +
        "a = k_blue eps_blue x_blue pi / (sqrt(M) a_e rho_ref), b = k_red eps_red x_red pi sqrt(M) / (a_e rho_ref). " +
        "The linear-law ODE dB/dt = -b B R, dR/dt = -a B R keeps K = a B - b R constant, so " +
        "B(t) = K B0 / (a B0 - b R0 e^(-Kt)) and R(t) = (a B(t) - K) / b. The expectation is not linear in the state " +
        "(E[BR] = E[B] E[R] + Cov(B, R)), so the engine's mean is the forward-Euler step plus a drift delta from the " +
        "covariance. Tolerance on each day's mean: 5 sqrt(S/n) for n replications, plus |Euler - ODE| (the one-hour tick's " +
        "discretisation error, exact), plus |delta|, with S and delta propagated by the linear-noise approximation " +
        "(S' = G S G' + diag(b dt BR, a dt BR), G the Euler step's Jacobian; delta stays under a tenth of the sampling term). " +
        "Every day of both series is checked; the table shows three.";

    /// <inheritdoc/>
    public override ValidationCaseResult Run(string folder, int threads)
    {
        var model = Load(folder);
        var (blue, red, aimedA, aimedB) = RequireAssaultDuel(model, areaFire: 1);
        double area = model.Theatre.Cells[red.Cell].AreaKm2;
        double rhoRef = Fixed(model.Parameters["ground.area_fire_density"]);
        Require(area > 0, "the contested cell has an area, so area fire has a density");
        double a = aimedA / (area * rhoRef), b = aimedB / (area * rhoRef);
        double b0 = Math.Round(Fixed(blue.Personnel), MidpointRounding.ToEven), r0 = Math.Round(Fixed(red.Personnel), MidpointRounding.ToEven);
        int days = model.Calendar.Days, perDay = model.Calendar.TicksPerDay;
        double dt = 1.0 / perDay;

        var steps = Propagate(b0, r0, a, b, dt, days, perDay);
        Require(steps.All(e => e.B - Sigmas * Math.Sqrt(e.VarB) > 10 * (b * dt * e.B * e.R + 1) && e.R - Sigmas * Math.Sqrt(e.VarR) > 10 * (a * dt * e.B * e.R + 1)),
            "both forces stay far above one tick's casualties, so no cap binds");

        var result = Simulate(model, Replications, threads);
        int seriesB = result.Layout.SeriesIndex(MetricNames.Personnel("blue")), seriesR = result.Layout.SeriesIndex(MetricNames.Personnel("red"));
        var checks = new List<ValidationCheck>();
        var rows = new List<ValidationCheck>();
        int[] shown = [days / 3 - 1, 2 * days / 3 - 1, days - 1];
        for (int day = 0; day < days; day++)
        {
            double t = day + 1; // the daily series is recorded after the day's last tick
            var (odeB, odeR) = Ode(b0, r0, a, b, t);
            var e = steps[day];
            var cb = new ValidationCheck(Label("blue", t), odeB, Mean(result.DailyColumn(seriesB, day)),
                Sigmas * Math.Sqrt(e.VarB / Replications) + Math.Abs(e.EulerB - odeB) + Math.Abs(e.B - e.EulerB), Replications);
            var cr = new ValidationCheck(Label("red", t), odeR, Mean(result.DailyColumn(seriesR, day)),
                Sigmas * Math.Sqrt(e.VarR / Replications) + Math.Abs(e.EulerR - odeR) + Math.Abs(e.R - e.EulerR), Replications);
            checks.Add(cb);
            checks.Add(cr);
            if (shown.Contains(day)) { rows.Add(cb); rows.Add(cr); }
        }
        return new ValidationCaseResult(Id, Title, rows, checks, Seed);

        static string Label(string side, double t) => string.Create(CultureInfo.InvariantCulture, $"mean personnel.{side}, day {t:0}");
    }

    /// <summary>The linear-law ODE's solution at time <paramref name="t"/> days: dB/dt = -b B R, dR/dt = -a B R.</summary>
    public static (double B, double R) Ode(double b0, double r0, double a, double b, double t)
    {
        double k = a * b0 - b * r0;
        double bt = Math.Abs(k) < 1e-12 * a * b0 ? b0 / (1 + a * b0 * t) : k * b0 / (a * b0 - b * r0 * Math.Exp(-k * t));
        // R from the invariant a B - b R = K, except when b is 0 (then R decays exponentially at rate a B0).
        double rt = b > 0 ? (a * bt - k) / b : r0 * Math.Exp(-a * b0 * t);
        return (bt, rt);
    }

    /// <summary>
    /// Day-end moments of the engine's chain: the Euler mean-field step, and the mean and variances propagated with
    /// the covariance (linear-noise approximation).
    /// </summary>
    public static (double EulerB, double EulerR, double B, double R, double VarB, double VarR)[] Propagate(
        double b0, double r0, double a, double b, double dt, int days, int perDay)
    {
        var steps = new (double, double, double, double, double, double)[days];
        double eb = b0, er = r0, mb = b0, mr = r0, sbb = 0, sbr = 0, srr = 0;
        for (int tick = 1; tick <= days * perDay; tick++)
        {
            (eb, er) = (eb - b * dt * eb * er, er - a * dt * eb * er);
            double product = mb * mr;
            // G = [[1 - b dt R, -b dt B], [-a dt R, 1 - a dt B]], S' = G S G^T + diag(b dt BR, a dt BR).
            double g11 = 1 - b * dt * mr, g12 = -b * dt * mb, g21 = -a * dt * mr, g22 = 1 - a * dt * mb;
            double nbb = g11 * g11 * sbb + 2 * g11 * g12 * sbr + g12 * g12 * srr + b * dt * product;
            double nbr = g11 * g21 * sbb + (g11 * g22 + g12 * g21) * sbr + g12 * g22 * srr;
            double nrr = g21 * g21 * sbb + 2 * g21 * g22 * sbr + g22 * g22 * srr + a * dt * product;
            (mb, mr) = (mb - b * dt * (product + sbr), mr - a * dt * (product + sbr));
            (sbb, sbr, srr) = (nbb, nbr, nrr);
            if (tick % perDay == 0) steps[tick / perDay - 1] = (eb, er, mb, mr, sbb, srr);
        }
        return steps;
    }
}
