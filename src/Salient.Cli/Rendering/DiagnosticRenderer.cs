using Salient.Scenario.Diagnostics;
using Spectre.Console;

namespace Salient.Cli.Rendering;

/// <summary>
/// Prints diagnostics as <c>file:line:col: error SAL101: message</c>, then the source line and a caret under the
/// fault, as compilers do.
/// </summary>
public static class DiagnosticRenderer
{
    /// <summary>Prints <paramref name="diagnostics"/> (warnings only when <paramref name="showWarnings"/>).</summary>
    public static void Render(IAnsiConsole console, IReadOnlyList<Diagnostic> diagnostics, bool showWarnings)
    {
        var lines = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            if (d.Severity == Severity.Warning && !showWarnings) continue;
            string colour = d.Severity == Severity.Error ? "red" : "yellow";
            string kind = d.Severity == Severity.Error ? "error" : "warning";
            console.MarkupLine($"{Markup.Escape(d.Span.ToString())}: [{colour}]{kind} {d.Code}[/]: {Markup.Escape(d.Message)}");
            if (d.Span.Line <= 0) continue;
            if (!lines.TryGetValue(d.Span.File, out var text))
            {
                try { text = File.Exists(d.Span.File) ? File.ReadAllLines(d.Span.File) : null; }
                catch (IOException) { text = null; }
                catch (UnauthorizedAccessException) { text = null; }
                lines[d.Span.File] = text;
            }
            if (text is null || d.Span.Line > text.Length) continue;
            string source = text[d.Span.Line - 1].Replace('\t', ' ');
            console.MarkupLine($"  [grey]{Markup.Escape(source)}[/]");
            console.MarkupLine($"  {new string(' ', Math.Max(0, d.Span.Column - 1))}[{colour}]^[/]");
        }
    }
}
