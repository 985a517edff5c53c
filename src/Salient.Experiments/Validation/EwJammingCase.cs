using System.Globalization;
using Salient.Engine.Compilation;
using Salient.Scenario.Model;

namespace Salient.Experiments.Validation;

/// <summary>
/// The jammed share of radio drone sorties against <c>1 - prod_j (1 - a_j e_j)^(n_j)</c> over the target side's
/// jammers that cover the target (docs/model.md 4.4 and 4.5 step 5b), for the scenario and each of its variants.
/// </summary>
/// <remarks>
/// Every sortie that reaches the jamming step is jammed independently with probability <c>J</c>, so the jammed share
/// of <c>S</c> sorties has standard error <c>sqrt(J (1 - J) / S)</c>; the tolerance is 5 of them. Coverage is decided
/// from great-circle distances between cell positions with a 10% margin either side of each radius (the engine
/// measures on its equal-area plane; a jammer inside the margin band is refused as ambiguous).
/// </remarks>
public sealed class EwJammingCase : ValidationCase
{
    /// <summary>Replications of each configuration.</summary>
    public const int Replications = 1000;

    /// <inheritdoc/>
    public override string Id => "ew-jamming";

    /// <inheritdoc/>
    public override string Title => "EW jamming share";

    /// <inheritdoc/>
    public override ulong Seed => 404;

    /// <inheritdoc/>
    public override string Method =>
        "Blue's radio FPV teams strike red units whose cell is covered by several red jammers (two units' worth, three " +
        "types); a red jammer beyond its radius and blue's own jammers must not count, and counter-drone is 0. Each " +
        "covering item defeats a sortie independently with probability availability x effect.drone, so the jammed " +
        "share of radio sorties is J = 1 - prod_j (1 - a_j e_j)^(n_j) (docs/model.md 4.4). Tolerance: 5 sqrt(J(1 - J)/S) " +
        "over the S sorties of all replications. The variant `one-jammer` leaves a single item (J = a e).";

    /// <inheritdoc/>
    public override ValidationCaseResult Run(string folder, int threads)
    {
        var checks = new List<ValidationCheck>();
        var baseModel = Load(folder);
        foreach (string? variant in new string?[] { null }.Concat(baseModel.VariantNames))
        {
            var model = variant is null ? baseModel : Load(folder, variant);
            var (system, expected, items) = Expected(model);
            var result = Simulate(model, Replications, threads);
            double sorties = Sum(result, MetricNames.FiresCounter("sorties", system, "blue"));
            double jammed = Sum(result, MetricNames.FiresCounter("jammed", system, "blue"));
            string label = string.Create(CultureInfo.InvariantCulture, $"jammed share of radio sorties, {items} jammer{(items == 1 ? "" : "s")} ({variant ?? "base"})");
            checks.Add(new ValidationCheck(label, expected, jammed / sorties, Sigmas * Math.Sqrt(expected * (1 - expected) / sorties), Replications));
        }
        return new ValidationCaseResult(Id, Title, checks, checks, Seed);
    }

    private (string System, double Share, int Items) Expected(ScenarioModel model)
    {
        Require(Fixed(model.Parameters["counter_drone.p.red"]) == 0, "red's counter-drone is 0, so every sortie reaches the jamming step");
        Require(Fixed(model.Parameters["ground.positional_intensity"]) == 0 && model.Plans.IsEmpty, "no ground combat");
        var firing = model.Catalogue.Where(s => s.Fires is not null).ToList();
        Require(firing.Count == 1 && firing[0].Fires!.Link == LinkKind.Radio, "one firing type, with a radio link");
        var shooters = model.Units.Where(u => Count(model, u, firing[0].Id) > 0).ToList();
        Require(shooters.Count == 1 && shooters[0].Side == 0, "one blue firing unit");
        double range = Fixed(firing[0].Fires!.RangeKm);

        // Red units within the drones' range are the targets; each must be covered by the same jammers.
        var targets = model.Units.Where(u => u.Side == 1 && Covers(model, shooters[0].Cell, u.Cell, range, "drone range")).ToList();
        Require(targets.Count > 0, "a red unit within the drones' range");
        double? share = null;
        int items = 0;
        foreach (var t in targets)
        {
            double survive = 1;
            int covering = 0;
            foreach (var v in model.Units.Where(v => v.Side == t.Side))
                foreach (var e in model.Catalogue.Where(s => s.Ew is not null))
                {
                    double n = Count(model, v, e.Id);
                    if (n == 0 || !Covers(model, v.Cell, t.Cell, Fixed(e.Ew!.RadiusKm), $"jammer {e.Id} of {v.Id}")) continue;
                    survive *= Math.Pow(1 - Fixed(e.Ew!.Availability) * Fixed(e.Ew!.OnDrone), n);
                    covering += (int)n;
                }
            Require(share is null || share == 1 - survive, "every target is covered by the same jammers");
            share = 1 - survive;
            items = covering;
        }
        return (firing[0].Id, share!.Value, items);
    }

    /// <summary>Whether a reach of <paramref name="radiusKm"/> from cell <paramref name="from"/> covers cell <paramref name="to"/>, with a 10% margin.</summary>
    private bool Covers(ScenarioModel model, int from, int to, double radiusKm, string what)
    {
        var a = model.Theatre.Cells[from];
        var b = model.Theatre.Cells[to];
        double d = from == to ? 0 : GreatCircleKm(a.Lon, a.Lat, b.Lon, b.Lat);
        Require(d <= 0.9 * radiusKm || d >= 1.1 * radiusKm, $"{what} clearly covers or clearly misses cell {b.Id} ({d:0.0} km against {radiusKm} km)");
        return d <= 0.9 * radiusKm;
    }

    private static double GreatCircleKm(double lon1, double lat1, double lon2, double lat2)
    {
        const double R = 6371.0088, Rad = Math.PI / 180;
        double dLat = (lat2 - lat1) * Rad, dLon = (lon2 - lon1) * Rad;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(lat1 * Rad) * Math.Cos(lat2 * Rad) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
