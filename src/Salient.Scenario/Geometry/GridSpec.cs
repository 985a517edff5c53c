namespace Salient.Scenario.Geometry;

/// <summary>How the theatre is divided into cells.</summary>
public abstract record GridSpec;
