using Salient.Scenario.Diagnostics;
using Salient.Scenario.Parsing;

namespace Salient.Scenario.Rules;

/// <summary>The theatre graph must be connected: a cell nobody can reach can never change hands.</summary>
public sealed class ConnectedTheatreRule : IScenarioRule
{
    /// <inheritdoc/>
    public IEnumerable<Diagnostic> Check(ScenarioDraft draft)
    {
        var t = draft.Model.Theatre;
        int n = t.Cells.Length;
        if (n == 0)
        {
            yield return ScenarioErrors.Make(ScenarioErrors.TheatreBuild, draft.TheatreSpan, "the theatre has no cells");
            yield break;
        }
        var adj = new List<int>[n];
        for (int i = 0; i < n; i++) adj[i] = [];
        foreach (var e in t.Edges) { adj[e.A].Add(e.B); adj[e.B].Add(e.A); }
        var seen = new bool[n];
        var queue = new Queue<int>();
        queue.Enqueue(0);
        seen[0] = true;
        while (queue.Count > 0)
            foreach (int j in adj[queue.Dequeue()])
                if (!seen[j]) { seen[j] = true; queue.Enqueue(j); }
        var unreached = Enumerable.Range(0, n).Where(i => !seen[i]).ToList();
        if (unreached.Count > 0)
            yield return ScenarioErrors.Make(ScenarioErrors.DisconnectedTheatre, draft.TheatreSpan,
                unreached.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), t.Cells[unreached[0]].Id, t.Cells[0].Id);
    }
}
