using Salient.Analysis.Plots;
using Xunit;

namespace Salient.Analysis.Tests;

public sealed class AnalysisPlotsTests
{
    [Fact]
    public void GenerationAxis_StartsAtTheFirstPlottedGeneration()
    {
        // A fit's tolerance plot starts at generation 1 (the prior's generation 0 has no tolerance): it was drawn from 0.
        Assert.Equal([1.0, 2, 3], AnalysisPlots.GenerationAxis(1, 3));
        Assert.Equal([1.0], AnalysisPlots.GenerationAxis(1, 1));
    }

    [Fact]
    public void Tolerances_OneGeneration_IsAPng()
    {
        byte[] png = AnalysisPlots.Tolerances("t", 1, [0.5], [0.3]);
        Assert.True(png.Length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G');
    }
}
