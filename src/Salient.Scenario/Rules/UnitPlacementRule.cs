using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;

namespace Salient.Scenario.Rules;

/// <summary>A unit present at the start must stand on a cell its side holds.</summary>
public sealed class UnitPlacementRule : IScenarioRule
{
    /// <inheritdoc/>
    public IEnumerable<Diagnostic> Check(ScenarioDraft draft)
    {
        var m = draft.Model;
        foreach (var u in m.Units)
        {
            var cell = m.Theatre.Cells[u.Cell];
            if (u.Arrives == m.Calendar.Start && cell.InitialControl != u.Side)
                yield return ScenarioErrors.Make(ScenarioErrors.OutOfRange, u.Span, $"start cell of unit '{u.Id}'",
                    $"a cell held by '{m.Sides[u.Side].Id}'", $"'{cell.Id}', held by '{m.Sides[cell.InitialControl].Id}'");
        }
    }
}
