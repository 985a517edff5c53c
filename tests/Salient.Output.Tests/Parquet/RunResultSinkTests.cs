using Salient.Engine.Compilation;
using Salient.Experiments.Runner;
using Salient.Experiments.Sharding;
using Salient.Experiments.Statistics;
using Salient.Output.Json;
using Salient.Output.Parquet;
using Salient.Testing;
using Xunit;

namespace Salient.Output.Tests.Parquet;

public sealed class RunResultSinkTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "salient-sink-" + Guid.NewGuid().ToString("N"));

    private static readonly Lazy<CompiledScenario> Scenario = new(() => TestRepository.Compile(TestRepository.LineOfTowns));

    public RunResultSinkTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Complete_SummaryAccumulatedWhileStreaming_SameBytesAsReadingTheFileBack()
    {
        // Given a run streamed through the orchestrator into a run folder's sink
        var c = Scenario.Value;
        var options = new RunOptions(31, 4, 2);
        int[] tally;
        MonteCarloResult result;
        RunSummary? streamed;
        using (var sink = new RunResultSink(_root, c, null, summarise: true))
        {
            tally = RunOrchestrator.Execute(new RunPlan(c, options, ReplicationRange.All(31), 31), null, sink);
            (result, streamed) = sink.Complete(options.Seed, tally);
        }

        // Then summary.json from the streamed summary equals summary.json from the file read back, byte for byte
        Assert.NotNull(streamed);
        Assert.Equal(31, result.Replications);
        Assert.Equal(Json(RunSummary.From(result)), Json(streamed));
        Assert.Equal(Json(RunSummary.From(RunOrchestrator.InMemory(c, options))), Json(streamed));
    }

    [Fact]
    public void Complete_WithoutSummary_OnlyTheFile()
    {
        var c = Scenario.Value;
        var options = new RunOptions(5, 1, 1);
        using var sink = new RunResultSink(_root, c, null, summarise: false);
        var tally = RunOrchestrator.Execute(new RunPlan(c, options, new ReplicationRange(2, 3), 3), null, sink);
        var (result, summary) = sink.Complete(options.Seed, tally);
        Assert.Null(summary);
        Assert.Equal((2, 3), (result.FirstReplication, result.Replications));
        Assert.True(File.Exists(Path.Combine(_root, ReplicationParquetWriter.FileName)));
    }

    private static byte[] Json(RunSummary summary)
    {
        using var stream = new MemoryStream();
        SummaryJsonWriter.Write(summary, stream);
        return stream.ToArray();
    }
}
