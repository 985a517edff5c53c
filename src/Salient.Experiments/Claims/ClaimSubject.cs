namespace Salient.Experiments.Claims;

/// <summary>What an evidence claim is about, read from its dotted metric name.</summary>
public enum ClaimTopic
{
    /// <summary>Anything else (forces, system specifications, statements): the model reports no such outcome.</summary>
    Other,
    /// <summary>Ground held: <c>control.&lt;measure&gt;.&lt;side&gt;</c>.</summary>
    Control,
    /// <summary>Personnel casualties: <c>casualties.&lt;cause&gt;.&lt;side&gt;</c>.</summary>
    Casualties,
    /// <summary>Equipment lost: <c>losses.&lt;system&gt;.&lt;side&gt;</c>.</summary>
    Losses,
    /// <summary>The capture of a settlement or cell: <c>event.capture.&lt;place&gt;.&lt;side&gt;</c>.</summary>
    Capture,
}

/// <summary>
/// The parts of an evidence metric name: its topic, the side it is about and the detail between (a casualty cause, a
/// system, a place). The one place that reads the naming convention of evidence metrics, so commands and exporters
/// select claims by <see cref="Topic"/> and <see cref="Side"/>, never by string prefix.
/// </summary>
/// <remarks>Immutable.</remarks>
/// <param name="Topic">What the claim is about.</param>
/// <param name="Detail">The middle of the name: the cause, system, measure or place; empty when there is none.</param>
/// <param name="Side">The last part of the name, the side the claim is about; empty when the name has none.</param>
public readonly record struct ClaimSubject(ClaimTopic Topic, string Detail, string Side)
{
    /// <summary>The prefix of capture claims in an evidence ledger.</summary>
    public const string CapturePrefix = "event.capture.";

    /// <summary>Reads <paramref name="metric"/> (<c>casualties.total.red</c>, <c>event.capture.sudzha.blue</c>, ...).</summary>
    public static ClaimSubject Parse(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (metric.StartsWith(CapturePrefix, StringComparison.Ordinal))
        {
            string rest = metric[CapturePrefix.Length..];
            int last = rest.LastIndexOf('.');
            return last <= 0 ? new(ClaimTopic.Capture, rest, "") : new(ClaimTopic.Capture, rest[..last], rest[(last + 1)..]);
        }
        int first = metric.IndexOf('.');
        if (first <= 0) return new(ClaimTopic.Other, "", "");
        ClaimTopic topic = metric[..first] switch
        {
            "control" => ClaimTopic.Control,
            "casualties" => ClaimTopic.Casualties,
            "losses" => ClaimTopic.Losses,
            _ => ClaimTopic.Other,
        };
        int dot = metric.LastIndexOf('.');
        return new(topic, dot > first ? metric[(first + 1)..dot] : "", metric[(dot + 1)..]);
    }
}
