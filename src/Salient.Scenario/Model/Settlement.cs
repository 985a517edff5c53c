namespace Salient.Scenario.Model;

/// <summary>A settlement from the gazetteer, labelling the cell it lies in.</summary>
public sealed record Settlement(string Id, string Name, double Lon, double Lat, double Population);
