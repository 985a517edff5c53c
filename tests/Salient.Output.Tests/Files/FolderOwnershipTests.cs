using Salient.Output.Files;
using Xunit;

namespace Salient.Output.Tests.Files;

/// <summary>Salient replaces only folders it wrote: a mistyped --out must never delete a user's files.</summary>
public sealed class FolderOwnershipTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-ownership-" + Guid.NewGuid().ToString("N"));

    public FolderOwnershipTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Write_FolderWithAForeignFile_RefusedAndTheFileKept()
    {
        // Given a folder of the user's
        string target = Path.Combine(_root, "d");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "thesis.txt"), "keep");

        // When Salient is asked to write its output there
        var error = Assert.Throws<OutputException>(() => AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "new")));

        // Then it refuses, naming the file, and the folder is untouched
        Assert.Contains("'thesis.txt'", error.Message, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(target, "thesis.txt")));
        Assert.Single(Directory.GetFileSystemEntries(target));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Write_EmptyFolder_Accepted()
    {
        string target = Path.Combine(_root, "empty");
        Directory.CreateDirectory(target);
        AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "new"));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a.txt")));
    }

    [Fact]
    public void Write_OwnOutput_ReplacedIncludingFilesAddedLaterBySalient()
    {
        // Given an output Salient wrote, and a file it added later (as salient check and report do)
        string target = Path.Combine(_root, "out");
        AtomicDirectory.Write(target, dir => { Directory.CreateDirectory(Path.Combine(dir, "maps")); File.WriteAllText(Path.Combine(dir, "maps", "m.geojson"), "{}"); });
        AtomicFile.WriteAllText(Path.Combine(target, "check.csv"), "later");

        // When it writes there again, the folder is replaced whole
        AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "new"));
        Assert.True(File.Exists(Path.Combine(target, "a.txt")));
        Assert.False(File.Exists(Path.Combine(target, "check.csv")));
        Assert.False(Directory.Exists(Path.Combine(target, "maps")));
    }

    [Fact]
    public void Write_OwnOutputWithAUserFile_Refused()
    {
        string target = Path.Combine(_root, "out");
        AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "old"));
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");

        var error = Assert.Throws<OutputException>(() => AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "new")));

        Assert.Contains("'notes.txt'", error.Message, StringComparison.Ordinal);
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "notes.txt")));
    }

    [Fact]
    public void Write_RunFolderFromBeforeTheRecord_RecognisedByItsManifest()
    {
        string target = Path.Combine(_root, "legacy");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "manifest.json"), "{\n  \"format\": 1,\n  \"kind\": \"run\"\n}\n");
        File.WriteAllText(Path.Combine(target, "summary.json"), "{}");

        AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "new"));

        Assert.False(File.Exists(Path.Combine(target, "summary.json")));
    }
}
