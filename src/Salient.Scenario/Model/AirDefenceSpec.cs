namespace Salient.Scenario.Model;

/// <summary>
/// An air-defence battery: engages interceptable threats aimed at cells within <see cref="RangeKm"/>, at most
/// <see cref="Tracks"/> per raid, <see cref="Channels"/> engagements per cycle of <see cref="CycleMinutes"/>,
/// <see cref="ShotsPerTarget"/> interceptors per engagement, each killing with probability <see cref="Pk"/>.
/// </summary>
public sealed record AirDefenceSpec(
    Quantity RangeKm,
    Quantity Tracks,
    Quantity Channels,
    Quantity CycleMinutes,
    Quantity Interceptors,
    Quantity ReloadPerDay,
    Quantity Pk,
    Quantity ShotsPerTarget,
    Quantity InterceptorCostUsd);
