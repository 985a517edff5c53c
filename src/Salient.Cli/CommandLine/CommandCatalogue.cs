using System.Reflection;
using System.Text;
using Spectre.Console.Cli;

namespace Salient.Cli.CommandLine;

/// <summary>One option of a command as the user may type it: every name with its dashes, and the property it sets.</summary>
/// <param name="Names">The option's names, e.g. <c>-n</c> and <c>--replications</c>.</param>
/// <param name="Property">The settings property the option sets.</param>
internal sealed record CommandOptionSpec(IReadOnlyList<string> Names, PropertyInfo Property)
{
    /// <summary>True when the option takes a value (every option but a boolean flag).</summary>
    public bool TakesValue => Property.PropertyType != typeof(bool);

    /// <summary>The type of one value: the element of an array, the underlying type of a nullable.</summary>
    public Type ValueType
    {
        get
        {
            var type = Property.PropertyType;
            if (type.IsArray) type = type.GetElementType()!;
            return Nullable.GetUnderlyingType(type) ?? type;
        }
    }
}

/// <summary>
/// The commands of the CLI and their options, read from the command classes: <c>XyzCommand</c> is the command
/// <c>xyz</c> (<c>SensitivityMergeCommand</c> is <c>sensitivity-merge</c>), its options the <c>[CommandOption]</c>
/// properties of its settings type. A test checks that every command the app registers is found here.
/// </summary>
internal static class CommandCatalogue
{
    private static readonly Dictionary<string, Type> SettingsByCommand = Build();

    /// <summary>Every command name, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. SettingsByCommand.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The settings type of <paramref name="command"/>, or null for a name that is not a command.</summary>
    public static Type? SettingsOf(string command) => SettingsByCommand.GetValueOrDefault(command);

    /// <summary>The options of <paramref name="settings"/>, hidden ones included (they are accepted, only not listed).</summary>
    public static IReadOnlyList<CommandOptionSpec> Options(Type settings) =>
        [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<CommandOptionAttribute>(inherit: true)))
            .Where(x => x.Attribute is not null)
            .Select(x => new CommandOptionSpec([.. x.Attribute!.ShortNames.Select(n => "-" + n), .. x.Attribute.LongNames.Select(n => "--" + n)], x.Property))];

    /// <summary>The command name of a command class: its name without "Command", in kebab case.</summary>
    public static string CommandName(Type command)
    {
        string stem = command.Name.EndsWith("Command", StringComparison.Ordinal) ? command.Name[..^"Command".Length] : command.Name;
        var name = new StringBuilder();
        foreach (char c in stem)
        {
            if (char.IsUpper(c) && name.Length > 0) name.Append('-');
            name.Append(char.ToLowerInvariant(c));
        }
        return name.ToString();
    }

    private static Dictionary<string, Type> Build()
    {
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in typeof(CommandCatalogue).Assembly.GetTypes())
        {
            if (type.IsAbstract || !type.IsClass) continue;
            var command = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));
            if (command is not null) map[CommandName(type)] = command.GetGenericArguments()[0];
        }
        return map;
    }
}
