using Salient.Engine.Kernel;
using Xunit;

namespace Salient.Engine.Tests.Kernel;

/// <summary>
/// The day's control sums, kept from one pass over the cells (<c>Simulation.EnsureControlTotals</c>), record each day what a
/// pass per side and sum gives from that day's control map: area held, settlements held, area retaken and firm area,
/// bit for bit.
/// </summary>
public class ControlTotalsTests
{
    [Fact]
    public void EveryDaysSums_EqualOnePassPerSideAndSum()
    {
        var c = TestScenarios.Bundled("scenarios/kursk-2024");
        var sim = new Simulation(c);
        var daily = new float[c.Layout.DailyLength];
        int days = c.Layout.Days, n = c.CellCount;
        string[] sides = [c.Model.Sides[0].Id, c.Model.Sides[1].Id];
        int Series(string name) => c.Layout.SeriesIndex(name) is var i && i >= 0 ? i : throw new InvalidOperationException(name);
        sim.Begin(1, 0);
        bool retakenSeen = false;
        while (sim.Tick < c.TotalTicks)
        {
            sim.Step(daily);
            if (sim.Tick % c.TicksPerDay != 0) continue;
            int day = sim.Tick / c.TicksPerDay - 1; // the day just recorded
            var control = sim.Control;
            for (int s = 0; s < 2; s++)
            {
                double held = 0, retaken = 0, firm = 0;
                int settlements = 0;
                for (int x = 0; x < n; x++)
                    if (control[x] == s && c.CellCounted[x]) held += c.CellArea[x];
                for (int x = 0; x < n; x++)
                    if (control[x] == s) settlements += c.CellSettlements[x];
                for (int x = 0; x < n; x++)
                    if (sim.Flipped(x) && control[x] == s && c.InitialControl[x] == s && c.CellCounted[x]) retaken += c.CellArea[x];
                for (int x = 0; x < n; x++)
                {
                    if (!c.CellCounted[x] || control[x] != s) continue;
                    bool contact = false;
                    for (int e = c.NeighbourStart[x]; e < c.NeighbourStart[x + 1]; e++)
                        contact |= control[c.Neighbour[e]] != s;
                    firm += contact ? 0.5 * c.CellArea[x] : c.CellArea[x];
                }
                Assert.Equal((float)held, daily[Series($"control.area_km2.{sides[s]}") * days + day]);
                Assert.Equal((float)settlements, daily[Series($"control.settlements.{sides[s]}") * days + day]);
                Assert.Equal((float)retaken, daily[Series($"control.area_recaptured_km2.{sides[s]}") * days + day]);
                Assert.Equal((float)firm, daily[Series($"control.area_firm_km2.{sides[s]}") * days + day]);
                retakenSeen |= retaken > 0;
            }
        }
        Assert.True(retakenSeen); // ground changed hands back, so every sum was exercised
    }
}
