using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// Allocation budget of the engine (bytes, never time): once a simulation is built and warm, a whole Kursk replication
/// (1,072 ticks through every phase, supply routes, depth, season and the repaired distance fields) allocates at most
/// a few kilobytes, whatever its length, so memory does not grow with the number of ticks or replications played.
/// </summary>
public class AllocationBudgetTests
{
    // Measured at 3,000 bytes a replication (the per-replication input sampling); a per-tick allocation of even one
    // small object would cost over 20 KB. The budget leaves room for runtime differences without hiding such a leak.
    private const long BudgetBytes = 16 * 1024;

    [Fact]
    public void AWarmKurskReplication_AllocatesWithinItsBudget()
    {
        var c = TestScenarios.Bundled("scenarios/kursk-2024");
        var sim = new Simulation(c);
        var metrics = new double[c.Layout.Metrics.Length];
        var daily = new float[c.Layout.DailyLength];
        sim.Run(1, 0, metrics, daily);
        const int replications = 3;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 1; r <= replications; r++) sim.Run(1, r, metrics, daily);
        long perReplication = (GC.GetAllocatedBytesForCurrentThread() - before) / replications;
        Assert.True(perReplication <= BudgetBytes, $"{perReplication} bytes a replication, budget {BudgetBytes}");
    }
}
