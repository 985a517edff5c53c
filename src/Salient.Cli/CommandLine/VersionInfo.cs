using System.Reflection;
using Salient.Output.Json;

namespace Salient.Cli.CommandLine;

/// <summary>What <c>salient --version</c> prints: the CLI's version and commit, the engine's version and the random number generator.</summary>
internal static class VersionInfo
{
    /// <summary>The commit the CLI was built from (the build stamps it from git), or "unknown" for a build outside a git checkout.</summary>
    public static string Commit { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+') is [_, var commit, ..] && commit.Length > 0
            ? commit[..Math.Min(commit.Length, 12)]
            : "unknown";

    /// <summary>The CLI assembly's version (without the commit).</summary>
    public static string Cli { get; } =
        typeof(VersionInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>One line: <c>salient VERSION (commit C), engine VERSION, random numbers ALGORITHM</c>; the engine version is the one every summary.json records.</summary>
    public static string Line =>
        $"salient {Cli} (commit {Commit}); engine {EngineInfo.Version}; random numbers {EngineInfo.RngAlgorithm}";
}
