using System.Reflection;

namespace Salient.Output.Json;

/// <summary>Provenance stamped on every output: engine version and random number algorithm.</summary>
public static class EngineInfo
{
    /// <summary>The engine assembly's informational version.</summary>
    public static string Version { get; } =
        typeof(Salient.Engine.Kernel.Simulation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>The counter-based generator and how streams are keyed.</summary>
    public const string RngAlgorithm = "philox4x32-10; key = seed, counter = (block, replication, stream)";
}
