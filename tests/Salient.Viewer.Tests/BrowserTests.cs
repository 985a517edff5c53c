using System.Globalization;
using Microsoft.Playwright;
using Xunit;

namespace Salient.Viewer.Tests;

/// <summary>
/// The viewer in a real browser: Debian's Chromium driven by Playwright. Chromium is installed by test.sh; when it
/// is missing these tests fail (they do not skip), so a machine without it cannot pass unnoticed.
/// Screenshots go to artifacts/screenshots/ (gitignored) for people to look at.
/// </summary>
[Collection(ViewerCollection.Name)]
public sealed class BrowserTests(ViewerRunFixture fixture)
{
    /// <summary>Debian's Chromium (package chromium).</summary>
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string Screenshots = Path.Combine(ViewerRunFixture.Repo, "artifacts", "screenshots");

    /// <summary>Starts Playwright and Debian's Chromium (headless, no sandbox, no GPU, no background networking).</summary>
    internal static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        Assert.True(File.Exists(Chromium),
            $"Chromium is not installed at {Chromium}: the browser tests need Debian's chromium package. Run ./test.sh (it installs it) or: apt-get install -y chromium");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    [Fact]
    public async Task Map_SliderFromAugust2024ToApril2025_SudzhaChangesColourWithoutConsoleErrors()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"console: {m.Text}"); };
        page.PageError += (_, e) => errors.Add($"page error: {e}");
        page.RequestFailed += (_, r) => errors.Add($"request failed: {r.Url}");

        await page.GotoAsync(fixture.Host.Url.ToString());
        await page.WaitForSelectorAsync("body[data-ready='true']", new PageWaitForSelectorOptions { Timeout = 30_000 });

        int cells = await page.Locator("svg#map .cell").CountAsync();
        Assert.True(cells > 100, $"the map should draw the Kursk theatre's cells, found {cells}");
        var sudzha = page.Locator("svg#map .cell[data-id='sudzha']");
        Assert.Equal(1, await sudzha.CountAsync());
        Assert.True(await page.Locator("svg#map .label").CountAsync() > 5, "settlement names should be drawn");

        var start = Salient.Output.Html.RunManifest.TryRead(fixture.RunDir)!.Start;
        string august = "2024-08-25", april = "2025-04-20";
        await SetDayAsync(page, start, august);
        Assert.Equal(august, await page.Locator("#date").TextContentAsync());
        string? fillAugust = await sudzha.GetAttributeAsync("fill");
        string? frontAugust = await page.Locator("svg#map .front").GetAttributeAsync("d");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "viewer-2024-08-25.png") });

        await SetDayAsync(page, start, april);
        Assert.Equal(april, await page.Locator("#date").TextContentAsync());
        string? fillApril = await sudzha.GetAttributeAsync("fill");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "viewer-2025-04-20.png") });

        Assert.False(string.IsNullOrEmpty(fillAugust));
        Assert.NotEqual(fillAugust, fillApril);
        Assert.False(string.IsNullOrEmpty(frontAugust), "the median front line should be drawn in August 2024");

        // The settlement panel: click Sudzha, see its capture-date distributions.
        await sudzha.ClickAsync(new LocatorClickOptions { Force = true });
        await page.WaitForSelectorAsync("#sel-body svg");
        Assert.Equal("Sudzha", await page.Locator("#sel-name").TextContentAsync());
        Assert.Contains("Captured by", await page.Locator("#sel-body").TextContentAsync(), StringComparison.Ordinal);
        // Its capture columns are found in replications.csv (capture_sudzha_<side>, docs/outputs.md), so no side says "not recorded".
        Assert.DoesNotContain("Not recorded for this cell", await page.Locator("#sel-body").TextContentAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "viewer-sudzha-panel.png") });

        // Charts and claims.
        Assert.True(await page.Locator("#charts img").CountAsync() >= 4, "the report's charts should be shown");
        Assert.True(await page.Locator("#claims tbody tr").CountAsync() > 3, "the claims table should list the comparable claims");
        await page.Locator("#charts-h").ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#charts img')].every(i => i.complete && i.naturalWidth > 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "viewer-full-page.png"), FullPage = true });

        // Play advances the day.
        await SetDayAsync(page, start, "2024-09-01");
        await page.Locator("#play").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#date').textContent > '2024-09-03'");
        await page.Locator("#play").ClickAsync();
        Assert.Equal("false", await page.Locator("#play").GetAttributeAsync("aria-pressed"));

        Assert.True(errors.Count == 0, "the browser reported errors:\n" + string.Join("\n", errors));
    }

    [Fact]
    public async Task Report_OpensWithoutErrorsOrNetwork()
    {
        var (playwright, browser) = await LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.Request += (_, r) => requests.Add(r.Url);
        await page.GotoAsync(new Uri(Path.Combine(fixture.RunDir, "report.html")).AbsoluteUri);
        Assert.True(await page.Locator("figure img").CountAsync() >= 5);
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('figure img')].every(i => i.complete && i.naturalWidth > 0)");
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "report.png"), FullPage = true });
        Assert.Empty(errors);
        Assert.All(requests, r => Assert.StartsWith("file://", r, StringComparison.Ordinal));
    }

    /// <summary>Moves the day slider to <paramref name="iso"/> (Playwright sets the range input and fires its input event).</summary>
    private static async Task SetDayAsync(IPage page, DateOnly start, string iso)
    {
        int day = DateOnly.Parse(iso, CultureInfo.InvariantCulture).DayNumber - start.DayNumber;
        var slider = page.Locator("#day");
        await slider.FillAsync(day.ToString(CultureInfo.InvariantCulture));
        await page.WaitForFunctionAsync($"() => document.querySelector('#date').textContent === '{iso}'");
    }
}
