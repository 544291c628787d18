using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// The publicity officer's preview: `serve` on its own copy of the sample (this test edits a story).
/// A save that breaks the story shows the errors over the page in the browser; the fix makes the page
/// reload itself with the new text. The published files never carry the preview's script.
/// </summary>
public sealed class LiveReloadTests : IAsyncLifetime
{
    private readonly SampleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [BrowserFact]
    public async Task BrokenStory_ShowsTheOverlay_ThenTheFixReloadsThePage()
    {
        var story = Path.Combine(_server.Root, "content", "stories", "2026", "yisuhe-jiedai-ri.md");
        var good = await File.ReadAllTextAsync(story);
        var page = await _server.OpenAsync("phone", "/stories/yisuhe-jiedai-ri/");
        await SampleServer.JourneyAsync(page, "live-reload", async () =>
        {
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("每月十五，易俗河镇代表联络站的门总是开着");
            await Assertions.Expect(page.Locator("#serve-errors")).ToHaveCountAsync(0);
            await page.EvaluateAsync("() => { window.sameDocument = true; }");

            // An impossible date: the build fails and names the file, line and column in Chinese.
            await File.WriteAllTextAsync(story, good.Replace("date: 2026-10-16", "date: 2026-10-46"));
            var overlay = page.Locator("#serve-errors");
            await Assertions.Expect(overlay).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(overlay.Locator(".serve-error-location").First).ToContainTextAsync("content/stories/2026/yisuhe-jiedai-ri.md:3:");
            await Assertions.Expect(overlay.Locator(".serve-error-message").First).ToContainTextAsync("日期");
            Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page reloaded on a failed build");
            Directory.CreateDirectory(SampleServer.ScreenshotFolder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(SampleServer.ScreenshotFolder, "serve-error-overlay-375.png") });

            // Every page shows it while the build is broken, a newly opened one too.
            var other = await page.Context.NewPageAsync();
            await other.GotoAsync("/deputies/");
            await Assertions.Expect(other.Locator("#serve-errors")).ToBeVisibleAsync();
            await other.CloseAsync();

            // The fix (with a new title): the page reloads by itself and the overlay is gone.
            await File.WriteAllTextAsync(story, good.Replace("title: 每月十五，易俗河镇代表联络站的门总是开着", "title: 每月十五，联络站的门总是开着"));
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("每月十五，联络站的门总是开着", new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("#serve-errors")).ToHaveCountAsync(0);
            Assert.False(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        });

        // Added on the way out only: nothing the build wrote mentions it.
        var published = Directory.EnumerateFiles(_server.Output, "*.html", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(published);
        Assert.DoesNotContain(published, file => File.ReadAllText(file).Contains("/_serve/", StringComparison.Ordinal));
    }
}
