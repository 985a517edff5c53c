using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Playwright;
using Xunit;

namespace Salient.Viewer.Tests;

/// <summary>One Chromium for the tests of a class (launching it takes about a second).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => (Playwright, Browser) = await BrowserTests.LaunchAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
    }
}

/// <summary>
/// The map's links, exports, scale bar, label placement and narrow-screen layout (docs/viewer.md), in Debian's
/// Chromium on the shared small Kursk run. Every page must also finish without a console or page error.
/// </summary>
[Collection(ViewerCollection.Name)]
public sealed class ViewerMapTests(ViewerRunFixture fixture, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly string Screenshots = Path.Combine(ViewerRunFixture.Repo, "artifacts", "screenshots");

    /// <summary>Kilometres per degree of latitude on the sphere of radius 6371.0088 km, the viewer's projection.</summary>
    private const double KmPerDegree = 6371.0088 * Math.PI / 180;

    private DateOnly Start => Salient.Output.Html.RunManifest.TryRead(fixture.RunDir)!.Start;

    private sealed class Session(IPage page, List<string> errors) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => new(Page.CloseAsync());

        public IPage Page { get; } = page;

        public List<string> Errors { get; } = errors;

        public void AssertNoErrors() => Assert.True(Errors.Count == 0, "the browser reported errors:\n" + string.Join("\n", Errors));
    }

    private async Task<Session> OpenAsync(string query, int width = 1280, int height = 800, float scale = 1)
    {
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            DeviceScaleFactor = scale,
            AcceptDownloads = true,
        });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => errors.Add($"page error: {e}");
        page.RequestFailed += (_, r) => { if (!r.Url.StartsWith("blob:", StringComparison.Ordinal)) errors.Add($"request failed: {r.Url}"); };
        await page.GotoAsync(new Uri(fixture.Host.Url, query).ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        return new Session(page, errors);
    }

    private static async Task<string> QueryAsync(IPage page) => await page.EvaluateAsync<string>("() => window.location.search");

    // ------------------------------------------------------------------ deep links

    [Fact]
    public async Task DeepLink_IsoDayAndSettlementName_OpensThatDayWithTheCellSelected_AndTheAddressFollowsTheUser()
    {
        await using var s = await OpenAsync("?day=2025-03-13&cell=Sudzha");
        var page = s.Page;
        Assert.Equal("2025-03-13", await page.Locator("#date").TextContentAsync());
        Assert.Equal("sudzha", await page.Locator("svg#map .cell.selected").GetAttributeAsync("data-id"));
        Assert.Equal(1, await page.Locator("svg#map .cell.selected").CountAsync());
        Assert.Equal("Sudzha", await page.Locator("#sel-name").TextContentAsync());
        Assert.True(await page.Locator("#notice").IsHiddenAsync(), "a good link shows no notice");
        // The address names the cell by its id.
        Assert.Equal("?day=2025-03-13&cell=sudzha", await QueryAsync(page));

        // Moving the slider and clicking another cell rewrite the address (history.replaceState: no new history entry).
        int historyLength = await page.EvaluateAsync<int>("() => history.length");
        await page.Locator("#day").FillAsync("30");
        await page.WaitForFunctionAsync("() => window.location.search.includes('day=2024-09-05')");
        await page.Locator("svg#map .cell[data-id='korenevo']").ClickAsync(new LocatorClickOptions { Force = true });
        await page.WaitForFunctionAsync("() => window.location.search.includes('cell=korenevo')");
        Assert.Equal("?day=2024-09-05&cell=korenevo", await QueryAsync(page));
        Assert.Equal(historyLength, await page.EvaluateAsync<int>("() => history.length"));

        // The copied address opens the same view.
        await using var again = await OpenAsync(await QueryAsync(page));
        Assert.Equal("2024-09-05", await again.Page.Locator("#date").TextContentAsync());
        Assert.Equal("korenevo", await again.Page.Locator("svg#map .cell.selected").GetAttributeAsync("data-id"));
        s.AssertNoErrors();
        again.AssertNoErrors();
    }

    [Theory]
    [InlineData("?day=12&cell=SUDZHA", 12, "sudzha")]            // a day index; an id in capitals
    [InlineData("?day=0&cell=basivka", 0, "basivka")]            // the settlement id of the cell named "Basivka (Basovka)"
    [InlineData("?cell=giri%20(giryi)", 0, "giri")]              // a cell name, lower case; no day means day 0
    [InlineData("?day=2025-04-30", 267, null)]                   // the last day of the calendar
    public async Task DeepLink_DayIndexIdNameOrSettlement_CaseInsensitive(string query, int day, string? cell)
    {
        await using var s = await OpenAsync(query);
        Assert.Equal(Start.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), await s.Page.Locator("#date").TextContentAsync());
        if (cell is null) Assert.Equal(0, await s.Page.Locator("svg#map .cell.selected").CountAsync());
        else Assert.Equal(cell, await s.Page.Locator("svg#map .cell.selected").GetAttributeAsync("data-id"));
        Assert.True(await s.Page.Locator("#notice").IsHiddenAsync());
        s.AssertNoErrors();
    }

    [Theory]
    [InlineData("?day=2025-13-45&cell=atlantis", "day=2025-13-45 is not a calendar date. Showing day 0 (2024-08-06).",
        "cell=atlantis matches no cell id, cell name or settlement of this run. No cell is selected.")]
    [InlineData("?day=2023-01-01", "day=2023-01-01 is outside this run's calendar, 2024-08-06 (day 0) to 2025-04-30 (day 267). Showing day 0.", null)]
    [InlineData("?day=268&cell=sudzha", "day=268 is past the last day of this run: days run from 2024-08-06 (day 0) to 2025-04-30 (day 267). Showing day 0.", null)]
    [InlineData("?day=yesterday", "day=yesterday is neither a date (YYYY-MM-DD) nor a day number (0 to 267). Showing day 0 (2024-08-06).", null)]
    public async Task DeepLink_BadDayOrCell_PreciseMessageInThePage_FallsBackToDayZeroAndNoSelection(string query, string dayMessage, string? cellMessage)
    {
        await using var s = await OpenAsync(query);
        var notice = s.Page.Locator("#notice");
        Assert.True(await notice.IsVisibleAsync(), "a bad link shows a notice");
        string text = (await notice.TextContentAsync())!;
        Assert.Contains(dayMessage, text, StringComparison.Ordinal);
        if (cellMessage is not null) Assert.Contains(cellMessage, text, StringComparison.Ordinal);
        Assert.Equal("2024-08-06", await s.Page.Locator("#date").TextContentAsync());
        int selected = await s.Page.Locator("svg#map .cell.selected").CountAsync();
        Assert.Equal(query.Contains("cell=sudzha", StringComparison.Ordinal) ? 1 : 0, selected);
        Assert.True(await s.Page.Locator("#error").IsHiddenAsync(), "a bad link is not a load failure");
        s.AssertNoErrors();
    }

    // ------------------------------------------------------------------ export

    [Fact]
    public async Task Export_SvgIsTheMapsVectorDrawing_PngIsItAtTheDisplayedSizeTimesDevicePixelRatio()
    {
        await using var s = await OpenAsync("?day=2025-03-13&cell=sudzha", 1100, 800, scale: 2);
        var page = s.Page;
        int cells = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.RunDir, "cells.geojson"))).RootElement.GetProperty("features").GetArrayLength();
        string dir = Path.Combine(fixture.Root, "downloads-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);

        var svgDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-svg").ClickAsync());
        Assert.Equal("kursk-2024-2025-03-13.svg", svgDownload.SuggestedFilename);
        string svgFile = Path.Combine(dir, svgDownload.SuggestedFilename);
        await svgDownload.SaveAsAsync(svgFile);
        var doc = XDocument.Load(svgFile); // throws unless it is well-formed XML
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        var cellPaths = doc.Descendants(ns + "path").Where(p => ((string?)p.Attribute("class"))?.Split(' ').Contains("cell") == true).ToList();
        Assert.Equal(cells, cellPaths.Count);
        Assert.All(cellPaths, p => Assert.StartsWith("M", (string?)p.Attribute("d"), StringComparison.Ordinal));
        Assert.All(cellPaths, p => Assert.StartsWith("rgb(", (string?)p.Attribute("fill"), StringComparison.Ordinal));
        var sudzha = cellPaths.Single(p => (string?)p.Attribute("data-id") == "sudzha");
        Assert.Equal("#111111", (string?)sudzha.Attribute("stroke")); // the selection is drawn
        Assert.Contains(doc.Descendants(ns + "path"), p => (string?)p.Attribute("class") == "front" && ((string?)p.Attribute("d"))?.Length > 10);
        string allText = string.Join(" | ", doc.Descendants(ns + "text").Select(t => t.Value));
        Assert.Contains("2025-03-13", allText, StringComparison.Ordinal);
        Assert.Contains("Kursk 2024-25", allText, StringComparison.Ordinal);
        var legend = doc.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "legend");
        string legendText = string.Join(" ", legend.Descendants(ns + "text").Select(t => t.Value));
        Assert.Contains("Russia holds", legendText, StringComparison.Ordinal);
        Assert.Contains("Ukraine holds", legendText, StringComparison.Ordinal);
        Assert.Contains("median front line", legendText, StringComparison.Ordinal);
        Assert.Contains(" km", string.Join(" ", doc.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "scalebar-label").Select(t => t.Value)), StringComparison.Ordinal);
        // Every element carries its look as attributes (no class-based CSS is needed to draw it).
        Assert.Empty(doc.Descendants(ns + "style"));

        var pngDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-png").ClickAsync());
        Assert.Equal("kursk-2024-2025-03-13.png", pngDownload.SuggestedFilename);
        string pngFile = Path.Combine(dir, pngDownload.SuggestedFilename);
        await pngDownload.SaveAsAsync(pngFile);
        byte[] png = File.ReadAllBytes(pngFile);
        Assert.True(png.Length > 1000, $"the PNG has {png.Length} bytes");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int pngWidth = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
        int pngHeight = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
        int svgWidth = int.Parse((string)doc.Root.Attribute("width")!, CultureInfo.InvariantCulture);
        int svgHeight = int.Parse((string)doc.Root.Attribute("height")!, CultureInfo.InvariantCulture);
        double mapWidth = await page.EvaluateAsync<double>("() => document.getElementById('map').getBoundingClientRect().width");
        Assert.Equal(Math.Round(mapWidth), svgWidth);       // the export is the map at its displayed size ...
        Assert.Equal(2 * svgWidth, pngWidth);              // ... and the PNG that times devicePixelRatio (2 here)
        Assert.Equal(2 * svgHeight, pngHeight);
        s.AssertNoErrors();
    }

    // ------------------------------------------------------------------ scale bar

    [Fact]
    public async Task ScaleBar_RoundLengthInKm_ItsPixelLengthMatchesTheProjection_AtDesktopAndAfterResizingTo400()
    {
        var lat = LatitudesById();
        await using var s = await OpenAsync("");
        var page = s.Page;
        var seen = new List<double>();
        foreach (int width in new[] { 1280, 400 })
        {
            if (width != 1280)
            {
                await page.SetViewportSizeAsync(width, 800);
                await page.WaitForFunctionAsync($"() => Number(document.getElementById('map').getAttribute('data-layout-width')) === Math.round(document.getElementById('map').getBoundingClientRect().width) && document.getElementById('map').getBoundingClientRect().width < {width}");
            }
            double km = double.Parse((await page.Locator("svg#map g.scalebar").GetAttributeAsync("data-km"))!, CultureInfo.InvariantCulture);
            Assert.Equal($"{km.ToString(CultureInfo.InvariantCulture)} km", await page.Locator("svg#map .scalebar-label").TextContentAsync());
            double mantissa = km / Math.Pow(10, Math.Floor(Math.Log10(km)));
            Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0 });
            double barPx = await page.EvaluateAsync<double>("() => document.querySelector('svg#map .scalebar-bar').getBoundingClientRect().width");

            // Pixels per km measured on the map itself: the vertical distance between the dots of the northernmost
            // and southernmost settlements over their latitude difference. The projection is equirectangular
            // scaled by the cosine of the mean latitude, so north-south it is true to scale everywhere and east-west
            // (the bar's direction) at the mean latitude: the bar should match to the measurement's precision.
            var dots = await page.EvaluateAsync<JsonElement>(
                "() => [...document.querySelectorAll('svg#map .dot')].map(d => { const r = d.getBoundingClientRect(); return { id: d.getAttribute('data-id'), y: r.top + r.height / 2 }; })");
            var list = dots.EnumerateArray().Select(d => (Id: d.GetProperty("id").GetString()!, Y: d.GetProperty("y").GetDouble())).ToList();
            var north = list.MaxBy(d => lat[d.Id]);
            var south = list.MinBy(d => lat[d.Id]);
            double pxPerKm = (south.Y - north.Y) / ((lat[north.Id] - lat[south.Id]) * KmPerDegree);
            double expected = km * pxPerKm;
            // Tolerance 1%: dot centres are written to 0.1 map units (under 0.1 px here) over a 200-500 px baseline.
            Assert.True(Math.Abs(barPx - expected) <= 0.01 * expected, $"at {width} px the {km} km bar is {barPx:F2} px; the projection gives {expected:F2} px");
            Assert.InRange(barPx, 30, 160);
            seen.Add(pxPerKm);
        }
        Assert.True(seen[1] < seen[0] * 0.8, "the map should be smaller at 400 px, so the bar is recomputed for a new scale");
        s.AssertNoErrors();
    }

    private Dictionary<string, double> LatitudesById()
    {
        using var cells = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.RunDir, "cells.geojson")));
        return cells.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties"))
            .ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("lat").GetDouble(), StringComparer.Ordinal);
    }

    // ------------------------------------------------------------------ labels and narrow screens

    [Theory]
    [InlineData(1280)]
    [InlineData(400)]
    public async Task Labels_NoTwoVisibleLabelBoxesOverlap_TheSelectedCellsLabelIsShown(int width)
    {
        await using var s = await OpenAsync("?day=2024-09-01&cell=sudzha", width, 800);
        var boxes = await LabelBoxesAsync(s.Page);
        string counts = (await s.Page.Locator("svg#map").GetAttributeAsync("data-labels"))!;
        int total = int.Parse(counts.Split('/')[1], CultureInfo.InvariantCulture);
        Assert.True(total >= 19, $"the Kursk run names at least 19 settlements, the map counted {counts}");
        Assert.True(boxes.Count >= (width >= 1000 ? total - 2 : 8), $"at {width} px only {boxes.Count} of {total} labels were placed");
        Assert.Equal($"{boxes.Count}/{total}", counts);
        for (int a = 0; a < boxes.Count; a++)
            for (int b = a + 1; b < boxes.Count; b++)
                Assert.False(Overlap(boxes[a], boxes[b]), $"at {width} px the labels '{boxes[a].Text}' and '{boxes[b].Text}' overlap");
        Assert.Contains(boxes, b => b.Text == "Sudzha");
        // Readable: the labels are 12 px text on screen whatever the map's size.
        Assert.All(boxes, b => Assert.InRange(b.H, 12, 20));
        s.AssertNoErrors();
    }

    private sealed record Box(string Text, double X, double Y, double W, double H);

    private static bool Overlap(Box a, Box b) =>
        a.X < b.X + b.W - 0.01 && b.X < a.X + a.W - 0.01 && a.Y < b.Y + b.H - 0.01 && b.Y < a.Y + a.H - 0.01;

    private static async Task<List<Box>> LabelBoxesAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('svg#map .label')].map(t => { const r = t.getBoundingClientRect(); return { t: t.textContent, x: r.x, y: r.y, w: r.width, h: r.height }; })");
        return [.. json.EnumerateArray().Select(e => new Box(e.GetProperty("t").GetString()!, e.GetProperty("x").GetDouble(), e.GetProperty("y").GetDouble(), e.GetProperty("w").GetDouble(), e.GetProperty("h").GetDouble()))];
    }

    [Fact]
    public async Task Layout_At400By800_NoHorizontalScroll_MapFitsTheWidth_ControlsReachable()
    {
        await using var s = await OpenAsync("?day=2025-03-13&cell=sudzha", 400, 800);
        var page = s.Page;
        // The charts load lazily; load them all, so their width counts.
        await page.EvaluateAsync("() => document.querySelectorAll('#charts img').forEach(i => { i.loading = 'eager'; })");
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#charts img')].every(i => i.complete && i.naturalWidth > 0)");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 400, "the page scrolls sideways at 400 px");
        Assert.True(await page.EvaluateAsync<int>("() => document.body.scrollWidth") <= 400);
        var map = (await page.Locator("svg#map").BoundingBoxAsync())!;
        Assert.True(map.X >= 0 && map.X + map.Width <= 400, $"the map spans {map.X:F0} to {map.X + map.Width:F0} px");
        Assert.True(map.Width >= 340, $"the map should use the width, it is {map.Width:F0} px");
        foreach (string control in new[] { "#play", "#day", "#date", "#export-svg", "#export-png" })
        {
            var box = (await page.Locator(control).BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 400, $"{control} spans {box.X:F0} to {box.X + box.Width:F0} px");
        }
        // A capture percentile the model never reaches reads "never", not a JSON null.
        Assert.DoesNotContain("null", await page.Locator("#claims tbody").TextContentAsync(), StringComparison.Ordinal);
        double smallest = await page.EvaluateAsync<double>(
            "() => Math.min(...[...document.querySelectorAll('p, span, button, output, h2, td, th, figcaption')].filter(e => e.offsetParent && e.textContent.trim()).map(e => parseFloat(getComputedStyle(e).fontSize)))");
        Assert.True(smallest >= 12, $"the smallest text is {smallest} px");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "viewer-400.png") });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "viewer-400-full.png"), FullPage = true });

        await using var desktop = await OpenAsync("?day=2025-03-13&cell=sudzha", 1280, 800);
        await desktop.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "viewer-desktop.png") });
        s.AssertNoErrors();
        desktop.AssertNoErrors();
    }
}
