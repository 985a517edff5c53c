namespace Salient.Scenario.Diagnostics;

/// <summary>Collects every diagnostic of a load, so a user sees all problems at once, not only the first.</summary>
/// <remarks>Mutable while loading; callers read <see cref="All"/> once loading ends.</remarks>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    /// <summary>Every diagnostic so far, in the order found.</summary>
    public IReadOnlyList<Diagnostic> All => _items;

    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);

    /// <summary>Number of errors.</summary>
    public int ErrorCount => _items.Count(d => d.Severity == Severity.Error);

    /// <summary>Adds a diagnostic made from the catalogue.</summary>
    public void Add(ScenarioErrors.Entry entry, SourceSpan span, params string[] args) => _items.Add(ScenarioErrors.Make(entry, span, args));

    /// <summary>Adds a ready-made diagnostic.</summary>
    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>Diagnostics sorted by file, line and column (stable for equal positions).</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        [.. _items.Select((d, i) => (d, i)).OrderBy(t => t.d.Span.File, StringComparer.Ordinal)
            .ThenBy(t => t.d.Span.Line).ThenBy(t => t.d.Span.Column).ThenBy(t => t.i).Select(t => t.d)];
}
