using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Output.Files;
using Salient.Output.Manifest;
using Salient.Output.Tests.Html;
using Salient.Scenario.Parsing;
using Xunit;

namespace Salient.Output.Tests.Manifest;

public sealed class RunCheckpointTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-checkpoint-" + Guid.NewGuid().ToString("N"));

    private static readonly Lazy<CompiledScenario> Scenario = new(() =>
        new CompiledScenario(ScenarioLoader.Load(Path.Combine(TestPaths.Repo, "scenarios", "examples", "line-of-towns")).Scenario!));

    public RunCheckpointTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ShardManifest RunManifest(int replications, ulong seed, ShardSpec? shard = null)
    {
        var spec = shard ?? new ShardSpec(1, 1);
        return ShardManifest.Begin(ShardManifest.RunKind, Scenario.Value, null, [], seed, replications, spec, spec.RangeOf(replications), DateTimeOffset.UtcNow, 1);
    }

    [Theory]
    [InlineData(1, 2_000)]
    [InlineData(200, 2_000)]
    [InlineData(50_001, 2_501)]
    [InlineData(100_000, 5_000)]
    [InlineData(10_000_000, 100_000)]
    public void DefaultBlockSize_AboutATwentiethOfTheRun_Within2000And100000(int count, int expected) =>
        Assert.Equal(expected, RunCheckpoint.DefaultBlockSize(count));

    [Fact]
    public void Blocks_TileTheRangeFromItsStart_LastOneShorter()
    {
        // Shard 2/3 of 20 is [6, 13): blocks of 3 are [6, 9), [9, 12), [12, 13).
        var checkpoint = RunCheckpoint.Create(Path.Combine(_root, "out.partial"), RunCheckpoint.Describe(RunManifest(20, 1, new ShardSpec(2, 3)), 3));
        Assert.Equal(3, checkpoint.BlockCount);
        Assert.Equal([new ReplicationRange(6, 3), new ReplicationRange(9, 3), new ReplicationRange(12, 1)], Enumerable.Range(0, 3).Select(checkpoint.BlockRange));
        Assert.Equal(0, checkpoint.DoneCount);
    }

    [Fact]
    public void Open_NoCheckpoint_Null_SameRun_ItsBlocks_OtherSeed_Refused()
    {
        string folder = Path.Combine(_root, "out.partial");
        var run = RunManifest(10, 4);
        Assert.Null(RunCheckpoint.Open(folder, RunCheckpoint.Describe(run, 1)));
        var created = RunCheckpoint.Create(folder, RunCheckpoint.Describe(run, 4));
        created.WriteBlock(Scenario.Value, run, 1, sink => MonteCarloRunner.Stream(Scenario.Value, new RunOptions(10, 4, 2), created.BlockRange(1), sink));

        var opened = RunCheckpoint.Open(folder, RunCheckpoint.Describe(run, 1));
        Assert.NotNull(opened);
        Assert.Equal(4, opened.Manifest.BlockSize);
        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(opened.IsDone));
        Assert.Equal(4, opened.DoneReplications);
        var block = ShardManifest.Read(opened.BlockFolder(1));
        Assert.Equal((ShardManifest.BlockKind, 4, 8), (block.Kind, block.Start, block.End));

        var other = Assert.Throws<OutputException>(() => RunCheckpoint.Open(folder, RunCheckpoint.Describe(RunManifest(10, 5), 1)));
        Assert.Contains("written for seed 4, but this run has seed 5", other.Message, StringComparison.Ordinal);
        // Not every block is done: finishing is refused, naming the gap.
        Assert.Throws<OutputException>(() => opened.Blocks());
    }

    [Fact]
    public void Open_UnreadableCheckpoint_ClearError()
    {
        string folder = Path.Combine(_root, "bad.partial");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, CheckpointManifest.FileName), "{ not json");
        var ex = Assert.Throws<OutputException>(() => RunCheckpoint.Open(folder, RunCheckpoint.Describe(RunManifest(10, 4), 1)));
        Assert.Contains("checkpoint.json is unreadable", ex.Message, StringComparison.Ordinal);
        Assert.Contains("without --resume", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACheckpointFolder_IsNotAShard_MergeSaysWhatItIs()
    {
        string folder = Path.Combine(_root, "shard-2.partial");
        RunCheckpoint.Create(folder, RunCheckpoint.Describe(RunManifest(10, 4), 4));
        var ex = Assert.Throws<OutputException>(() => ShardSet.Open([folder]));
        Assert.Contains("checkpoint of an unfinished run", ex.Message, StringComparison.Ordinal);
    }
}
