using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Salient.Output.Claims;
using Salient.Output.Files;
using Salient.Output.Html;

namespace Salient.Viewer;

/// <summary>
/// The viewer's only request handler. Read-only and closed by default: it answers GET and HEAD for a fixed list of
/// routes (its embedded static files, a fixed list of run files by exact name, two JSON endpoints and the chart
/// images); every other path is 404, so no request can name a file outside that list (path traversal included).
/// Every response carries the security headers of <see cref="SecurityHeaders"/>.
/// </summary>
public sealed class ViewerApp
{
    /// <summary>
    /// Content-Security-Policy of the viewer's pages and data. <c>img-src blob:</c> lets the page rasterise its own
    /// SVG export into the PNG export (a blob: address is made only by the page's own script).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    /// <summary>Content-Security-Policy of report.html, which is self-contained: inline styles and data: images, no scripts.</summary>
    public const string ReportContentSecurityPolicy =
        "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

    /// <summary>The run files served under <c>/files/</c>, by exact name, with their content types.</summary>
    public static readonly FrozenDictionary<string, string> RunFiles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["summary.json"] = "application/json; charset=utf-8",
        ["run.json"] = "application/json; charset=utf-8",
        ["control.json"] = "application/json; charset=utf-8",
        ["cells.geojson"] = "application/geo+json; charset=utf-8",
        ["front.geojson"] = "application/geo+json; charset=utf-8",
        ["borders.geojson"] = "application/geo+json; charset=utf-8",
        ["replications.csv"] = "text/csv; charset=utf-8",
        ["daily.csv"] = "text/csv; charset=utf-8",
        ["evidence.yaml"] = "text/plain; charset=utf-8",
        ["report.html"] = "text/html; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The embedded static files by route.</summary>
    private static readonly FrozenDictionary<string, (string Resource, string ContentType)> Assets = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["/"] = ("wwwroot/index.html", "text/html; charset=utf-8"),
        ["/app.js"] = ("wwwroot/app.js", "text/javascript; charset=utf-8"),
        ["/app.css"] = ("wwwroot/app.css", "text/css; charset=utf-8"),
        ["/favicon.svg"] = ("wwwroot/favicon.svg", "image/svg+xml"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly string _runDir;
    private readonly bool _loopbackOnly;
    private readonly Lazy<RunFolder> _run;
    private readonly Lazy<ReportChartSet> _charts;

    /// <summary>A handler serving <paramref name="runDir"/>; with <paramref name="loopbackOnly"/>, requests must name a loopback host (a guard against DNS rebinding).</summary>
    public ViewerApp(string runDir, bool loopbackOnly)
    {
        _runDir = runDir;
        _loopbackOnly = loopbackOnly;
        _run = new Lazy<RunFolder>(() => RunFolder.Load(_runDir), LazyThreadSafetyMode.ExecutionAndPublication);
        _charts = new Lazy<ReportChartSet>(() => ReportCharts.Build(_run.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The headers every response carries.</summary>
    public static void SecurityHeaders(HttpResponse response, string csp = ContentSecurityPolicy)
    {
        ArgumentNullException.ThrowIfNull(response);
        var h = response.Headers;
        h["Content-Security-Policy"] = csp;
        h["X-Content-Type-Options"] = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h["X-Frame-Options"] = "DENY";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        h["Cross-Origin-Resource-Policy"] = "same-origin";
        h["Cache-Control"] = "no-cache";
    }

    /// <summary>Answers one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        SecurityHeaders(response);

        if (_loopbackOnly && !IsLoopbackHost(request.Host))
        {
            await Text(response, StatusCodes.Status400BadRequest, "bad Host header: this viewer answers only on loopback addresses\n");
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.Headers.Allow = "GET, HEAD";
            await Text(response, StatusCodes.Status405MethodNotAllowed, "read-only: GET and HEAD only\n");
            return;
        }

        string path = request.Path.Value ?? "/";
        if (path.Length == 0) path = "/";
        if (Assets.TryGetValue(path, out var asset))
        {
            await Embedded(response, asset.Resource, asset.ContentType);
            return;
        }
        const string files = "/files/";
        if (path.StartsWith(files, StringComparison.Ordinal) && RunFiles.TryGetValue(path[files.Length..], out string? type))
        {
            string file = Path.Combine(_runDir, path[files.Length..]);
            if (IsRegularFile(file))
            {
                if (path.EndsWith(".html", StringComparison.Ordinal)) SecurityHeaders(response, ReportContentSecurityPolicy);
                response.ContentType = type;
                byte[] bytes = await File.ReadAllBytesAsync(file, context.RequestAborted);
                response.ContentLength = bytes.Length;
                await response.Body.WriteAsync(bytes, context.RequestAborted);
                return;
            }
        }
        else if (path == "/api/claims")
        {
            await Api(response, () => Claims(_run.Value));
            return;
        }
        else if (path == "/api/charts")
        {
            await Api(response, () => new ChartList(
                File.Exists(Path.Combine(_runDir, ReportWriter.FileName)),
                [.. _charts.Value.Charts.Select(c => new ChartInfo(c.Id, c.Section, c.Title, c.Caption, $"/charts/{c.Id}.png"))],
                _charts.Value.Omitted));
            return;
        }
        else if (path.StartsWith("/charts/", StringComparison.Ordinal) && path.EndsWith(".png", StringComparison.Ordinal))
        {
            string id = path["/charts/".Length..^".png".Length];
            if (TryCharts() is { } set && set.Charts.FirstOrDefault(c => c.Id == id) is { } chart)
            {
                response.ContentType = "image/png";
                response.ContentLength = chart.Png.Length;
                await response.Body.WriteAsync(chart.Png, context.RequestAborted);
                return;
            }
        }
        await Text(response, StatusCodes.Status404NotFound, "not found\n");
    }

    private ReportChartSet? TryCharts()
    {
        try { return _charts.Value; }
        catch (OutputException) { return null; }
    }

    private static async Task Api<T>(HttpResponse response, Func<T> build)
    {
        T value;
        try { value = build(); }
        catch (OutputException ex)
        {
            await Text(response, StatusCodes.Status503ServiceUnavailable, ex.Message + "\n");
            return;
        }
        response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(response.Body, value, Json);
    }

    private static List<ClaimJson> Claims(RunFolder run) =>
    [
        .. ClaimCheck.Build(run).Select(r => new ClaimJson(
            r.Entry.Id, r.Entry.Statement, r.Entry.Metric, r.Entry.ValueText, r.Entry.Low, r.Entry.High, r.Entry.Unit, r.Entry.AsOfText,
            Date(r.Date ?? r.Entry.AsOfEnd), r.Entry.Reliability, r.Entry.Claimant, r.Entry.ClaimantType, r.Entry.Source,
            r.Compared, r.ModelMetric, r.P05, r.P50, r.P95, r.Probability, Date(r.DateP05), Date(r.DateP50), Date(r.DateP95),
            r.Fit.ToString().ToLowerInvariant(), r.Note)),
    ];

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task Embedded(HttpResponse response, string resource, string contentType)
    {
        await using var stream = typeof(ViewerApp).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' is missing from {typeof(ViewerApp).Assembly.GetName().Name}");
        response.ContentType = contentType;
        response.ContentLength = stream.Length;
        await stream.CopyToAsync(response.Body);
    }

    private static async Task Text(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(text);
    }

    private static bool IsLoopbackHost(HostString host)
    {
        if (!host.HasValue) return false;
        string name = host.Host;
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
        if (name.StartsWith('[') && name.EndsWith(']')) name = name[1..^1];
        return IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>
    /// Whether <paramref name="file"/> is a regular file, not a symbolic link: a run folder received from someone else
    /// could link a run file's name to any file the user can read, so links are never followed.
    /// </summary>
    private static bool IsRegularFile(string file)
    {
        var info = new FileInfo(file);
        return info.Exists && info.LinkTarget is null && (info.Attributes & FileAttributes.ReparsePoint) == 0;
    }

    /// <summary>The names of the embedded static files (for tests).</summary>
    public static IReadOnlyList<string> AssetRoutes => [.. Assets.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether every embedded file named in the route table is present in the assembly.</summary>
    public static bool AssetsPresent() =>
        Assets.Values.All(a => Assembly.GetExecutingAssembly().GetManifestResourceInfo(a.Resource) is not null);

    private sealed record ChartList(bool Report, IReadOnlyList<ChartInfo> Charts, IReadOnlyList<string> Omitted);

    private sealed record ChartInfo(string Id, string Section, string Title, string Caption, string Url);

    private sealed record ClaimJson(
        string Id, string Statement, string Metric, string Value, double? Low, double? High, string Unit, string AsOf, string? Date,
        string Reliability, string Claimant, string ClaimantType, string Source, bool Compared, string? ModelMetric,
        double? P05, double? P50, double? P95, double? Probability, string? DateP05, string? DateP50, string? DateP95, string Fit, string Note);
}
