namespace Salient.Scenario.Model;

/// <summary>
/// An electronic-warfare system: within <see cref="RadiusKm"/>, each item jams a link with probability
/// availability x effect (per link kind: drone control, recon video, GNSS, radio communications).
/// </summary>
public sealed record EwSpec(Quantity RadiusKm, Quantity Availability, Quantity OnDrone, Quantity OnRecon, Quantity OnGnss, Quantity OnComms);
