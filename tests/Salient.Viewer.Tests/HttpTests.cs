using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Salient.Viewer.Tests;

/// <summary>The viewer over plain HTTP: routes, security headers, and that nothing outside the run's outputs can be read.</summary>
[Collection(ViewerCollection.Name)]
public sealed class HttpTests(ViewerRunFixture fixture)
{
    private readonly Uri _url = fixture.Host.Url;

    /// <summary>
    /// Sends <paramref name="target"/> byte for byte (HttpClient would normalise dot segments and escapes before
    /// sending, which would hide what a hostile client can send); returns the status code and the body.
    /// </summary>
    private async Task<(int Status, string Head, string Body)> Raw(string target, string method = "GET", string? host = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _url.Port);
        await using var stream = client.GetStream();
        string request = $"{method} {target} HTTP/1.1\r\nHost: {host ?? $"127.0.0.1:{_url.Port}"}\r\nConnection: close\r\n{(method == "POST" ? "Content-Length: 0\r\n" : "")}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string response = await reader.ReadToEndAsync();
        int split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        string head = split < 0 ? response : response[..split];
        string body = split < 0 ? "" : response[(split + 4)..];
        string statusLine = head.Split("\r\n")[0];
        return (int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), head, body);
    }

    [Theory]
    [InlineData("/files/../../etc/passwd")]
    [InlineData("/files/../secret.txt")]
    [InlineData("/../secret.txt")]
    [InlineData("/files/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/files/..%2fsecret.txt")]
    [InlineData("/files/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/files/%2E%2E%2Fsecret.txt")]
    [InlineData("/files/%252e%252e%252fsecret.txt")]
    [InlineData("/files/..%5C..%5Cetc%5Cpasswd")]
    [InlineData("/files/..\\secret.txt")]
    [InlineData("/files/summary.json/../../secret.txt")]
    [InlineData("/files//etc/passwd")]
    [InlineData("/files/%2Fetc%2Fpasswd")]
    [InlineData("/files/private-notes.txt")]
    [InlineData("/files/SUMMARY.JSON")]
    [InlineData("/files/")]
    [InlineData("/files")]
    [InlineData("/etc/passwd")]
    [InlineData("/charts/../secret.txt")]
    [InlineData("/charts/..%2f..%2fsecret.txt.png")]
    [InlineData("/wwwroot/app.js")]
    [InlineData("/index.html")]
    [InlineData("/app.js/../../secret.txt")]
    [InlineData("/api/claims/../../secret.txt")]
    public async Task PathOutsideTheRoutes_Is404AndLeaksNothing(string target)
    {
        var (status, head, body) = await Raw(target);
        Assert.Equal(404, status);
        Assert.DoesNotContain("outside the run folder", body, StringComparison.Ordinal);
        Assert.DoesNotContain("inside the run folder", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.Contains("X-Content-Type-Options: nosniff", head, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RunFileThatIsASymbolicLink_Is404AndLeaksNothing()
    {
        // Given a run folder whose daily.csv links to a file outside it
        using var client = new HttpClient { BaseAddress = fixture.LinkedHost.Url };

        // When the viewer is asked for it
        using var linked = await client.GetAsync(new Uri("/files/daily.csv", UriKind.Relative));
        string body = await linked.Content.ReadAsStringAsync();

        // Then it refuses the link, but still serves the regular files beside it
        Assert.Equal(HttpStatusCode.NotFound, linked.StatusCode);
        Assert.DoesNotContain("outside the run folder", body, StringComparison.Ordinal);
        using var regular = await client.GetAsync(new Uri("/files/summary.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, regular.StatusCode);
    }

    [Fact]
    public async Task NulInPath_RejectedByKestrelBeforeTheApp()
    {
        // Kestrel refuses an encoded NUL in the target with 400 before any handler runs: nothing can be read either way.
        var (status, _, body) = await Raw("/files/summary.json%00.txt");
        Assert.Equal(400, status);
        Assert.DoesNotContain("\"scenario\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/app.css", "text/css")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    [InlineData("/files/summary.json", "application/json")]
    [InlineData("/files/run.json", "application/json")]
    [InlineData("/files/cells.geojson", "application/geo+json")]
    [InlineData("/files/control.json", "application/json")]
    [InlineData("/files/front.geojson", "application/geo+json")]
    [InlineData("/files/borders.geojson", "application/geo+json")]
    [InlineData("/files/replications.csv", "text/csv")]
    [InlineData("/files/evidence.yaml", "text/plain")]
    [InlineData("/files/report.html", "text/html")]
    [InlineData("/api/claims", "application/json")]
    [InlineData("/api/charts", "application/json")]
    [InlineData("/charts/ground-blue.png", "image/png")]
    public async Task KnownRoute_200WithTypeAndSecurityHeaders(string path, string type)
    {
        using var http = new HttpClient { BaseAddress = _url };
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(type, response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        string csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains(path.EndsWith(".html", StringComparison.Ordinal) ? "default-src 'none'" : "default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task WriteMethods_405(string method)
    {
        var (status, head, _) = await Raw("/files/summary.json", method);
        Assert.Equal(405, status);
        Assert.Contains("Allow: GET, HEAD", head, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("evil.example:80")]
    [InlineData("192.168.1.10")]
    public async Task NonLoopbackHostHeader_Refused(string host)
    {
        var (status, _, body) = await Raw("/files/summary.json", host: host);
        Assert.Equal(400, status);
        Assert.DoesNotContain("\"scenario\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_KurskLedger_ComparedWithDailySeries()
    {
        using var http = new HttpClient { BaseAddress = _url };
        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/claims", UriKind.Relative)));
        var claims = doc.RootElement.EnumerateArray().ToList();
        Assert.True(claims.Count > 50);
        var area = claims.Where(c => c.GetProperty("metric").GetString() == "control.area_km2.blue" && c.GetProperty("compared").GetBoolean()).ToList();
        Assert.NotEmpty(area);
        foreach (var c in area)
        {
            double p05 = c.GetProperty("p05").GetDouble(), p50 = c.GetProperty("p50").GetDouble(), p95 = c.GetProperty("p95").GetDouble();
            Assert.True(p05 <= p50 && p50 <= p95);
        }
    }

    [Fact]
    public void Start_HostNameThatIsNotAnAddress_Refused()
    {
        Assert.Throws<ArgumentException>(() => ViewerHost.Start(fixture.RunDir, "example.com", 0));
    }
}
