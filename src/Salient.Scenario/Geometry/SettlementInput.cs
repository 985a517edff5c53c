namespace Salient.Scenario.Geometry;

/// <summary>A named place that labels the cell containing it.</summary>
/// <param name="Id">Settlement id (becomes the id of the hex cell it heads).</param>
/// <param name="Name">Display name.</param>
/// <param name="Lon">Longitude, degrees.</param>
/// <param name="Lat">Latitude, degrees.</param>
/// <param name="Population">Population; 0 when unknown.</param>
public sealed record SettlementInput(string Id, string Name, double Lon, double Lat, double Population);
