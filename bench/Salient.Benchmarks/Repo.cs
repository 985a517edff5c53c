using Salient.Engine.Compilation;
using Salient.Scenario.Parsing;

namespace Salient.Benchmarks;

/// <summary>Finds the repository (BenchmarkDotNet runs benchmarks from a generated folder) and loads bundled scenarios.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        foreach (string? start in new[] { Environment.GetEnvironmentVariable("SALIENT_HOME"), AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Salient.slnx"))) dir = dir.Parent;
            if (dir is not null) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the Salient repository: set SALIENT_HOME");
    }

    public static CompiledScenario Compile(string relative)
    {
        var result = ScenarioLoader.Load(Path.Combine(Root, relative));
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Errors));
        return new CompiledScenario(result.Scenario!);
    }
}
