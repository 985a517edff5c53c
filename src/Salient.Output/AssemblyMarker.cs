namespace Salient.Output;
internal static class AssemblyMarker { }
