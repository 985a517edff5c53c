using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Scenario.Model;

namespace Salient.Experiments.Validation;

/// <summary>
/// Hughes' salvo equation (Hughes 1995, "A salvo model of warships in missile combat used to evaluate their staying
/// power", Naval Research Logistics 42): the batteries one missile salvo destroys, through the kill chain and air
/// defence (docs/model.md 4.5 and 4.6), against <c>Delta B = max(0, alpha A - b3 B) / b1</c> averaged over the
/// engine's Poisson salvo size, for the scenario and each variant.
/// </summary>
/// <remarks>
/// One tick is one salvo: <c>N ~ Poisson(alpha A)</c> interceptable missiles (A launchers, alpha = rate x dt) at one
/// red unit whose only target class is its B air-defence batteries. They engage <c>min(N, C)</c>, <c>C = b3 B</c>
/// (channels b3, the cycle equal to the tick), and kill each with <c>q = 1 - (1 - pk)^shots</c>, so
/// <c>X ~ Bin(min(N, C), q)</c> are intercepted; every leaker is found and hits with <c>p = P_find p_hit</c>, and each hit
/// destroys a battery with probability <c>kill</c> (staying power <c>b1 = 1 / kill</c>). By binomial thinning the
/// batteries destroyed are <c>D = min(Bin(N - X, p kill), B)</c>. With a fixed salvo and pk = 1 that is Hughes' equation
/// in expectation, <c>E[D] = (alpha A - b3 B) / b1</c> when <c>b3 B &lt;= alpha A &lt;= b3 B + b1 B</c>; the case computes
/// <c>E[D]</c> and <c>Var[D]</c> exactly over the Poisson and binomial laws, and labels each row with Hughes' deterministic
/// value <c>max(0, alpha A - q b3 B) / b1</c> (at most B) for comparison. The salvos of different replications are
/// independent, so the tolerance is <c>5 sqrt(Var / n)</c>.
/// </remarks>
public sealed class HughesSalvoCase : ValidationCase
{
    /// <summary>Replications (one salvo each) per configuration.</summary>
    public const int Replications = 20_000;

    /// <inheritdoc/>
    public override string Id => "hughes-salvo";

    /// <inheritdoc/>
    public override string Title => "Hughes salvo equation";

    /// <inheritdoc/>
    public override ulong Seed => 606;

    /// <inheritdoc/>
    public override string Method =>
        "Hughes (1995, Naval Research Logistics 42): a salvo of alpha A missiles against B ships, each destroying b3 " +
        "missiles and absorbing b1 hits, sinks Delta B = max(0, alpha A - b3 B) / b1 ships (at most B). Here one 24-hour " +
        "tick is one salvo: blue's A launchers fire N ~ Poisson(alpha A) interceptable missiles (alpha = rate x dt, " +
        "docs/model.md 4.5) at red's B air-defence batteries, which are both the defence and the only target. They engage " +
        "min(N, C), C = channels x B (cycle = the tick, so b3 = channels), and kill each with q = 1 - (1 - pk)^shots " +
        "(4.6); every leaker is found and hits (p_hit 1, base detection 50), and destroys a battery with probability " +
        "kill = 1 / b1. So D = min(Bin(N - X, kill), B), X ~ Bin(min(N, C), q): Hughes' equation with a random salvo. " +
        "The expected value is E[D], summed exactly over the Poisson and binomial laws; each row's label gives Hughes' " +
        "deterministic value max(0, alpha A - q b3 B) / b1 for comparison (the two differ where the salvo is near the " +
        "defence's capacity, as in defence-holds and leaky-defence). Tolerance: 5 sqrt(Var[D] / n) over the n independent salvos. The " +
        "engine resolves fires one unit after another, so only a one-sided salvo is validated, not a simultaneous exchange.";

    /// <inheritdoc/>
    public override ValidationCaseResult Run(string folder, int threads)
    {
        var checks = new List<ValidationCheck>();
        var baseModel = Load(folder);
        foreach (string? variant in new string?[] { null }.Concat(baseModel.VariantNames))
        {
            var model = variant is null ? baseModel : Load(folder, variant);
            var s = Configuration(model);
            var (mean, variance) = Moments(s.Salvo, s.Capacity, s.Q, s.PKill, s.Batteries);
            double hughes = Math.Min(s.Batteries, Math.Max(0, s.Salvo - s.Q * s.Capacity) * s.PKill);
            var result = Simulate(model, Replications, threads);
            string label = string.Create(CultureInfo.InvariantCulture,
                $"batteries lost per salvo, alpha A = {s.Salvo:0.##}, q b3 B = {s.Q * s.Capacity:0.##}, b1 = {1 / s.PKill:0.##} (Hughes {hughes:0.###})");
            checks.Add(new ValidationCheck(label, mean, Sum(result, MetricNames.Losses(s.Target, "red")) / Replications,
                Sigmas * Math.Sqrt(variance / Replications), Replications));
        }
        return new ValidationCaseResult(Id, Title, checks, checks, Seed);
    }

    /// <summary>
    /// Mean and variance of the batteries destroyed by one salvo: <c>D = min(Bin(N - X, p), B)</c>,
    /// <c>N ~ Poisson(salvo)</c>, <c>X ~ Bin(min(N, capacity), q)</c>, exact over the three laws.
    /// </summary>
    public static (double Mean, double Variance) Moments(double salvo, double capacity, double q, double p, double batteries)
    {
        int top = (int)Math.Ceiling(salvo + 40 * Math.Sqrt(salvo) + 40);
        int cap = (int)batteries;
        // f[h], g[h]: E[D] and E[D^2] when h missiles leak.
        var f = new double[top + 1];
        var g = new double[top + 1];
        for (int h = 0; h <= top; h++)
            for (int k = 0; k <= h; k++)
            {
                double d = Math.Min(k, cap);
                double w = Binomial(h, k, p);
                f[h] += w * d;
                g[h] += w * d * d;
            }
        double mean = 0, second = 0;
        double pmf = Math.Exp(-salvo);
        for (int n = 0; n <= top; n++)
        {
            int engaged = (int)Math.Min(n, capacity);
            for (int x = 0; x <= engaged; x++)
            {
                double w = pmf * Binomial(engaged, x, q);
                mean += w * f[n - x];
                second += w * g[n - x];
            }
            pmf *= salvo / (n + 1);
        }
        return (mean, second - mean * mean);
    }

    /// <summary>The binomial pmf, through logarithms so large n does not overflow.</summary>
    private static double Binomial(int n, int k, double p)
    {
        if (p <= 0) return k == 0 ? 1 : 0;
        if (p >= 1) return k == n ? 1 : 0;
        return Math.Exp(LogChoose(n, k) + k * Math.Log(p) + (n - k) * Math.Log(1 - p));
    }

    private static double LogChoose(int n, int k)
    {
        double s = 0;
        for (int i = 1; i <= k; i++) s += Math.Log(n - k + i) - Math.Log(i);
        return s;
    }

    private sealed record Setup(double Salvo, double Capacity, double Q, double PKill, double Batteries, string Target);

    private Setup Configuration(ScenarioModel model)
    {
        Require(model.Units.Length == 2 && model.Units[0].Side == 0 && model.Units[1].Side == 1, "one blue firing unit and one red target unit");
        Require(model.Calendar.Days == 1 && model.Calendar.TicksPerDay == 1, "one 24-hour tick, so one salvo per replication");
        var shooter = model.Units[0];
        var target = model.Units[1];
        var fires = model.Catalogue.Where(s => s.Fires is not null).ToList();
        var batteries = model.Catalogue.Where(s => s.AirDefence is not null).ToList();
        Require(fires.Count == 1 && fires[0].Fires!.Interceptable && fires[0].Class != SystemClass.Drone, "one firing type, interceptable, not a drone");
        Require(batteries.Count == 1 && batteries[0].Class == SystemClass.AirDefence, "one air-defence type, of class air_defence");
        Require(model.Catalogue.All(s => s.Isr is null && s.Ew is null), "no reconnaissance or jamming");
        var f = fires[0].Fires!;
        var ad = batteries[0].AirDefence!;
        int adClass = (int)TargetClasses.Of(SystemClass.AirDefence);
        Require(!f.UsesC2 && f.Link == LinkKind.None, "no C2 latency and no link to jam");
        Require(f.Priority.Select((pr, i) => (Fixed(pr) > 0) == (i == adClass)).All(x => x), "the batteries are the only target class");
        Require(Count(model, target, fires[0].Id) == 0 && Count(model, shooter, batteries[0].Id) == 0, "blue fires, red defends");
        Require(target.Inventory.All(i => i.SystemType == model.Catalogue.IndexOf(batteries[0])), "the batteries are the target's only items");
        Require(!model.Stocks.Any(), "no stock caps the salvo");
        Require(Fixed(model.Parameters["ground.positional_intensity"]) == 0, "no ground combat");

        double nBatteries = Count(model, target, batteries[0].Id);
        double shots = Math.Round(Fixed(ad.ShotsPerTarget), MidpointRounding.ToEven);
        Require(Fixed(ad.CycleMinutes) == 1440, "the battery's cycle equals the tick, so it engages channels x B missiles a salvo");
        Require(Fixed(ad.Tracks) * nBatteries >= 1e6, "tracks never bind");
        Require(Fixed(ad.Interceptors) * nBatteries >= nBatteries * Fixed(ad.Channels) * shots, "interceptors never run out");
        double pFind = (1 - Math.Exp(-Fixed(model.Parameters["isr.base_detection"]))) * Fixed(batteries[0].Exposure);
        double pKill = pFind * Fixed(f.PHit) * Fixed(f.Kill[adClass]);
        Require(pKill > 0, "a leaker can destroy a battery");
        double salvo = Count(model, shooter, fires[0].Id) * Fixed(f.RatePerDay);
        double q = 1 - Math.Pow(1 - Fixed(ad.Pk), shots);
        return new Setup(salvo, nBatteries * Fixed(ad.Channels), q, pKill, nBatteries, batteries[0].Id);
    }
}
