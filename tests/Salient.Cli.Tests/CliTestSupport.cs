using System.Diagnostics;
using System.Security.Cryptography;
using Salient.Testing;
using Spectre.Console.Testing;

namespace Salient.Cli.Tests;

/// <summary>Shared helpers of the CLI tests: the repository, the CLI in-process and as a separate process.</summary>
internal static class CliTestSupport
{
    /// <summary>The folder holding Salient.slnx.</summary>
    public static string Repo => TestRepository.Root;

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

    /// <summary>Starts the built CLI as a child process with <paramref name="args"/>, its output drained and discarded.</summary>
    public static Process StartCli(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(CliDll());
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start salient");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The names in <paramref name="parent"/> that do not start with a dot, sorted.</summary>
    public static List<string> Visible(string parent) =>
        [.. Directory.EnumerateFileSystemEntries(parent).Select(e => Path.GetFileName(e)).Where(n => !n.StartsWith('.')).Order(StringComparer.Ordinal)];

    /// <summary>The hidden names (starting with a dot) in <paramref name="parent"/>, sorted.</summary>
    public static List<string> Hidden(string parent) =>
        [.. Directory.EnumerateFileSystemEntries(parent).Select(e => Path.GetFileName(e)).Where(n => n.StartsWith('.')).Order(StringComparer.Ordinal)];

    /// <summary>Every entry under <paramref name="dir"/>: files with the SHA-256 of their bytes, folders as "dir".</summary>
    public static SortedDictionary<string, string> Snapshot(string dir)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string f in Directory.EnumerateFileSystemEntries(dir, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(dir, f)] = File.Exists(f) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))) : "dir";
        return files;
    }

    /// <summary>The dotnet host running these tests (the SDK sets DOTNET_HOST_PATH under dotnet test), else dotnet on the PATH.</summary>
    public static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

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
