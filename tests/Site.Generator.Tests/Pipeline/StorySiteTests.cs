using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Pipeline;

public sealed class StorySiteTests
{
    private const string Site = TestSite.MinimalConfig + """

        -- content/stories/2026/jiedai.md --
        ---
        title: 每月十五的接待日
        date: 2026-10-16
        column: 家站点动态
        author: 周通讯员
        tags: [接待选民, 联络站]
        cover: jiedai.jpg
        summary: 联络站接待群众二十一人次。
        ---

        ## 现场答复

        **当场答复**，群众满意。![接待现场](jiedai.jpg)

        <script>alert(1)</script>
        -- content/stories/2026/jiedai.jpg --
        not really a jpeg
        -- content/stories/2025/old.md --
        ---
        title: 去年的故事
        date: 2025-01-02
        column: 履职故事
        ---
        见[今年的接待日](../2026/jiedai.md)。
        """;

    [Fact]
    public async Task Build_Story_AppearsOnHomeColumnTagFeedAndSitemap()
    {
        using var site = await TestSite.BuildAsync(Site);

        site.AssertFile("stories/jiedai/index.html", "<h1>每月十五的接待日</h1>", "lang=\"zh-CN\"", "通讯员 周通讯员", "2026年10月16日");
        site.AssertFile("index.html", "href=\"/stories/jiedai/\"");
        site.AssertFile("columns/dongtai/index.html", "每月十五的接待日", "! 去年的故事");
        site.AssertFile("tags/接待选民/index.html", "每月十五的接待日");
        site.AssertFile("stories/index.html", "每月十五的接待日", "去年的故事");
        site.AssertFile("feed.xml", "<title>每月十五的接待日</title>", "https://test.example/stories/jiedai/");
        site.AssertFile("sitemap.xml", "<loc>https://test.example/stories/jiedai/</loc>", "%E6%8E%A5%E5%BE%85%E9%80%89%E6%B0%91");
    }

    [Fact]
    public async Task Build_ImageBesideStory_IsCopiedAndResolvesFromPrettyUrl()
    {
        using var site = await TestSite.BuildAsync(Site);

        var page = site.Html("stories/jiedai/index.html");
        Assert.Equal("/stories/2026/jiedai.jpg", page.QuerySelector(".prose img")!.GetAttribute("src"));
        Assert.Equal("/stories/2026/jiedai.jpg", page.QuerySelector("img.cover")!.GetAttribute("src"));
        Assert.True(File.Exists(Path.Combine(site.Output, "stories/2026/jiedai.jpg")));
        Assert.Equal("/stories/jiedai/", site.Html("stories/old/index.html").QuerySelector(".prose a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Build_RawHtmlInMarkdown_IsShownAsTextNotRun()
    {
        using var site = await TestSite.BuildAsync(Site);

        site.AssertFile("stories/jiedai/index.html", "&lt;script&gt;alert(1)&lt;/script&gt;", "! <script>alert(1)");
    }

    [Fact]
    public async Task Build_ChineseHeading_GetsChineseAnchorAndOpenGraphTags()
    {
        using var site = await TestSite.BuildAsync(Site);

        var page = site.Html("stories/jiedai/index.html");
        Assert.Equal("现场答复", page.QuerySelector(".prose h2")!.Id);
        Assert.Equal("每月十五的接待日", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("https://test.example/stories/2026/jiedai.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Build_TwentyOneStories_PaginatesByTwenty()
    {
        var files = TestSite.MinimalConfig + string.Concat(Enumerable.Range(1, 21).Select(i => $"""

            -- content/stories/s{i:00}.md --
            ---
            title: 故事{i}
            date: 2026-01-{i:00}
            column: 履职故事
            ---
            正文{i}
            """));
        using var site = await TestSite.BuildAsync(files);

        Assert.Equal(20, site.Html("stories/index.html").QuerySelectorAll(".card").Length);
        site.AssertFile("stories/page/2/index.html", "故事1<", "rel=\"prev\"");
        site.AssertFile("stories/index.html", "href=\"/stories/page/2/\"");
    }

    [Fact]
    public async Task Build_SameInputTwice_WritesByteIdenticalOutputAndRewritesNothing()
    {
        using var site = await TestSite.BuildAsync(Site);
        var first = Snapshot(site.Output);
        var inode = new FileInfo(Path.Combine(site.Output, "stories/jiedai/index.html")).LastWriteTimeUtc;

        var report = await site.RebuildAsync();

        Assert.Equal(first, Snapshot(site.Output));
        Assert.Equal(report.FilesWritten, report.FilesUnchanged);
        Assert.Equal(inode, new FileInfo(Path.Combine(site.Output, "stories/jiedai/index.html")).LastWriteTimeUtc);
    }

    [Fact]
    public async Task Build_WithErrors_KeepsThePreviousGoodSite()
    {
        using var site = await TestSite.BuildAsync(Site);
        site.AddFiles("""
            -- content/stories/broken.md --
            ---
            title: 坏的
            date: 2026-13-45
            column: 履职故事
            ---
            """);

        var report = await site.RebuildAsync();

        Assert.False(report.Succeeded);
        Assert.True(File.Exists(Path.Combine(site.Output, "stories/jiedai/index.html")));
        Assert.False(Directory.Exists(site.Output + ".staging"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Build_BrokenLinkFoundWhileIndexing_KeepsThePreviousSiteAndIndex(bool withCache)
    {
        // The link is found by the Markdown conversion, which the render or the index (running beside
        // it) may do first: either way the build fails and neither output is replaced.
        var cache = withCache ? new BuildCache() : null;
        using var site = TestSite.Write(Site);
        await site.RebuildAsync(cache: cache);
        site.AssertFile("stories/jiedai/index.html", "群众满意");
        var stamp = File.ReadAllText(Path.Combine(site.IntakeFolder, "build.stamp"));
        var path = Path.Combine(site.Root, "content/stories/2026/jiedai.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("群众满意", "群众满意，见[会议纪要](minutes.md)"));

        var report = await site.RebuildAsync(cache: cache);

        var error = Assert.Single(report.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.BrokenLink);
        Assert.EndsWith("jiedai.md", error.Location.Path);
        Assert.DoesNotContain("会议纪要", site.ReadFile("stories/jiedai/index.html"));
        Assert.Equal(stamp, File.ReadAllText(Path.Combine(site.IntakeFolder, "build.stamp")));
        using (var index = SearchIndex.Open(Path.Combine(site.IntakeFolder, "index")))
        {
            Assert.Equal(0, index.Search(new SearchRequest("会议纪要")).Total);
            Assert.Equal(1, index.Search(new SearchRequest("群众满意")).Total);
        }

        Assert.False(Directory.Exists(site.IntakeFolder + ".staging"));
        Assert.False(Directory.Exists(site.Output + ".staging"));
    }

    [Fact]
    public async Task Build_EditedStory_RewritesOnlyAffectedFiles()
    {
        using var site = await TestSite.BuildAsync(Site);
        var untouched = Path.Combine(site.Output, "stories/old/index.html");
        var before = new FileInfo(untouched).LastWriteTimeUtc;
        var path = Path.Combine(site.Root, "content/stories/2026/jiedai.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("群众满意", "群众很满意"));

        var report = await site.RebuildAsync();

        site.AssertFile("stories/jiedai/index.html", "群众很满意");
        Assert.Equal(before, new FileInfo(untouched).LastWriteTimeUtc);
        Assert.True(report.FilesUnchanged > report.FilesWritten / 2);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}
