using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Model;

/// <summary>A type of system in the catalogue, defined once and referenced by unit inventories.</summary>
/// <remarks>Immutable. <see cref="CombatPower"/> is the item's contribution to ground combat power, in rifleman-equivalents;
/// <see cref="Vulnerability"/> scales the chance an item is lost when its unit takes casualties.</remarks>
public sealed record SystemType(string Id, string Name, SystemClass Class, Quantity CombatPower, Quantity CostUsd, Quantity Vulnerability, SourceSpan Span)
{
    /// <summary>How findable an item is when targeted (1 = fully; shoot-and-scoot launchers are much less).</summary>
    public Quantity Exposure { get; init; } = Quantity.Fixed("exposure", 1.0);

    /// <summary>Set when the system fires (a kill chain).</summary>
    public FiresSpec? Fires { get; init; }

    /// <summary>Set when the system is a reconnaissance sensor.</summary>
    public IsrSpec? Isr { get; init; }

    /// <summary>Set when the system jams.</summary>
    public EwSpec? Ew { get; init; }

    /// <summary>Set when the system is an air-defence battery.</summary>
    public AirDefenceSpec? AirDefence { get; init; }

    /// <summary>Every quantity of the system, for sampling and provenance checks.</summary>
    public IEnumerable<Quantity> Quantities()
    {
        yield return CombatPower;
        yield return CostUsd;
        yield return Vulnerability;
        yield return Exposure;
        if (Fires is { } f)
        {
            yield return f.RangeKm; yield return f.RatePerDay; yield return f.MunitionCostUsd; yield return f.PHit; yield return f.GnssDependence;
            foreach (var q in f.Kill) yield return q;
            foreach (var q in f.Priority) yield return q;
        }
        if (Isr is { } i) { yield return i.RangeKm; yield return i.Detection; }
        if (Ew is { } e) { yield return e.RadiusKm; yield return e.Availability; yield return e.OnDrone; yield return e.OnRecon; yield return e.OnGnss; yield return e.OnComms; }
        if (AirDefence is { } a)
        {
            yield return a.RangeKm; yield return a.Tracks; yield return a.Channels; yield return a.CycleMinutes; yield return a.Interceptors;
            yield return a.ReloadPerDay; yield return a.Pk; yield return a.ShotsPerTarget; yield return a.InterceptorCostUsd;
        }
    }
}
