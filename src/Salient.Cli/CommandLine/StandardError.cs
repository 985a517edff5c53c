using Spectre.Console;

namespace Salient.Cli.CommandLine;

/// <summary>
/// The console on standard error, for warnings that must not mix with a command's output (a stale calibration). With
/// <c>--format csv|json</c> every message goes there already; with tables it is a console of its own.
/// </summary>
/// <param name="Console">The console writing to standard error.</param>
public sealed record StandardError(IAnsiConsole Console);
