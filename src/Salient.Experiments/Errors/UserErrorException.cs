namespace Salient.Experiments.Errors;

/// <summary>
/// The one base type of errors the user caused and can fix (a bad option value, a missing or unwritable folder, a
/// damaged shard): the CLI catches it once at the top, prints its message without a stack trace (<c>--debug</c> shows
/// it) and exits with <see cref="ExitCode"/>. Anything else that escapes a command is a bug.
/// </summary>
/// <remarks>Every user-facing exception of Output, Analysis and Cli derives from it, or is wrapped in one where a
/// message prefix names the option at fault (<c>--vary</c>, <c>--metrics</c>).</remarks>
public class UserErrorException : Exception
{
    /// <summary>Exit code for bad input (scenario errors, bad options, unwritable output).</summary>
    public const int DefaultExitCode = 2;

    /// <summary>A user error with <paramref name="message"/>, printed as <c>error: message</c>.</summary>
    public UserErrorException(string message, Exception? inner = null, int exitCode = DefaultExitCode)
        : base(message, inner)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code for this error.</summary>
    public int ExitCode { get; }

    /// <summary>Whether the details were already shown to the user (e.g. scenario diagnostics), so the top level prints nothing more.</summary>
    public virtual bool AlreadyReported => false;
}
