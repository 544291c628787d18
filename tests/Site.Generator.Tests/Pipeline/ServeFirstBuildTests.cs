using System.Net;
using System.Net.Sockets;
using Site.Generator.Build;
using Site.Generator.Serving;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// `serve` answers on a real Kestrel at 127.0.0.1 before its first build has ended: a path the last
/// build left a page for is served as it was, any other path says the site is being built (503,
/// retried), and the endpoint answers as usual; once the build is done, the new pages are served,
/// and a missing path, dotted or not, gets the site's 404 page.
/// </summary>
public sealed class ServeFirstBuildTests
{
    private const string Site = TestSite.MinimalConfig + """

        -- content/stories/a.md --
        ---
        title: 接待日
        date: 2026-01-05
        column: 履职故事
        ---
        正文。
        """;

    [Fact]
    public async Task BeforeTheFirstBuildEnds_TheServerAnswers_WithTheLastPagesOrABuildingPage()
    {
        using var site = TestSite.Write(Site);
        // What an earlier build left in the output folder.
        Directory.CreateDirectory(Path.Combine(site.Output, "old"));
        File.WriteAllText(Path.Combine(site.Output, "old", "index.html"), "<!DOCTYPE html><html><body><p>上一次的页面</p></body></html>");

        var port = FreePort();
        var mayBuild = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var options = BuildOptions.For(site.Root) with { Now = TestSite.Now };
        var serving = DevServer.RunAsync(options, port, stop.Token, verbose: false, firstBuildMayStart: mayBuild.Task);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            var building = await AnswerAsync(client, "/", serving);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, building.StatusCode);
            Assert.Equal("1", building.Headers.RetryAfter?.ToString());
            var page = await building.Content.ReadAsStringAsync();
            Assert.Contains("正在生成网站", page);
            Assert.Contains("http-equiv=\"refresh\"", page);
            Assert.Contains("/_serve/live.js", page); // the live-reload script brings the real page when the build is done

            var story = await client.GetAsync("/stories/a/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, story.StatusCode);

            var old = await client.GetAsync("/old/");
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
            Assert.Contains("上一次的页面", await old.Content.ReadAsStringAsync());

            // The endpoint is not behind the building page: it answers in its own terms (JSON: no index yet).
            var search = await client.GetAsync("/api/search?q=接待");
            Assert.StartsWith("application/json", search.Content.Headers.ContentType?.MediaType);
            Assert.Contains("搜索索引尚未生成", await search.Content.ReadAsStringAsync());

            mayBuild.SetResult();
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            // The build has ended when a path without a page stops getting the building page. Pages
            // appear while the build still runs, so a new page alone does not say it has ended.
            while ((await client.GetAsync("/nothing/", deadline.Token)).StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.False(serving.IsCompleted, "serve stopped");
                await Task.Delay(50, deadline.Token);
            }

            var built = await client.GetAsync("/stories/a/", deadline.Token);
            Assert.Equal(HttpStatusCode.OK, built.StatusCode);
            Assert.Contains("接待日", await built.Content.ReadAsStringAsync(deadline.Token));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", deadline.Token)).StatusCode);

            // A missing path gets the site's 404 page, with or without a dot in it.
            foreach (var missing in new[] { "/nothing/", "/foo.json", "/.env", "/about.html" })
            {
                var notFound = await client.GetAsync(missing, deadline.Token);
                Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
                Assert.Equal("text/html", notFound.Content.Headers.ContentType?.MediaType);
                Assert.Contains("<html", await notFound.Content.ReadAsStringAsync(deadline.Token));
            }
        }
        finally
        {
            mayBuild.TrySetResult();
            await stop.CancelAsync();
            try
            {
                await serving;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    [Fact]
    public async Task StaticFiles_AnswerIfNoneMatchWith304_PagesAlwaysComeWhole()
    {
        await WhenBuiltAsync(async (client, deadline) =>
        {
            var home = await client.GetAsync("/", deadline);
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var html = await home.Content.ReadAsStringAsync(deadline);
            var href = System.Text.RegularExpressions.Regex.Match(html, "rel=\"stylesheet\" href=\"([^\"]+)\"").Groups[1].Value;
            Assert.NotEqual("", href);
            var stylesheet = new Uri(client.BaseAddress!, href).PathAndQuery;
            var first = await client.GetAsync(stylesheet, deadline);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);

            using var again = new HttpRequestMessage(HttpMethod.Get, stylesheet);
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await client.SendAsync(again, deadline);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(deadline));

            // A page is never answered 304: the copy a browser kept carries an old build number for the
            // live-reload script, which would reload it forever.
            using var page = new HttpRequestMessage(HttpMethod.Get, "/");
            page.Headers.TryAddWithoutValidation("If-None-Match", "*");
            page.Headers.IfModifiedSince = DateTimeOffset.UtcNow.AddDays(1);
            var whole = await client.SendAsync(page, deadline);
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Contains(LiveReload.ScriptPath, await whole.Content.ReadAsStringAsync(deadline));
        });
    }

    /// <summary>
    /// A static page takes GET and HEAD only: POST or OPTIONS on it answers 405 with Allow and a Chinese
    /// message (it answered 404, as if the page did not exist); a path without a page stays 404, and
    /// /api/* keeps its own answers.
    /// </summary>
    [Fact]
    public async Task StaticPage_OtherMethods_Answer405WithAllow_MissingPathsStay404()
    {
        await WhenBuiltAsync(async (client, deadline) =>
        {
            foreach (var (method, path) in new[] { ("POST", "/stories/a/"), ("OPTIONS", "/stories/a/"), ("POST", "/stories/a"), ("PUT", "/"), ("DELETE", "/stories/a/index.html") })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "OPTIONS" ? null : new StringContent("text=1") };
                var answer = await client.SendAsync(request, deadline);
                Assert.True(answer.StatusCode == HttpStatusCode.MethodNotAllowed, $"{method} {path}: {(int)answer.StatusCode}");
                Assert.Equal(["GET", "HEAD"], answer.Content.Headers.Allow.Order());
                Assert.Equal("utf-8", answer.Content.Headers.ContentType?.CharSet);
                var text = await answer.Content.ReadAsStringAsync(deadline);
                Assert.Contains("只接受 GET、HEAD 请求", text);
                Assert.Contains($"不接受 {method} 请求", text);
            }

            // GET and HEAD are as before; a path without a page is still missing, whatever the method.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/stories/a/", deadline)).StatusCode);
            using (var head = new HttpRequestMessage(HttpMethod.Head, "/stories/a/"))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(head, deadline)).StatusCode);
            }

            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/stories/nothing/", new StringContent("x"), deadline)).StatusCode);
            using (var options = new HttpRequestMessage(HttpMethod.Options, "/nothing"))
            {
                Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(options, deadline)).StatusCode);
            }

            // The endpoint answers in its own terms: a GET-only interface says which methods it takes.
            var api = await client.PostAsync("/api/search", new StringContent("q=1"), deadline);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        });
    }

    /// <summary>
    /// Runs <paramref name="test"/> against `serve` of the small site on a real Kestrel once its whole
    /// first build has ended (pages appear while it still runs, so a page alone does not say so: the
    /// building page for a path without one does), then stops the server.
    /// </summary>
    private static async Task WhenBuiltAsync(Func<HttpClient, CancellationToken, Task> test)
    {
        using var site = TestSite.Write(Site);
        var port = FreePort();
        using var stop = new CancellationTokenSource();
        var serving = DevServer.RunAsync(BuildOptions.For(site.Root) with { Now = TestSite.Now }, port, stop.Token);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while ((await AnswerAsync(client, "/nothing/", serving)).StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(50, deadline.Token);
            }

            await test(client, deadline.Token);
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await serving;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>The first answer on <paramref name="path"/>, retried while Kestrel is still starting.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string path, Task serving)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            Assert.False(serving.IsCompleted, "serve stopped before answering");
            try
            {
                return await client.GetAsync(path, deadline.Token);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
