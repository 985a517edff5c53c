namespace Salient.Scenario.Model;

/// <summary>The link a weapon or sensor depends on, which decides what electronic warfare can do to it.</summary>
public enum LinkKind
{
    /// <summary>No link EW can touch (tube artillery, unguided munitions).</summary>
    None,
    /// <summary>A radio control/video link: jammed by EW's effect on drone (or recon) links.</summary>
    Radio,
    /// <summary>A fiber-optic cable: immune to jamming; range limited by the cable.</summary>
    Fiber,
    /// <summary>Satellite navigation guidance: EW spoofing/jamming lowers accuracy.</summary>
    Gnss,
}
