namespace Salient.Scenario.Diagnostics;

/// <summary>One problem found in a scenario, with a stable code and its position.</summary>
/// <remarks>Immutable. Tests assert <see cref="Code"/> and <see cref="Arguments"/>, not the rendered wording.</remarks>
public sealed record Diagnostic(Severity Severity, string Code, SourceSpan Span, string Message, IReadOnlyList<string> Arguments)
{
    /// <summary>Renders as <c>file:line:col: error SAL101: message</c>.</summary>
    public override string ToString() =>
        $"{Span}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}
