namespace Salient.Scenario.Model;

/// <summary>A region of the theatre (an oblast, say): its initial controller and whether its area counts as ground held.</summary>
public sealed record Region(string Id, int InitialControl, bool Counted);
