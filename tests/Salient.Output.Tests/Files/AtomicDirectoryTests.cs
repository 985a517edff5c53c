using Salient.Output.Files;
using Xunit;

namespace Salient.Output.Tests.Files;

public sealed class AtomicDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-atomic-" + Guid.NewGuid().ToString("N"));

    public AtomicDirectoryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Write_NewFolder_ContainsFilesAndNoTemporaries()
    {
        string target = Path.Combine(_root, "out");
        AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "new"));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Write_ExistingFolder_ReplacedWhole()
    {
        string target = Path.Combine(_root, "out");
        AtomicDirectory.Write(target, dir => { File.WriteAllText(Path.Combine(dir, "a.txt"), "old"); File.WriteAllText(Path.Combine(dir, "stale.txt"), "x"); });
        AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "new"));
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.False(File.Exists(Path.Combine(target, "stale.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Write_WriterFails_PreviousResultKeptAndNothingLeftBehind()
    {
        string target = Path.Combine(_root, "out");
        AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "old"));
        Assert.Throws<InvalidOperationException>(() => AtomicDirectory.Write(target, dir =>
        {
            File.WriteAllText(Path.Combine(dir, "a.txt"), "half");
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal("old", File.ReadAllText(Path.Combine(target, "a.txt")));
        Assert.Single(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void Write_TargetIsAFile_ClearError()
    {
        string target = Path.Combine(_root, "file");
        File.WriteAllText(target, "x");
        var ex = Assert.Throws<OutputException>(() => AtomicDirectory.Write(target, dir => File.WriteAllText(Path.Combine(dir, "a.txt"), "new")));
        Assert.Contains("a file of that name exists", ex.Message, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(target));
    }

    [Fact]
    public void Write_ParentNotWritable_OutputException()
    {
        string target = Path.Combine(_root, "blocker", "sub", "out");
        File.WriteAllText(Path.Combine(_root, "blocker"), "a file where a folder should be");
        Assert.Throws<OutputException>(() => AtomicDirectory.Write(target, _ => { }));
    }
}
