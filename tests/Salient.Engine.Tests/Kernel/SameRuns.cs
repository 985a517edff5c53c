using Salient.Engine.Compilation;
using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>Two simulations of one scenario that must play every replication the same: a shortcut against the path it
/// replaces.</summary>
internal static class SameRuns
{
    /// <summary>
    /// Plays replications [0, <paramref name="n"/>) of <paramref name="seed"/> on both and asserts, after each, the same
    /// state hash (which counts every stream's draws), tick, final metrics and daily series bit for bit; then the same
    /// control tallies. <paramref name="afterEach"/> sees both after each replication (for counters of the shortcut).
    /// </summary>
    public static void AssertSame(CompiledScenario c, Simulation shortcut, Simulation reference, ulong seed, int n,
        string shortcutName, string referenceName, Action<Simulation, Simulation>? afterEach = null)
    {
        int width = c.Layout.Metrics.Length, block = c.Layout.DailyLength;
        var mf = new double[width];
        var ms = new double[width];
        var df = new float[block];
        var ds = new float[block];
        for (int rep = 0; rep < n; rep++)
        {
            shortcut.Run(seed, rep, mf, df);
            reference.Run(seed, rep, ms, ds);
            afterEach?.Invoke(shortcut, reference);
            Assert.Equal(reference.StateHash(), shortcut.StateHash());
            Assert.Equal(reference.Tick, shortcut.Tick);
            for (int i = 0; i < width; i++)
                Assert.True(BitConverter.DoubleToInt64Bits(ms[i]) == BitConverter.DoubleToInt64Bits(mf[i]),
                    $"seed {seed}, replication {rep}: {c.Layout.Metrics[i].Name} = {mf[i]} {shortcutName}, {ms[i]} {referenceName}");
            for (int i = 0; i < block; i++)
                Assert.True(BitConverter.SingleToInt32Bits(ds[i]) == BitConverter.SingleToInt32Bits(df[i]),
                    $"seed {seed}, replication {rep}: daily value {i} = {df[i]} {shortcutName}, {ds[i]} {referenceName}");
        }
        Assert.Equal(reference.ControlTally, shortcut.ControlTally);
    }
}
