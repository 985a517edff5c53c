using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Scenario.Model;

namespace Salient.Experiments.Validation;

/// <summary>
/// Air-defence saturation: leakers and engagements per raid against <c>E[N] - q E[min(N, C)]</c> and
/// <c>E[min(N, C)]</c> (docs/model.md 4.6), for the scenario and each of its variants.
/// </summary>
/// <remarks>
/// One firing unit with one interceptable firing type strikes one target unit, so each tick is one raid of
/// <c>N ~ Poisson(lambda)</c> threats, <c>lambda = launchers x rate x dt</c>. One battery group with a cycle equal to
/// the tick has capacity <c>C = batteries x channels</c> every tick (it accrues one cycle and banks at most one), so
/// it engages <c>min(N, C)</c> threats and kills each with <c>q = 1 - (1 - pk)^shots</c>. Leakers per raid
/// <c>L = N - X</c>, <c>X ~ Bin(min(N, C), q)</c>, have <c>E[L^2 | N] = (N - q m)^2 + q (1 - q) m</c> with
/// <c>m = min(N, C)</c>; the mean and variance are summed exactly over the Poisson pmf. The raids are independent,
/// so the mean over <c>n</c> raids has standard error <c>sqrt(Var / n)</c>; the tolerance is 5 of them.
/// </remarks>
public sealed class AirDefenceSaturationCase : ValidationCase
{
    /// <summary>Replications of each configuration (each is 48 raids).</summary>
    public const int Replications = 1000;

    /// <inheritdoc/>
    public override string Id => "air-defence-saturation";

    /// <inheritdoc/>
    public override string Title => "Air-defence saturation";

    /// <inheritdoc/>
    public override ulong Seed => 303;

    /// <inheritdoc/>
    public override string Method =>
        "Each one-hour tick is one raid of N ~ Poisson(lambda) interceptable rockets (lambda = launchers x rate x dt = 4) " +
        "on a cell covered by one battery whose 60-minute cycle gives it C = batteries x channels engagements a tick " +
        "(tracks and interceptors never bind). It engages min(N, C) threats and kills each with q = 1 - (1 - pk)^shots, " +
        "so E[leakers] = E[N] - q E[min(N, C)] and E[engaged] = E[min(N, C)], summed exactly over the Poisson pmf " +
        "(docs/model.md 4.6). Tolerance: 5 sqrt(Var/n) over the n = replications x ticks independent raids, with the " +
        "exact per-raid variance (E[L^2 | N] = (N - q m)^2 + q(1 - q)m, m = min(N, C)). One row pair per variant.";

    /// <inheritdoc/>
    public override ValidationCaseResult Run(string folder, int threads)
    {
        var checks = new List<ValidationCheck>();
        var baseModel = Load(folder);
        foreach (string? variant in new string?[] { null }.Concat(baseModel.VariantNames))
        {
            var model = variant is null ? baseModel : Load(folder, variant);
            var (lambda, capacity, q) = Configuration(model);
            var (leakMean, leakVar, engMean, engVar) = Moments(lambda, capacity, q);
            var result = Simulate(model, Replications, threads);
            int raids = Replications * model.Calendar.Days * model.Calendar.TicksPerDay;
            string label = string.Create(CultureInfo.InvariantCulture, $"C = {capacity:0}, q = {q:0.###}");
            checks.Add(new ValidationCheck($"leakers per raid, {label}", leakMean, Sum(result, MetricNames.AirDefence("leakers", "red")) / raids,
                Sigmas * Math.Sqrt(leakVar / raids), Replications));
            checks.Add(new ValidationCheck($"engaged per raid, {label}", engMean, Sum(result, MetricNames.AirDefence("engaged", "red")) / raids,
                Sigmas * Math.Sqrt(engVar / raids), Replications));
        }
        return new ValidationCaseResult(Id, Title, checks, checks, Seed);
    }

    /// <summary>Mean and variance of leakers and of engagements per raid, exact over the Poisson pmf.</summary>
    public static (double LeakMean, double LeakVar, double EngagedMean, double EngagedVar) Moments(double lambda, double capacity, double q)
    {
        double leak = 0, leak2 = 0, eng = 0, eng2 = 0;
        double pmf = Math.Exp(-lambda);
        int top = (int)Math.Ceiling(lambda + 40 * Math.Sqrt(lambda) + 40);
        for (int k = 0; k <= top; k++)
        {
            double m = Math.Min(k, capacity);
            double mean = k - q * m;
            leak += pmf * mean;
            leak2 += pmf * (mean * mean + q * (1 - q) * m);
            eng += pmf * m;
            eng2 += pmf * m * m;
            pmf *= lambda / (k + 1);
        }
        return (leak, leak2 - leak * leak, eng, eng2 - eng * eng);
    }

    private (double Lambda, double Capacity, double Q) Configuration(ScenarioModel model)
    {
        Require(model.Units.Length == 2 && model.Units[0].Side == 0 && model.Units[1].Side == 1, "one blue firing unit and one red target unit");
        var shooter = model.Units[0];
        var target = model.Units[1];
        var fires = model.Catalogue.Where(s => s.Fires is not null).ToList();
        var batteries = model.Catalogue.Where(s => s.AirDefence is not null).ToList();
        Require(fires.Count == 1 && fires[0].Fires!.Interceptable, "one firing type, interceptable");
        Require(batteries.Count == 1, "one air-defence type");
        var f = fires[0].Fires!;
        var ad = batteries[0].AirDefence!;
        Require(Count(model, target, fires[0].Id) == 0 && Count(model, shooter, batteries[0].Id) == 0, "blue fires, red defends");
        Require(f.Priority.Skip(1).All(pr => Fixed(pr) == 0) && Fixed(f.Priority[0]) > 0, "the only target class is personnel: one raid per tick");

        double dt = 1.0 / model.Calendar.TicksPerDay;
        double tickMinutes = 1440 * dt;
        double nBatteries = Count(model, target, batteries[0].Id);
        double channels = Fixed(ad.Channels);
        double shots = Math.Round(Fixed(ad.ShotsPerTarget), MidpointRounding.ToEven);
        int ticks = model.Calendar.Days * model.Calendar.TicksPerDay;
        Require(Fixed(ad.CycleMinutes) == tickMinutes, "the battery's cycle equals the tick, so its capacity is batteries x channels every tick");
        Require(Fixed(ad.Tracks) * nBatteries >= 1e6, "tracks never bind");
        Require(Fixed(ad.Interceptors) * nBatteries >= nBatteries * channels * shots * ticks, "interceptors never run out");
        Require(!model.Stocks.Any(), "no stock caps the sorties");
        double lambda = Count(model, shooter, fires[0].Id) * Fixed(f.RatePerDay) * dt;
        double q = 1 - Math.Pow(1 - Fixed(ad.Pk), shots);
        return (lambda, nBatteries * channels, q);
    }
}
