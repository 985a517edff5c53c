using Salient.Testing;
using Xunit;

namespace Salient.Engine.Tests;

/// <summary>
/// The rule of the zero-byte budgets (<see cref="AllocationWindows"/>): work that allocates as it runs fails it in every
/// window; only an allocation made once is forgiven, by the next window.
/// </summary>
public class AllocationWindowsTests
{
    private static object? _kept;

    [Fact]
    public void WorkThatAllocatesPerCall_AllocatesInEveryWindow_AndFails()
    {
        var windows = AllocationWindows.UntilClean(() => { for (int i = 0; i < 100; i++) _kept = new byte[1]; });
        Assert.Equal(3, windows.Count);
        Assert.All(windows, b => Assert.True(b >= 100 * 24, $"{b} bytes"));
        Assert.False(AllocationWindows.Clean(windows));
    }

    [Fact]
    public void AnAllocationMadeOnce_SpoilsOneWindow_AndPasses()
    {
        object? cache = null;
        var windows = AllocationWindows.UntilClean(() => cache ??= new byte[2000]);
        Assert.True(windows[0] >= 2000, $"{windows[0]} bytes");
        Assert.True(AllocationWindows.Clean(windows));
        Assert.NotNull(cache);
    }

    [Fact]
    public void CleanWork_NeedsOneWindow_AndPrepareIsNotMeasured()
    {
        int sum = 0;
        var windows = AllocationWindows.UntilClean(() => { for (int i = 0; i < 100; i++) sum += i; }, prepare: () => _kept = new byte[100]);
        Assert.True(AllocationWindows.Clean(windows), AllocationWindows.Describe(windows)); // the 100-byte arrays are not counted
        Assert.Equal(4950, sum);
    }
}
