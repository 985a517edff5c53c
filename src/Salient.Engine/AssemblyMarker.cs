namespace Salient.Engine;
internal static class AssemblyMarker { }
