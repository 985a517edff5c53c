using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Salient.Viewer;

/// <summary>
/// A running viewer of one run folder: a Kestrel server (no logging, no other middleware) whose only handler is
/// <see cref="ViewerApp"/>. Dispose it to stop the server.
/// </summary>
public sealed class ViewerHost : IDisposable, IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private ViewerHost(WebApplication app, Uri url, string runDir)
    {
        _app = app;
        Url = url;
        RunDirectory = runDir;
    }

    /// <summary>The address the viewer listens on, e.g. <c>http://127.0.0.1:5199/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The run folder served (full path).</summary>
    public string RunDirectory { get; }

    /// <summary>
    /// Starts serving <paramref name="runDir"/> on <paramref name="host"/> (an IP address or <c>localhost</c>; default
    /// loopback only) and <paramref name="port"/> (0 = any free port). Returns once the server accepts connections.
    /// </summary>
    /// <exception cref="ArgumentException">The host is not an IP address or <c>localhost</c>, or the port is out of range.</exception>
    /// <exception cref="IOException">The address is in use or cannot be bound.</exception>
    public static ViewerHost Start(string runDir, string host = "127.0.0.1", int port = 0)
    {
        ArgumentNullException.ThrowIfNull(runDir);
        ArgumentNullException.ThrowIfNull(host);
        if (port is < 0 or > 65535) throw new ArgumentException($"port must be between 0 and 65535, found {port}", nameof(port));
        IPAddress address = ParseHost(host);
        string full = Path.GetFullPath(runDir);
        var viewer = new ViewerApp(full, IPAddress.IsLoopback(address));

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = full, EnvironmentName = "Production" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o =>
        {
            o.AddServerHeader = false;
            o.Limits.MaxRequestBodySize = 0;
            o.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            o.Listen(address, port);
        });
        var app = builder.Build();
        ((IApplicationBuilder)app).Run(viewer.HandleAsync);
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new IOException($"cannot listen on {host}:{port}: {ex.Message}", ex);
        }
        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{host}:{port}";
        return new ViewerHost(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"), full);
    }

    /// <summary>Waits until the viewer is stopped (by <see cref="Dispose"/> or <paramref name="cancel"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancel = default) => _app.WaitForShutdownAsync(cancel);

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { await _app.StopAsync(timeout.Token).ConfigureAwait(false); }
        catch (OperationCanceledException) { /* connections still open after 5 s are dropped */ }
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static IPAddress ParseHost(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        string h = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(h, out var ip)) return ip;
        throw new ArgumentException($"host must be an IP address or 'localhost', found '{host}'", nameof(host));
    }
}
