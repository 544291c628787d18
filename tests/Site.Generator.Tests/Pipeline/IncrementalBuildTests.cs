using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// `serve` keeps a <see cref="BuildCache"/> between builds and redoes only what an edit affects.
/// Whatever it skips, the result must be exactly what a fresh build of the same files gives.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private const string Site = TestSite.MinimalConfig + """

        -- content/stories/2026/jiedai.md --
        ---
        title: 每月十五的接待日
        date: 2026-10-16
        column: 家站点动态
        tags: [接待日]
        summary: 联络站接待群众二十一人次。
        ---
        代表们在联络站听取了关于老旧小区加装电梯的意见。
        -- content/stories/2026/dianti.md --
        ---
        title: 加装电梯的建议有了回音
        date: 2026-09-02
        column: 履职故事
        tags: [建议办理]
        ---
        详见[接待日的记录](jiedai.md)。住建部门已经答复。
        -- content/stories/2025/qiaoliang.md --
        ---
        title: 一座桥的三年
        date: 2025-05-20
        column: 履职故事
        tags: [建议办理]
        ---
        村民盼了三年的便民桥终于通车。
        -- content/about.md --
        ---
        title: 关于本站
        ---
        本站由县人大常委会办公室维护。
        """;

    private readonly TestSite _site = TestSite.Write(Site);
    private readonly BuildCache _cache = new();
    private readonly List<string> _temp = [];

    [Fact]
    public async Task Rebuild_AfterBodyEdit_RendersOnlyThatStoryAndLeavesOtherFilesUntouched()
    {
        await _site.RebuildAsync(cache: _cache);
        _site.AssertNoErrors();
        var before = BackDate(_site.Output);

        Edit("content/stories/2026/jiedai.md", "加装电梯的意见", "加装电梯和增设充电桩的意见");
        await _site.RebuildAsync(cache: _cache);

        _site.AssertNoErrors();
        Assert.Equal(1, _site.Report.PagesRendered);
        _site.AssertFile("stories/jiedai/index.html", "增设充电桩");
        var touched = before.Where(f => File.GetLastWriteTimeUtc(Path.Combine(_site.Output, f)) != LongAgo).ToList();

        // The signed manifest lists every file's SHA-256, so it (and its signature) changes with any file.
        Assert.Equal(["stories/jiedai/index.html"], touched.Where(f => !f.StartsWith("site-manifest.json", StringComparison.Ordinal)));
        Assert.Equal(["site-manifest.json", "site-manifest.json.sig"], touched.Where(f => f.StartsWith("site-manifest.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Equal(["/stories/jiedai/"], Urls("充电桩"));
    }

    [Fact]
    public async Task Rebuild_AfterTitleEdit_RendersEveryPageThatShowsTheTitle()
    {
        await _site.RebuildAsync(cache: _cache);

        Edit("content/stories/2025/qiaoliang.md", "一座桥的三年", "便民桥通车了");
        await _site.RebuildAsync(cache: _cache);

        _site.AssertNoErrors();
        _site.AssertFile("stories/index.html", "便民桥通车了", "! 一座桥的三年");
        _site.AssertFile("columns/lvzhi/index.html", "便民桥通车了");
        _site.AssertFile("tags/建议办理/index.html", "便民桥通车了");
        _site.AssertFile("feed.xml", "便民桥通车了");
        Assert.InRange(_site.Report.PagesRendered, 4, _site.Report.Pages - 1);
        Assert.Empty(Urls("一座桥的三年"));
        Assert.Equal(["/stories/qiaoliang/"], Urls("便民桥通车了"));
    }

    [Fact]
    public async Task Rebuild_AfterAddingTheNewestStory_KeepsUnaffectedPagesThoughEachMovedInThePlan()
    {
        // The newest story is planned first: every other story's page comes one place later than in
        // the last build, and is still found, compared and kept by its path.
        await _site.RebuildAsync(cache: _cache);
        var before = BackDate(_site.Output);
        _site.AddFiles("""
            -- content/stories/2026/xinqiao.md --
            ---
            title: 第二座便民桥开工
            date: 2026-11-20
            column: 履职故事
            tags: [建议办理]
            ---
            代表们又提出了修建第二座桥的建议。
            """);
        await _site.RebuildAsync(cache: _cache);

        _site.AssertNoErrors();
        _site.AssertFile("stories/xinqiao/index.html", "第二座便民桥开工");
        _site.AssertFile("stories/index.html", "第二座便民桥开工", "一座桥的三年");
        _site.AssertFile("columns/lvzhi/index.html", "第二座便民桥开工");
        _site.AssertFile("tags/建议办理/index.html", "第二座便民桥开工");

        // The other column's story and the plain page show nothing of it; stories of its column list it as related.
        var touched = before.Where(f => File.GetLastWriteTimeUtc(Path.Combine(_site.Output, f)) != LongAgo).ToHashSet();
        Assert.DoesNotContain("stories/jiedai/index.html", touched);
        Assert.DoesNotContain(before.Single(f => f.EndsWith("about/index.html", StringComparison.Ordinal)), touched);
        Assert.Contains("stories/dianti/index.html", touched);
        Assert.InRange(_site.Report.PagesRendered, 5, _site.Report.Pages / 2);
        AssertSameAsFreshBuild();
    }

    [Fact]
    public async Task Rebuild_AfterRemovingAStory_DeletesItsPageAndHit()
    {
        await _site.RebuildAsync(cache: _cache);

        File.Delete(Path.Combine(_site.Root, "content/stories/2025/qiaoliang.md"));
        await _site.RebuildAsync(cache: _cache);

        _site.AssertNoErrors();
        Assert.False(Directory.Exists(Path.Combine(_site.Output, "stories/qiaoliang")));
        Assert.Empty(Urls("便民桥"));
        _site.AssertFile("stories/index.html", "! 一座桥的三年");

        // The cache forgets the file too: a long serve session does not keep what was deleted.
        Assert.Equal(3, _cache.LoadedDocumentCount);
    }

    [Fact]
    public async Task Rebuild_LinkBrokenByRemoval_IsReportedEveryBuildAndTheSiteStays()
    {
        await _site.RebuildAsync(cache: _cache);

        File.Delete(Path.Combine(_site.Root, "content/stories/2026/jiedai.md"));
        await _site.RebuildAsync(cache: _cache);
        _site.AssertDiagnostic("content/stories/2026/dianti.md", null, "SG3103");
        await _site.RebuildAsync(cache: _cache);
        _site.AssertDiagnostic("content/stories/2026/dianti.md", null, "SG3103");

        // A failed build keeps the last good site, and the next good build starts from it.
        Assert.True(File.Exists(Path.Combine(_site.Output, "stories/jiedai/index.html")));
        Edit("content/stories/2026/dianti.md", "详见[接待日的记录](jiedai.md)。", "");
        await _site.RebuildAsync(cache: _cache);
        _site.AssertNoErrors();
        Assert.False(File.Exists(Path.Combine(_site.Output, "stories/jiedai/index.html")));
        _site.AssertFile("stories/dianti/index.html", "! 接待日的记录");
    }

    [Fact]
    public async Task Rebuild_FileWithYamlError_IsReportedEveryBuild()
    {
        _site.AddFiles("""
            -- content/stories/2026/bad.md --
            ---
            title: [没有闭合
            ---
            正文
            """);
        await _site.RebuildAsync(cache: _cache);
        var first = _site.Report.Diagnostics.Sorted().Where(d => d.Location.Path == "content/stories/2026/bad.md").ToList();
        await _site.RebuildAsync(cache: _cache);
        var second = _site.Report.Diagnostics.Sorted().Where(d => d.Location.Path == "content/stories/2026/bad.md").ToList();

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Rebuild_ColumnRenamed_UnchangedStoriesAreValidatedAgain()
    {
        await _site.RebuildAsync(cache: _cache);
        _site.AssertNoErrors();

        // The story files are unchanged; the column they name is gone.
        Edit("input/site.yaml", "name: 履职故事", "name: 代表履职");
        await _site.RebuildAsync(cache: _cache);
        _site.AssertDiagnostic("content/stories/2026/dianti.md", 4, "SG2101");
        _site.AssertDiagnostic("content/stories/2025/qiaoliang.md", 4, "SG2101");

        Edit("input/site.yaml", "name: 代表履职", "name: 履职故事");
        Edit("input/site.yaml", "slug: lvzhi", "slug: lvzhigushi");
        await _site.RebuildAsync(cache: _cache);
        _site.AssertNoErrors();
        _site.AssertFile("columns/lvzhigushi/index.html", "一座桥的三年");
        AssertSameAsFreshBuild();
    }

    [Fact]
    public async Task Rebuild_UnchangedStoryWithWarning_IsWarnedEveryBuild()
    {
        Edit("content/stories/2026/jiedai.md", "tags: [接待日]", "tags: [接待日]\nauthour: 办公室");
        await _site.RebuildAsync(cache: _cache);
        _site.AssertDiagnostic("content/stories/2026/jiedai.md", 6, "SG2003", Severity.Warning);
        await _site.RebuildAsync(cache: _cache);
        _site.AssertDiagnostic("content/stories/2026/jiedai.md", 6, "SG2003", Severity.Warning);
    }

    [Fact]
    public async Task Rebuild_AfterABuildFromElsewhere_DoesNotTrustTheCache()
    {
        await _site.RebuildAsync(cache: _cache);

        // `site build` from another terminal rewrites the output while `serve` holds its cache.
        Edit("content/stories/2025/qiaoliang.md", "终于通车", "去年通车");
        await _site.RebuildAsync();
        Edit("content/about.md", "维护", "维护和更新");
        await _site.RebuildAsync(cache: _cache);

        _site.AssertNoErrors();
        Assert.Equal(_site.Report.Pages, _site.Report.PagesRendered);
        _site.AssertFile("stories/qiaoliang/index.html", "去年通车");
        AssertSameAsFreshBuild();
    }

    [Fact]
    public async Task Rebuild_SeriesOfEdits_GivesExactlyTheFreshBuildsOutputAndIndex()
    {
        await _site.RebuildAsync(cache: _cache);
        Edit("content/stories/2026/jiedai.md", "二十一人次", "二十三人次");
        await _site.RebuildAsync(cache: _cache);
        _site.AddFiles("""
            -- content/stories/2026/xin.md --
            ---
            title: 新设的代表联络站
            date: 2026-11-01
            column: 家站点动态
            tags: [接待日, 新站]
            ---
            新站首次接待，[电梯的事](dianti.md)也有人问。
            """);
        await _site.RebuildAsync(cache: _cache);
        File.Delete(Path.Combine(_site.Root, "content/stories/2025/qiaoliang.md"));
        await _site.RebuildAsync(cache: _cache);
        Edit("content/about.md", "县人大常委会办公室", "县人大常委会办公室（研究室）");
        await _site.RebuildAsync(cache: _cache);

        // A new date moves the story in lists and changes its lastmod in the sitemap.
        Edit("content/stories/2026/xin.md", "date: 2026-11-01", "date: 2026-11-02");
        await _site.RebuildAsync(cache: _cache);

        _site.AssertNoErrors();
        Assert.True(_site.Report.PagesRendered < _site.Report.Pages);
        Assert.Contains("<lastmod>2026-11-02</lastmod>", File.ReadAllText(Path.Combine(_site.Output, "sitemap.xml")));
        AssertSameAsFreshBuild();
    }

    [Fact]
    public async Task Rebuild_StoryRenamedAndAnotherEditedInOneSave_GivesExactlyTheFreshBuild()
    {
        // As many files as before, one of them new: the loader must still drop the old path and
        // read the new one, and the renamed page must be checked and written at its new path.
        await _site.RebuildAsync(cache: _cache);
        File.Move(Path.Combine(_site.Root, "content/stories/2025/qiaoliang.md"), Path.Combine(_site.Root, "content/stories/2025/bianminqiao.md"));
        Edit("content/stories/2026/jiedai.md", "二十一人次", "二十三人次"); // same length: only the modification time tells
        await _site.RebuildAsync(cache: _cache);

        _site.AssertNoErrors();
        Assert.False(File.Exists(Path.Combine(_site.Output, "stories", "qiaoliang", "index.html")));
        _site.AssertFile("stories/bianminqiao/index.html", "便民桥");
        _site.AssertFile("stories/jiedai/index.html", "二十三人次");
        Assert.Equal(4, _cache.LoadedDocumentCount);
        AssertSameAsFreshBuild();
    }

    public void Dispose()
    {
        _site.Dispose();
        foreach (var folder in _temp.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void AssertSameAsFreshBuild() => FreshBuild.AssertSameOutput(_site.Root, _site.Output, _site.IntakeFolder, _temp);

    private void Edit(string relativePath, string from, string to)
    {
        var path = Path.Combine(_site.Root, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    private List<string> Urls(string query)
    {
        using var index = SearchIndex.Open(Path.Combine(_site.IntakeFolder, "index"));
        return index.Search(new SearchRequest(query)).Hits.Select(h => h.Url).ToList();
    }

    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Dates every output file in the past: a file rewritten or replaced afterwards has a new date.</summary>
    private static List<string> BackDate(string folder)
    {
        var files = System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        files.ForEach(f => File.SetLastWriteTimeUtc(f, LongAgo));
        return files.Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).ToList();
    }
}
