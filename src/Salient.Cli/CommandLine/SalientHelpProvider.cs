using System.Reflection;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace Salient.Cli.CommandLine;

/// <summary>Spectre's help, less the inherited options a command rejects (<see cref="HiddenOptionsAttribute"/>).</summary>
internal sealed class SalientHelpProvider(ICommandAppSettings settings) : HelpProvider(settings)
{
    /// <inheritdoc/>
    public override IEnumerable<IRenderable> GetOptions(ICommandModel model, ICommandInfo? command) =>
        base.GetOptions(model, command is null ? null : Filtered(command));

    private static ICommandInfo Filtered(ICommandInfo command)
    {
        if (command.IsBranch || CommandCatalogue.SettingsOf(command.Name)?.GetCustomAttribute<HiddenOptionsAttribute>() is not { } hidden)
            return command;
        return new FilteredCommand(command, [.. command.Parameters.Where(p => p is not ICommandOption o || !o.LongNames.Any(n => hidden.LongNames.Contains("--" + n)))]);
    }

    /// <summary>A command as help sees it, with some parameters left out.</summary>
    private sealed class FilteredCommand(ICommandInfo inner, IReadOnlyList<ICommandParameter> parameters) : ICommandInfo
    {
        public string Name => inner.Name;
        public string? Description => inner.Description;
        public bool IsBranch => inner.IsBranch;
        public bool IsDefaultCommand => inner.IsDefaultCommand;
        public bool IsHidden => inner.IsHidden;
        public IReadOnlyList<ICommandParameter> Parameters => parameters;
        public ICommandInfo? Parent => inner.Parent;
        public IReadOnlyList<ICommandInfo> Commands => inner.Commands;
        public ICommandInfo? DefaultCommand => inner.DefaultCommand;
        public IReadOnlyList<string[]> Examples => inner.Examples;
    }
}
