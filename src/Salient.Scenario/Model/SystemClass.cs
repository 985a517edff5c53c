namespace Salient.Scenario.Model;

/// <summary>What a kind of system is, for targeting and accounting.</summary>
public enum SystemClass
{
    /// <summary>Soft-skinned vehicles and infantry weapons.</summary>
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
