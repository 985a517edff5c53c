using System.Net;
using System.Runtime.InteropServices;
using Salient.Cli.Settings;
using Salient.Viewer;
using Spectre.Console.Cli;
using Spectre.Console;

namespace Salient.Cli.Commands;

/// <summary><c>salient serve OUT</c>: a read-only local web viewer of one run (map, day slider, settlements, charts, claims).</summary>
public sealed class ServeCommand(IAnsiConsole console) : Command<ServeSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(settings.Out)) throw new UserInputException($"run folder '{settings.Out}' does not exist");
        if (!File.Exists(Path.Combine(settings.Out, "summary.json")))
            throw new UserInputException($"'{settings.Out}' is not a run folder: it has no summary.json");
        if (!File.Exists(Path.Combine(settings.Out, "cells.geojson")))
            console.MarkupLine("[yellow]warning:[/] this run has no map data (cells.geojson); run the scenario again to see the map.");

        ViewerHost host;
        try { host = ViewerHost.Start(settings.Out, settings.Host, settings.Port); }
        catch (IOException ex) { throw new UserInputException(ex.Message); }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext signal) { signal.Cancel = true; stop.Cancel(); }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using (host)
        {
            if (IPAddress.TryParse(settings.Host.Trim('[', ']'), out var ip) && !IPAddress.IsLoopback(ip))
                console.MarkupLine($"[yellow]warning:[/] listening on {Markup.Escape(settings.Host)}: other machines on the network can read this run.");
            console.MarkupLine($"Serving [bold]{Markup.Escape(settings.Out)}[/] read-only at [link]{Markup.Escape(host.Url.ToString())}[/]");
            console.MarkupLine("Press Ctrl+C to stop.");
            try { host.WaitForShutdownAsync(stop.Token).GetAwaiter().GetResult(); }
            catch (OperationCanceledException) { /* stopped by Ctrl+C or the caller */ }
        }
        console.MarkupLine("Stopped.");
        return 0;
    }
}
