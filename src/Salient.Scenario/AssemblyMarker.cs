namespace Salient.Scenario;
internal static class AssemblyMarker { }
