using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;

namespace Salient.Scenario.Rules;

/// <summary>Warns when a side has no depot (its units are then treated as always supplied) or a depot starts on enemy ground.</summary>
public sealed class DepotsRule : IScenarioRule
{
    /// <inheritdoc/>
    public IEnumerable<Diagnostic> Check(ScenarioDraft draft)
    {
        var m = draft.Model;
        for (int s = 0; s < m.Sides.Length; s++)
            if (!m.Theatre.Depots.Any(d => d.Side == s))
                yield return ScenarioErrors.Make(ScenarioErrors.TheatreWarning, draft.TheatreSpan,
                    $"side '{m.Sides[s].Id}' has no depot, so logistics is not modelled for it (its units stay fully supplied)");
        foreach (var d in m.Theatre.Depots)
            if (m.Theatre.Cells[d.Cell].InitialControl != d.Side)
                yield return ScenarioErrors.Make(ScenarioErrors.TheatreWarning, draft.TheatreSpan,
                    $"depot '{d.Id}' of side '{m.Sides[d.Side].Id}' starts in a cell held by '{m.Sides[m.Theatre.Cells[d.Cell].InitialControl].Id}' and is inactive until taken");
    }
}
