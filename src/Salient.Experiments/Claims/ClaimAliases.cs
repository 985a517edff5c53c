using Salient.Engine.Compilation;

namespace Salient.Experiments.Claims;

/// <summary>
/// Evidence ledgers name some outcomes in the words of their sources; this maps those names to the model's metrics, so
/// the claims can be checked: <c>casualties.kia.X</c> (killed in action, "irretrievable") is <c>casualties.killed.X</c>,
/// <c>casualties.wia.X</c> is <c>casualties.wounded.X</c>, <c>casualties.pow.X</c> and <c>casualties.prisoners.X</c> are
/// <c>casualties.captured.X</c>, <c>forces.personnel_in_kursk.X</c> (a force's strength in the theatre) and, for a side X,
/// <c>forces.personnel.X</c> (a side's grouping) are the daily series <c>personnel.X</c>, and
/// <c>forces.personnel_&lt;route&gt;_assault.X</c> (the force sent through an infiltration route) is
/// <c>infiltration.sent.&lt;route&gt;.X</c>. Any other name is its own metric. A contingent's plain
/// <c>forces.personnel.X</c> stays unresolved: the ledger uses it for troops sent to the country, not those in the theatre.
/// </summary>
public static class ClaimAliases
{
    private const string AssaultPrefix = "forces.personnel_";
    private const string AssaultSuffix = "_assault";

    /// <summary>
    /// The model's name for the outcome an evidence <paramref name="metric"/> names; <paramref name="sides"/> are the
    /// scenario's side ids (contingents are not sides).
    /// </summary>
    public static string Canonical(string metric, IReadOnlyCollection<string> sides)
    {
        ArgumentNullException.ThrowIfNull(sides);
        ArgumentNullException.ThrowIfNull(metric);
        int dot = metric.LastIndexOf('.');
        if (dot <= 0) return metric;
        string head = metric[..dot], side = metric[(dot + 1)..];
        switch (head)
        {
            case "casualties.kia": return MetricNames.Casualties("killed", side);
            case "casualties.wia": return MetricNames.Casualties("wounded", side);
            case "casualties.pow" or "casualties.prisoners": return MetricNames.Casualties("captured", side);
            case "forces.personnel_in_kursk": return MetricNames.Personnel(side);
            case "forces.personnel" when sides.Contains(side): return MetricNames.Personnel(side);
        }
        if (head.StartsWith(AssaultPrefix, StringComparison.Ordinal) && head.EndsWith(AssaultSuffix, StringComparison.Ordinal)
            && head.Length > AssaultPrefix.Length + AssaultSuffix.Length)
            return MetricNames.Infiltration("sent", head[AssaultPrefix.Length..^AssaultSuffix.Length], side);
        return metric;
    }
}
