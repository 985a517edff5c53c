using System.Collections.Immutable;

namespace Salient.Scenario.Model;

/// <summary>Names and mapping of the <see cref="TargetClass"/> values.</summary>
public static class TargetClasses
{
    /// <summary>Number of target classes.</summary>
    public const int Count = (int)TargetClass.Satcom + 1;

    /// <summary>Target class names as written in scenarios, indexed by <see cref="TargetClass"/>.</summary>
    public static readonly ImmutableArray<string> Names = ["personnel", "armour", "artillery", "drone", "ew", "air_defence", "logistics", "satcom"];

    /// <summary>The target class of items of a system class.</summary>
    public static TargetClass Of(SystemClass c) => c switch
    {
        SystemClass.Personnel => TargetClass.Personnel,
        SystemClass.Armour => TargetClass.Armour,
        SystemClass.Artillery => TargetClass.Artillery,
        SystemClass.Drone => TargetClass.Drone,
        SystemClass.Ew => TargetClass.Ew,
        SystemClass.AirDefence => TargetClass.AirDefence,
        SystemClass.Logistics => TargetClass.Logistics,
        _ => TargetClass.Satcom,
    };
}
