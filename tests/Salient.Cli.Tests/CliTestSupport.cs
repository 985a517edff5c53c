using Spectre.Console.Testing;

namespace Salient.Cli.Tests;

/// <summary>Shared helpers of the CLI tests: the repository, the CLI in-process and as a separate process.</summary>
internal static class CliTestSupport
{
    /// <summary>The folder holding Salient.slnx.</summary>
    public static string Repo { get; } = FindRepo();

    public static string Kursk => Path.Combine(Repo, "scenarios", "kursk-2024");

    public static string LineOfTowns => Path.Combine(Repo, "scenarios", "examples", "line-of-towns");

    /// <summary>Runs the CLI in this process with a test console; returns the exit code and what it printed.</summary>
    public static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole().Width(250);
        int code = SalientApp.Run(args, console);
        return (code, console.Output);
    }

    /// <summary>
    /// The built CLI: salient.dll beside the test binaries (the build copies the referenced CLI there), or the one
    /// <c>./salient</c> publishes to artifacts/cli.
    /// </summary>
    public static string CliDll()
    {
        foreach (string candidate in new[] { Path.Combine(AppContext.BaseDirectory, "salient.dll"), Path.Combine(Repo, "artifacts", "cli", "salient.dll") })
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json"))) return candidate;
        throw new FileNotFoundException("no built salient.dll beside the tests or in artifacts/cli (run ./salient --help once)");
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH under dotnet test), else dotnet on the PATH.</summary>
    public static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Salient.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("Salient.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A test class with its own temporary folder, created before each test and deleted after it.</summary>
public abstract class TempFolderTest : IDisposable
{
    protected TempFolderTest(string prefix)
    {
        Root = Path.Combine(Path.GetTempPath(), $"salient-{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The test's temporary folder.</summary>
    protected string Root { get; }

    /// <inheritdoc/>
    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }
}
