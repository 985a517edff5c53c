using System.Collections.Immutable;

namespace Salient.Conventions.Tests.Rules;

/// <summary>An allowed reference from one src project to another, with the reason it exists.</summary>
internal sealed record LayerEdge(string From, string To, string Reason);

/// <summary>A third-party assembly family (by name prefix) and the only src projects that may reference it.</summary>
internal sealed record PackageBoundary(string AssemblyPrefix, ImmutableArray<string> AllowedIn, string Reason);

/// <summary>Checks references between assemblies against the layering tables.</summary>
internal static class LayerChecker
{
    /// <summary>
    /// One message per reference from <paramref name="project"/> to a Salient assembly that is not an allowed edge;
    /// <paramref name="references"/> are assembly simple names, <paramref name="projectOfAssembly"/> maps Salient
    /// assemblies to their projects (a Salient assembly it does not know is reported too).
    /// </summary>
    public static List<string> CheckEdges(string project, IEnumerable<string> references, IReadOnlyDictionary<string, string> projectOfAssembly,
        IReadOnlyList<LayerEdge> allowed, string source)
    {
        var messages = new List<string>();
        foreach (string reference in references)
        {
            if (!projectOfAssembly.TryGetValue(reference, out string? target))
            {
                if (reference.StartsWith("Salient", StringComparison.OrdinalIgnoreCase) || reference == "salient")
                    messages.Add($"{project} references {reference}, which is not a known src assembly ({source})");
                continue;
            }
            if (target == project) continue;
            if (!allowed.Any(e => e.From == project && e.To == target))
                messages.Add($"{project} references {target} ({source}): not an allowed edge of the layering (Scenario <- Engine <- Experiments <- Analysis/Output <- Cli/Viewer)");
        }
        return messages;
    }

    /// <summary>One message per third-party reference of <paramref name="project"/> outside the projects its boundary allows.</summary>
    public static List<string> CheckPackages(string project, IEnumerable<string> references, IReadOnlyList<PackageBoundary> boundaries) =>
        [.. from reference in references
            from boundary in boundaries
            where reference.StartsWith(boundary.AssemblyPrefix, StringComparison.Ordinal) && !boundary.AllowedIn.Contains(project)
            select $"{project} references {reference}, allowed only in {string.Join(", ", boundary.AllowedIn)} ({boundary.Reason})"];

    /// <summary>A cycle in <paramref name="edges"/> as "A -> B -> A", or null when the graph is acyclic.</summary>
    public static string? FindCycle(IReadOnlyList<LayerEdge> edges)
    {
        var state = new Dictionary<string, int>(); // 1 on the stack, 2 done
        var path = new List<string>();
        string? Visit(string node)
        {
            if (state.GetValueOrDefault(node) == 2) return null;
            if (state.GetValueOrDefault(node) == 1) return string.Join(" -> ", path.SkipWhile(n => n != node).Append(node));
            state[node] = 1;
            path.Add(node);
            foreach (var edge in edges.Where(e => e.From == node).OrderBy(e => e.To, StringComparer.Ordinal))
                if (Visit(edge.To) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (string node in edges.Select(e => e.From).Distinct().Order(StringComparer.Ordinal))
            if (Visit(node) is { } cycle) return cycle;
        return null;
    }
}
