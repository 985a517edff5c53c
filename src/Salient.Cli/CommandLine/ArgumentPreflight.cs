using System.Globalization;
using Salient.Scenario.Diagnostics;

namespace Salient.Cli.CommandLine;

/// <summary>What <see cref="ArgumentPreflight.Check"/> found: the arguments to parse, the command, and an error or none.</summary>
/// <param name="Arguments">The arguments with POSIX short options split (<c>-n5</c> is <c>-n 5</c>).</param>
/// <param name="Command">The command named by the first argument, or null (root options, help, an unknown name).</param>
/// <param name="Error">The first problem found, as the message after "error: ", or null.</param>
internal sealed record PreflightResult(string[] Arguments, string? Command, string? Error);

/// <summary>
/// Reads the command line before Spectre.Console.Cli parses it, for what the parser does not do or does not say
/// clearly: POSIX attached short-option values (<c>-n5</c>, <c>-oDIR</c>), a "did you mean" for an unknown command or
/// option, a missing value, and a number option's value that is not a number (named with what was expected, rather
/// than "Failed to convert 'abc' to UInt64."). Whatever it lets through, Spectre parses as before.
/// </summary>
internal static class ArgumentPreflight
{
    /// <summary>Checks <paramref name="args"/> (without <c>--debug</c>) against the command catalogue.</summary>
    public static PreflightResult Check(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-')) return new(args, null, null);
        string command = args[0];
        if (CommandCatalogue.SettingsOf(command) is not { } settings)
            return new(args, null, $"unknown command '{command}'{Suggestions.Hint(command, CommandCatalogue.Names)}");

        var options = CommandCatalogue.Options(settings);
        var byName = options.SelectMany(o => o.Names.Select(n => (n, o))).ToDictionary(x => x.n, x => x.o, StringComparer.Ordinal);
        var result = new List<string> { command };
        for (int i = 1; i < args.Length; i++)
        {
            string token = args[i];
            if (token == "--")
            {
                result.AddRange(args[i..]);
                break;
            }
            if (!IsOption(token) || token is "-h" or "--help" or "-?")
            {
                result.Add(token);
                continue;
            }

            // --name=value (or --name:value, which Spectre also reads); -nVALUE and -n=VALUE for a short option.
            string name = token;
            string? inline = null;
            if (token.StartsWith("--", StringComparison.Ordinal))
            {
                int sep = token.IndexOfAny(['=', ':']);
                if (sep > 2) (name, inline) = (token[..sep], token[(sep + 1)..]);
            }
            else if (token.Length > 2)
            {
                (name, inline) = (token[..2], token[2..].StartsWith('=') ? token[3..] : token[2..]);
            }

            if (!byName.TryGetValue(name, out var option))
            {
                string hint = Suggestions.Hint(name, byName.Keys.Where(n => n.StartsWith("--", StringComparison.Ordinal)));
                return new(args, command, $"unknown option '{token}' for 'salient {command}'{hint}");
            }
            if (!option.TakesValue)
            {
                if (inline is not null && name.Length == 2)
                    return new(args, command, $"{name} takes no value, found '{token}'");
                result.Add(token);
                continue;
            }

            string? value = inline;
            if (value is null)
            {
                if (i + 1 >= args.Length || (IsOption(args[i + 1]) && !IsNumber(args[i + 1])))
                    return new(args, command, $"{Display(option)} needs a value: {Expected(option.ValueType)}");
                value = args[++i];
            }
            if (!Parses(value, option.ValueType))
                return new(args, command, $"{Display(option)} expects {Expected(option.ValueType)}, found '{value}'");
            result.Add(name);
            result.Add(value);
        }
        return new([.. result], command, null);
    }

    private static bool IsOption(string token) => token.Length > 1 && token[0] == '-' && !IsNumber(token);

    private static bool IsNumber(string token) => double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>The option as help lists it, e.g. <c>-n|--replications</c>.</summary>
    private static string Display(CommandOptionSpec option) => string.Join('|', option.Names);

    private static bool Parses(string value, Type type)
    {
        var invariant = CultureInfo.InvariantCulture;
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int32 => int.TryParse(value, NumberStyles.Integer, invariant, out _),
            TypeCode.Int64 => long.TryParse(value, NumberStyles.Integer, invariant, out _),
            TypeCode.UInt64 => ulong.TryParse(value, NumberStyles.None, invariant, out _),
            TypeCode.Double => double.TryParse(value, NumberStyles.Float, invariant, out double d) && double.IsFinite(d),
            _ => true,
        };
    }

    private static string Expected(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Int32 => "a whole number",
        TypeCode.Int64 => "a whole number",
        TypeCode.UInt64 => $"a whole number from 0 to {ulong.MaxValue}",
        TypeCode.Double => "a number, e.g. 0.5",
        _ => "a value",
    };
}
