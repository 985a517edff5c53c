using Salient.Engine.Compilation;
using Salient.Scenario.Parsing;

namespace Salient.Testing;

/// <summary>The repository the tests run in, found by walking up from the test binaries, and its bundled scenarios.</summary>
public static class TestRepository
{
    /// <summary>The folder holding Salient.slnx.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The smallest example scenario's folder.</summary>
    public static string LineOfTowns => Path.Combine(Root, "scenarios", "examples", "line-of-towns");

    /// <summary>The flagship scenario's folder.</summary>
    public static string Kursk => Path.Combine(Root, "scenarios", "kursk-2024");

    /// <summary>Loads and compiles the scenario at <paramref name="path"/>; throws with its errors when it does not load.</summary>
    public static CompiledScenario Compile(string path, LoadOptions? options = null)
    {
        var result = ScenarioLoader.Load(path, options);
        return result.Scenario is { } model
            ? new CompiledScenario(model)
            : throw new InvalidOperationException($"{path} does not load:\n{string.Join("\n", result.Errors)}");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Salient.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Salient.slnx above {AppContext.BaseDirectory}");
    }
}
