namespace Salient.Scenario.Model;

/// <summary>What a kill chain can aim at: a unit's people, or one class of its items.</summary>
/// <remarks>The order is fixed: it indexes the engine's per-class arrays and the YAML maps <c>kill</c> and <c>priority</c>
/// (<see cref="TargetClasses.Names"/>).</remarks>
public enum TargetClass
{
    /// <summary>A unit's people (hits cause casualties); items of <see cref="SystemClass.Personnel"/> share the class.</summary>
    Personnel,
    /// <summary>Tanks, IFVs, APCs.</summary>
    Armour,
    /// <summary>Tube and rocket artillery.</summary>
    Artillery,
    /// <summary>Drone teams and their stocks.</summary>
    Drone,
    /// <summary>Electronic warfare.</summary>
    Ew,
    /// <summary>Air defence.</summary>
    AirDefence,
    /// <summary>Trucks, depots, engineering.</summary>
    Logistics,
    /// <summary>Satellite communications terminals.</summary>
    Satcom,
}
