namespace Salient.Testing;

/// <summary>
/// Allocation budgets of zero bytes, measured so that a one-off allocation the runtime charges to the test thread does
/// not fail them, while code that allocates as it runs still does.
/// </summary>
/// <remarks>
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> counts every byte allocated on the thread, including what the
/// runtime allocates there on the code's behalf: an on-stack-replacement transition did (24 bytes, hence
/// TieredCompilationQuickJitForLoops=false in Salient.Engine.Tests), and so did something in SamplerTests' window of
/// 400,000 draws in full test runs under load, never alone (2,432 bytes each time the one-window test failed; 2,248
/// and 8,088 bytes in first windows whose next window was clean; what allocated was not identified). The runtime's
/// tiering works on wall-clock delays (a method is call-counted only 100 ms after the last new tier-0 method anywhere in
/// the process), so work of that kind can fall in any window under load, but it happens once, so it spoils one window,
/// not all of them; code that allocates per call, per tick or per replication allocates in every window of the same
/// work. Hence the rule: repeat the same window up to <c>windows</c> times and pass when one of them allocates exactly
/// nothing.
/// </remarks>
public static class AllocationWindows
{
    /// <summary>
    /// Runs <paramref name="window"/> until one run allocates no byte on this thread, at most <paramref name="windows"/>
    /// times, each after <paramref name="prepare"/> (not measured) when given; returns the bytes each run allocated (the
    /// last is 0 when one was clean).
    /// </summary>
    public static IReadOnlyList<long> UntilClean(Action window, int windows = 3, Action? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(windows, 1);
        var bytes = new long[windows];
        for (int w = 0; w < windows; w++)
        {
            prepare?.Invoke();
            long before = GC.GetAllocatedBytesForCurrentThread();
            window();
            bytes[w] = GC.GetAllocatedBytesForCurrentThread() - before;
            if (bytes[w] == 0) return bytes[..(w + 1)];
        }
        return bytes;
    }

    /// <summary>True when the last window of <paramref name="bytes"/> allocated nothing.</summary>
    public static bool Clean(IReadOnlyList<long> bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return bytes.Count > 0 && bytes[^1] == 0;
    }

    /// <summary>The bytes of each window, for a failure message: <c>3200, 3200, 3200 bytes in 3 window(s)</c>.</summary>
    public static string Describe(IReadOnlyList<long> bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return $"{string.Join(", ", bytes)} bytes in {bytes.Count} window(s)";
    }
}
