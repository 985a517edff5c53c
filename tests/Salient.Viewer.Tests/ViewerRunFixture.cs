using Salient.Cli;
using Spectre.Console.Testing;
using Xunit;

namespace Salient.Viewer.Tests;

/// <summary>
/// One small Kursk run (20 replications, seed 1) written by the real <c>salient run</c> into a temp folder, and a
/// viewer serving it on a free loopback port; shared by every test of the <see cref="ViewerCollection"/>.
/// </summary>
public sealed class ViewerRunFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "salient-viewer-" + Guid.NewGuid().ToString("N"));

    public string RunDir => Path.Combine(Root, "run");

    public ViewerHost Host { get; private set; } = null!;

    /// <summary>A copy of the run folder whose daily.csv is a symbolic link to a file outside it.</summary>
    public string LinkedRunDir => Path.Combine(Root, "linked-run");

    /// <summary>The viewer serving <see cref="LinkedRunDir"/>.</summary>
    public ViewerHost LinkedHost { get; private set; } = null!;

    /// <summary>The repository root (the folder holding Salient.slnx).</summary>
    public static string Repo => Salient.Testing.TestRepository.Root;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        var console = new TestConsole().Width(200);
        string kursk = Path.Combine(Repo, "scenarios", "kursk-2024");
        int code = SalientApp.Run(["run", kursk, "--replications", "20", "--seed", "1", "--threads", "2", "--out", RunDir], console);
        Assert.True(code == 0, "salient run failed:\n" + console.Output);
        // Files a traversal would try to reach: one beside the run folder, one inside it that is not a run output.
        File.WriteAllText(Path.Combine(Root, "secret.txt"), "outside the run folder");
        File.WriteAllText(Path.Combine(RunDir, "private-notes.txt"), "inside the run folder but not a run output");
        Host = ViewerHost.Start(RunDir, "127.0.0.1", 0);
        // A run folder received from someone else, whose daily.csv is a link to a file outside it.
        Directory.CreateDirectory(LinkedRunDir);
        foreach (string file in Directory.GetFiles(RunDir)) File.Copy(file, Path.Combine(LinkedRunDir, Path.GetFileName(file)));
        File.Delete(Path.Combine(LinkedRunDir, "daily.csv"));
        File.CreateSymbolicLink(Path.Combine(LinkedRunDir, "daily.csv"), Path.Combine(Root, "secret.txt"));
        LinkedHost = ViewerHost.Start(LinkedRunDir, "127.0.0.1", 0);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (LinkedHost is not null) await LinkedHost.DisposeAsync();
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { /* best effort */ }
    }

}

[CollectionDefinition(Name)]
public sealed class ViewerCollection : ICollectionFixture<ViewerRunFixture>
{
    public const string Name = "viewer";
}
