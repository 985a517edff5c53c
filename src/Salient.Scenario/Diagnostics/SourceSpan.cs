namespace Salient.Scenario.Diagnostics;

/// <summary>A position in a scenario input file: 1-based line and column.</summary>
/// <remarks>Immutable. <see cref="None"/> marks diagnostics that have no single position (for example a whole-graph check).</remarks>
public readonly record struct SourceSpan(string File, int Line, int Column)
{
    /// <summary>A span for problems that belong to no position (command-line overrides, whole-theatre checks).</summary>
    public static SourceSpan None(string file) => new(file, 0, 0);

    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
