using System.Collections.Immutable;
using Salient.Scenario.Diagnostics;

namespace Salient.Scenario.Evidence;

/// <summary>The entries of one evidence ledger (<c>evidence.yaml</c>), and every problem found reading it.</summary>
/// <remarks>Immutable. A ledger with errors (<see cref="HasErrors"/>: unreadable, not YAML) has no entries; warnings
/// (entries skipped) leave the readable entries in place.</remarks>
/// <param name="Path">The file read.</param>
/// <param name="Entries">Readable entries, in file order.</param>
/// <param name="Diagnostics">Coded problems (SAL100, SAL109, SAL203, SAL204), each at its position in the file.</param>
public sealed record EvidenceLedger(string Path, ImmutableArray<EvidenceEntry> Entries, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>An empty ledger (no evidence file).</summary>
    public static EvidenceLedger Empty { get; } = new("", [], []);

    /// <summary>True when the file could not be read as a ledger at all.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The errors only.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == Severity.Error);

    /// <summary>The warnings only: entries skipped.</summary>
    public IEnumerable<Diagnostic> Warnings => Diagnostics.Where(d => d.Severity == Severity.Warning);

    /// <summary>Entries about one metric, in file order.</summary>
    public IEnumerable<EvidenceEntry> For(string metric) => Entries.Where(e => e.Metric == metric);
}
