namespace Salient.Cli.CommandLine;

/// <summary>
/// Options a command inherits from a shared settings group but rejects (its Validate says why): its <c>--help</c> does
/// not list them. Spectre.Console.Cli cannot hide an inherited option itself (redeclaring it is a duplicate), so
/// <see cref="SalientHelpProvider"/> reads this attribute.
/// </summary>
/// <param name="longNames">The options' long names with their dashes, e.g. <c>--variant</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HiddenOptionsAttribute(params string[] longNames) : Attribute
{
    /// <summary>The hidden options' long names, with their dashes.</summary>
    public IReadOnlyList<string> LongNames { get; } = longNames;
}
