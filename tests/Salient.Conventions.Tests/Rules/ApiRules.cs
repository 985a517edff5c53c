using Salient.Conventions.Tests.Metadata;

namespace Salient.Conventions.Tests.Rules;

/// <summary>
/// A pattern over external references: <c>Ns.*</c> any type in namespace Ns or below; <c>Ns.Type</c> the type, its
/// nested types and all their members; <c>Ns.Type::Member</c> one member (all overloads); <c>Ns.Type::Prefix*</c> the
/// members whose name starts with Prefix (e.g. <c>System.IO.File::WriteAll*</c>).
/// </summary>
internal sealed record ApiPattern(string Text)
{
    public bool Matches(ExternalReference reference)
    {
        int split = Text.IndexOf("::", StringComparison.Ordinal);
        string typePart = split < 0 ? Text : Text[..split];
        string? memberPart = split < 0 ? null : Text[(split + 2)..];
        bool typeMatches = typePart.EndsWith(".*", StringComparison.Ordinal)
            ? reference.Type.StartsWith(typePart[..^1], StringComparison.Ordinal)
            : reference.Type == typePart || reference.Type.StartsWith(typePart + "+", StringComparison.Ordinal);
        if (!typeMatches) return false;
        if (memberPart is null) return true;
        if (reference.Member is null) return false;
        return memberPart.EndsWith('*')
            ? reference.Member.StartsWith(memberPart[..^1], StringComparison.Ordinal)
            : reference.Member == memberPart;
    }

    public override string ToString() => Text;
}

/// <summary>An API an assembly must not use, and why.</summary>
internal sealed record ApiBan(string Pattern, string Reason)
{
    public ApiPattern Api { get; } = new(Pattern);
}

/// <summary>
/// A known, accepted violation: <paramref name="Project"/> may use the references matching <paramref name="Pattern"/>
/// although a ban covers them. Each one names its reason; one that no longer matches anything fails the check, so it is
/// removed as soon as the code no longer needs it.
/// </summary>
internal sealed record KnownViolation(string Project, string Pattern, string Reason)
{
    public ApiPattern Api { get; } = new(Pattern);
}

/// <summary>Checks an assembly's external references against bans, minus known violations.</summary>
internal static class ApiChecker
{
    /// <summary>
    /// One message per banned reference <paramref name="assembly"/> makes (naming the assembly, the referenced type or
    /// member, the ban and the assembly's own members that use it), plus one per known violation of
    /// <paramref name="project"/> that matched nothing. Empty when the assembly keeps to the rules.
    /// </summary>
    public static List<string> Check(string project, AssemblyMetadata assembly, IReadOnlyList<ApiBan> bans, IReadOnlyList<KnownViolation> known)
    {
        var mine = known.Where(k => k.Project == project).ToList();
        var used = new HashSet<KnownViolation>();
        var messages = new List<string>();
        foreach (var reference in assembly.References)
        {
            foreach (var ban in bans.Where(b => b.Api.Matches(reference)))
            {
                if (mine.FirstOrDefault(k => k.Api.Matches(reference)) is { } exception) { used.Add(exception); continue; }
                messages.Add($"{project} ({assembly.Name}.dll) uses {reference.Display} [banned by '{ban.Pattern}': {ban.Reason}]"
                    + $" in {Users(reference)}");
                break;
            }
        }
        foreach (var stale in mine.Where(k => !used.Contains(k)))
            messages.Add($"{project}: known violation '{stale.Pattern}' ({stale.Reason}) no longer occurs; remove it from the exceptions table");
        return messages;
    }

    private static string Users(ExternalReference reference) => reference.Users.Length switch
    {
        0 => "(a signature or attribute not attributed to a member)",
        <= 5 => string.Join(", ", reference.Users),
        _ => string.Join(", ", reference.Users.Take(5)) + $" and {reference.Users.Length - 5} more",
    };
}
