using System.Reflection;
using System.Text.RegularExpressions;
using Salient.Engine.Random;
using Salient.Testing;
using Xunit;

namespace Salient.Engine.Tests.Random;

/// <summary><see cref="StreamIds"/> is the one registry of random-stream ids, and its ids are distinct.</summary>
public partial class StreamIdsTests
{
    private static IEnumerable<(string Name, uint Id)> Declared() =>
        typeof(StreamIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(uint))
            .Select(f => (f.Name, (uint)f.GetRawConstantValue()!));

    [Fact]
    public void Ids_AreUniqueAndNonZero()
    {
        var ids = Declared().ToList();
        Assert.True(ids.Count >= 13, "StreamIds lost its constants");
        Assert.DoesNotContain(ids, i => i.Id == 0);
        var clashes = ids.GroupBy(i => i.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(i => i.Name))}");
        Assert.Empty(clashes);
    }

    [Fact]
    public void Sources_CreateStreamsOnlyWithStreamIds()
    {
        // Every `new RandomStream(seed, replication, stream)` in src names its stream through StreamIds, so no
        // project declares ids of its own that could collide with the registry.
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestRepository.Root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            foreach (Match m in StreamConstruction().Matches(File.ReadAllText(file)))
                if (!m.Groups["stream"].Value.Trim().StartsWith("StreamIds.", StringComparison.Ordinal))
                    offenders.Add($"{Path.GetRelativePath(TestRepository.Root, file)}: {m.Value}");
        }
        Assert.Empty(offenders);
    }

    // The third argument of a RandomStream construction (arguments may nest one level of parentheses).
    [GeneratedRegex(@"new RandomStream\((?:[^(),]|\([^()]*\))+,(?:[^(),]|\([^()]*\))+,(?<stream>[^()]+)\)")]
    private static partial Regex StreamConstruction();

    [Fact]
    public void Checker_FlagsALiteralId()
    {
        // The regex the source check relies on does catch a literal id (it would fail on a violation).
        var m = StreamConstruction().Match("var s = new RandomStream(seed ^ (a * b), 0, 121);");
        Assert.True(m.Success);
        Assert.Equal("121", m.Groups["stream"].Value.Trim());
    }
}
