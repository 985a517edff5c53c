namespace Salient.Scenario.Model;

/// <summary>How a schedule moves between its points.</summary>
public enum Interpolation
{
    /// <summary>Hold each point's value until the next point.</summary>
    Step,
    /// <summary>Interpolate linearly between points; hold the ends.</summary>
    Linear,
}
