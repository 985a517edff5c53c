using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Scenario.Model;
using Salient.Scenario.Parsing;

namespace Salient.Experiments.Validation;

/// <summary>
/// A validation case: a scenario under scenarios/validation/&lt;id&gt;/ whose outcome has a closed form, run with a
/// fixed seed and replication count. The closed form is computed from the numbers the scenario file holds, so the
/// file and the expectation cannot disagree; the case refuses a scenario that breaks the assumptions it relies on.
/// </summary>
public abstract class ValidationCase
{
    /// <summary>
    /// Standard errors allowed for every sampling error: a normal deviate beyond 5 has two-sided probability
    /// 5.7e-7, so even the suite's few hundred checks together fail by chance with probability below 1e-4. The seeds
    /// are fixed, so the outcome is deterministic; the margin keeps it from depending on a lucky seed.
    /// </summary>
    public const double Sigmas = 5;

    /// <summary>The folder name under scenarios/validation.</summary>
    public abstract string Id { get; }

    /// <summary>A short title for the table.</summary>
    public abstract string Title { get; }

    /// <summary>The fixed experiment seed.</summary>
    public abstract ulong Seed { get; }

    /// <summary>Markdown describing the closed form and how the tolerance is derived (for docs/validation.md).</summary>
    public abstract string Method { get; }

    /// <summary>Runs the case against the scenario in <paramref name="folder"/> (the case's own folder).</summary>
    public abstract ValidationCaseResult Run(string folder, int threads);

    /// <summary>Loads the case's scenario (optionally a variant); throws with every error when it does not load.</summary>
    protected static ScenarioModel Load(string folder, string? variant = null)
    {
        var result = ScenarioLoader.Load(folder, new LoadOptions(variant));
        if (!result.Success || result.Scenario is null)
            throw new InvalidOperationException($"validation scenario {folder}{(variant is null ? "" : $" (variant {variant})")} does not load:\n{string.Join('\n', result.Errors)}");
        return result.Scenario;
    }

    /// <summary>Runs <paramref name="replications"/> replications of <paramref name="model"/> with the case's seed.</summary>
    protected MonteCarloResult Simulate(ScenarioModel model, int replications, int threads) =>
        RunOrchestrator.InMemory(new CompiledScenario(model), new RunOptions(replications, Seed, Math.Max(1, threads)));

    /// <summary>The value of a quantity the closed form needs; it must be fixed (no distribution, no schedule).</summary>
    protected static double Fixed(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        if (quantity.IsUncertain || quantity.IsScheduled)
            throw new InvalidOperationException($"validation needs a fixed value at {quantity.Path}, found a distribution or schedule");
        return quantity.Value;
    }

    /// <summary>Throws when an assumption of the closed form does not hold in the scenario.</summary>
    protected void Require(bool condition, string assumption)
    {
        if (!condition) throw new InvalidOperationException($"validation case {Id}: the scenario breaks an assumption of the closed form: {assumption}");
    }

    /// <summary>The unit with this id; throws when absent.</summary>
    protected Unit UnitById(ScenarioModel model, string id)
    {
        ArgumentNullException.ThrowIfNull(model);
        var unit = model.Units.FirstOrDefault(u => u.Id == id);
        Require(unit is not null, $"a unit '{id}'");
        return unit!;
    }

    /// <summary>The count of system <paramref name="systemId"/> in <paramref name="unit"/>'s inventory (0 when it has none).</summary>
    protected static double Count(ScenarioModel model, Unit unit, string systemId)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(unit);
        int k = model.Catalogue.IndexOf(model.Catalogue.FirstOrDefault(s => s.Id == systemId)!);
        var item = unit.Inventory.FirstOrDefault(i => i.SystemType == k);
        return item is null ? 0 : Math.Round(Fixed(item.Count), MidpointRounding.ToEven);
    }

    /// <summary>The sum of one metric over every replication.</summary>
    protected static double Sum(MonteCarloResult result, string metric)
    {
        ArgumentNullException.ThrowIfNull(result);
        int index = result.Layout.MetricIndex(metric);
        if (index < 0) throw new InvalidOperationException($"the scenario records no metric '{metric}'");
        double sum = 0;
        foreach (double v in result.MetricColumn(index)) sum += v;
        return sum;
    }

    /// <summary>The mean of a column of values.</summary>
    protected static double Mean(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double sum = 0;
        foreach (double v in values) sum += v;
        return sum / values.Length;
    }

    /// <summary>The per-day assault rates of a two-unit duel: red loses a x B a day, blue b x R (docs/model.md 4.7).</summary>
    protected sealed record DuelRates(Unit Blue, Unit Red, double A, double B);

    /// <summary>
    /// Checks that a scenario is the pure aimed-fire duel the closed forms assume (two units, personnel only, red never
    /// breaks, no support, positional fire, garrison or cohesion loss, blue always assaults, both fully supplied) and
    /// returns its rates a = k_b eps_b x_b pi / sqrt(M) and b = k_r eps_r x_r pi sqrt(M). Both sides' area-fire share
    /// (<c>ground.area_fire</c>) must be <paramref name="areaFire"/>: 0 for aimed fire, 1 for area fire, whose rates the
    /// caller still divides by the contested cell's area and the reference density.
    /// </summary>
    protected DuelRates RequireAssaultDuel(ScenarioModel model, double areaFire = 0)
    {
        var blue = UnitById(model, "b");
        var red = UnitById(model, "r");
        var p = model.Parameters;
        Require(model.Units.Length == 2 && blue.Side == 0 && red.Side == 1, "exactly two units, b (blue) and r (red)");
        Require(model.Catalogue.IsEmpty, "no systems, so power is personnel only");
        Require(Fixed(p["ground.break_ratio"]) >= 1e5 && Fixed(p["ground.break_cohesion"]) == 0, "red never breaks");
        Require(Fixed(p["ground.support_fraction"]) == 0 && Fixed(p["ground.positional_intensity"]) == 0, "assault fire only");
        Require(Fixed(p["ground.garrison_power_per_km2.red"]) == 0, "no garrison");
        Require(Fixed(p["cohesion.loss_per_casualty_fraction"]) == 0, "cohesion stays 1");
        Require(Fixed(p["ground.area_fire.blue"]) == areaFire && Fixed(p["ground.area_fire.red"]) == areaFire,
            areaFire == 0 ? "aimed fire only (ground.area_fire 0)" : "area fire only (ground.area_fire 1)");
        Require(Fixed(model.Sides[0].Doctrine.AttackRatio) == 0, "blue's assault always goes in");
        double use = Math.Max(Fixed(p["logistics.consumption_per_day.attack"]), Fixed(p["logistics.consumption_per_day.defend"]));
        foreach (var (unit, side) in new[] { (blue, "blue"), (red, "red") })
            Require(model.Theatre.Depots.Any(d => d.Side == unit.Side && d.Cell == unit.Cell) && Fixed(p[$"logistics.resupply_per_day.{side}"]) >= use,
                $"{side}'s unit stands on its own depot, which resupplies faster than it consumes (supply stays 1)");
        double pi = Fixed(p["ground.personnel_power"]);
        double m = model.Theatre.Cells[red.Cell].Defensibility;
        double a = Fixed(p["ground.lethality.blue"]) * Fixed(p["ground.effectiveness.blue"]) * Fixed(blue.Experience) * pi / Math.Sqrt(m);
        double b = Fixed(p["ground.lethality.red"]) * Fixed(p["ground.effectiveness.red"]) * Fixed(red.Experience) * pi * Math.Sqrt(m);
        return new DuelRates(blue, red, a, b);
    }
}
