using Salient.Analysis.Sweeps;
using Xunit;

namespace Salient.Analysis.Tests;

public sealed class SweepDashRangeTests
{
    [Theory]
    [InlineData("p=300-900", "p: '300-900' is not a number; a range is written lo..hi:steps, e.g. p=300..900:3")]
    [InlineData("a.b=0.01-0.03", "a.b: '0.01-0.03' is not a number; a range is written lo..hi:steps, e.g. a.b=0.01..0.03:3")]
    public void Parse_DashRange_SaysHowARangeIsWritten(string text, string message)
    {
        var ex = Assert.Throws<SweepSpecException>(() => VariedInput.Parse(text, stepsRequired: true));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("p=-5,600")]
    [InlineData("p=1e-3,2e-3")]
    [InlineData("p=blue-bde")]
    public void Parse_ListsWithDashes_AreStillLists(string text) =>
        Assert.Equal(2 - (text.Contains(',', StringComparison.Ordinal) ? 0 : 1), VariedInput.Parse(text, stepsRequired: true).Values.Count);
}
