namespace Salient.Experiments;
internal static class AssemblyMarker { }
