using System.ComponentModel;
using System.Net;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Salient.Cli.Settings;

/// <summary>Options of <c>salient serve</c>.</summary>
public sealed class ServeSettings : SalientSettings
{
    /// <summary>The port used when none is given.</summary>
    public const int DefaultPort = 5199;

    /// <summary>The <c>&lt;OUT&gt;</c> argument: the run folder to serve.</summary>
    [CommandArgument(0, "<OUT>")]
    [Description("Run folder written by salient run.")]
    public string Out { get; init; } = "";

    /// <summary><c>--port</c>: the TCP port to listen on; 0 asks the system for any free port.</summary>
    /// <remarks>Default <see cref="DefaultPort"/>; 0 to 65535.</remarks>
    [CommandOption("--port <P>")]
    [Description("Port to listen on (default 5199; 0 = any free port).")]
    public int Port { get; init; } = DefaultPort;

    /// <summary><c>--host</c>: the address to listen on, an IP address or <c>localhost</c>.</summary>
    /// <remarks>Default 127.0.0.1, so the viewer is reachable from this machine only; IPv6 addresses may be written in brackets.</remarks>
    [CommandOption("--host <H>")]
    [Description("Address to listen on (default 127.0.0.1: this machine only).")]
    public string Host { get; init; } = "127.0.0.1";

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Port is < 0 or > 65535) return ValidationResult.Error($"--port must be between 0 and 65535, found {Port}");
        if (Host != "localhost" && !IPAddress.TryParse(Host.Trim('[', ']'), out _))
            return ValidationResult.Error($"--host must be an IP address or 'localhost', found '{Host}'");
        return ValidationResult.Success();
    }
}
