using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;
using Site.Generator.Writing;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// Content arrives from many hands (issue 20): what a careless contributor or an attacker could put in
/// content/ or input/ is refused with a positioned error, and nothing is read from outside the site
/// or written outside the output.
/// </summary>
public sealed class ContentSecurityTests : IDisposable
{
    private const string Story = """
        ---
        title: 接待日
        date: 2026-01-05
        column: 履职故事
        ---
        正文。
        """;

    // A secret outside the site root, as /etc/passwd would be on a build machine.
    private readonly DirectoryInfo _outside = Directory.CreateTempSubdirectory("site-outside-");

    public void Dispose() => _outside.Delete(recursive: true);

    private string Secret()
    {
        var path = Path.Combine(_outside.FullName, "passwd");
        File.WriteAllText(path, "root:x:0:0:secret\n");
        return path;
    }

    // 1. Symbolic links

    [Fact]
    public async Task Build_SymlinkedFile_IsRefusedNeverCopied_AndLinksToItFail()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + """

            -- content/stories/2026/a.md --
            ---
            title: 接待日
            date: 2026-01-05
            column: 履职故事
            ---
            见[笔记](notes.txt)。
            """);
        File.CreateSymbolicLink(Path.Combine(site.Root, "content/stories/2026/notes.txt"), Secret());

        await site.RebuildAsync();
        site.AssertDiagnostic("content/stories/2026/notes.txt", null, DiagnosticCodes.LinkRefused);
        Assert.False(Directory.Exists(site.Output));

        await site.RebuildAsync(checkOnly: true);
        site.AssertDiagnostic("content/stories/2026/notes.txt", null, DiagnosticCodes.LinkRefused);
        site.AssertDiagnostic("content/stories/2026/a.md", 6, DiagnosticCodes.BrokenLink);
    }

    [Fact]
    public async Task Build_SymlinkedFolder_IsRefusedAndNothingInItIsRead()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + "\n-- content/stories/a.md --\n" + Story);
        Secret();
        File.WriteAllText(Path.Combine(_outside.FullName, "leak.md"), "---\ntitle: 泄露\ndate: 2026-01-01\ncolumn: 履职故事\n---\n");
        Directory.CreateSymbolicLink(Path.Combine(site.Root, "content/stories/linked"), _outside.FullName);

        await site.RebuildAsync(checkOnly: true);

        site.AssertDiagnostic("content/stories/linked", null, DiagnosticCodes.LinkRefused);
        Assert.DoesNotContain(site.Report.Diagnostics.Sorted(), d => d.Location.Path.StartsWith("content/stories/linked/", StringComparison.Ordinal));
        Assert.Single(site.Report.Model!.Stories);
        Assert.Equal(1, site.Report.Diagnostics.ErrorCount);
    }

    [Theory]
    [InlineData("content")]
    [InlineData("input/deputies")]
    [InlineData("theme/assets")]
    public async Task Build_SymlinkedSourceFolder_IsRefused(string folder)
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + "\n-- content/pages/about.md --\n---\ntitle: 关于\n---\n");
        Secret();
        var link = Path.Combine(site.Root, folder);
        if (Directory.Exists(link))
        {
            Directory.Delete(link, recursive: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Directory.CreateSymbolicLink(link, _outside.FullName);

        await site.RebuildAsync();

        site.AssertDiagnostic(folder, null, DiagnosticCodes.LinkRefused);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Build_SymlinkedInputFiles_AreRefused()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var roster = Path.Combine(_outside.FullName, "roster.yaml");
        File.WriteAllText(roster, "- id: D1\n  name: 王建国\n  levels: [县]\n");
        Directory.CreateDirectory(Path.Combine(site.Root, "input/deputies"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/deputies/roster.yaml"), roster);
        File.Move(Path.Combine(site.Root, "input/site.yaml"), Path.Combine(_outside.FullName, "site.yaml"));
        File.CreateSymbolicLink(Path.Combine(site.Root, "input/site.yaml"), Path.Combine(_outside.FullName, "site.yaml"));

        await site.RebuildAsync(checkOnly: true);

        site.AssertDiagnostic("input/deputies/roster.yaml", null, DiagnosticCodes.LinkRefused);
        site.AssertDiagnostic("input/site.yaml", null, DiagnosticCodes.LinkRefused);
        Assert.Empty(site.Report.Model!.Deputies);
    }

    // 2. Slugs, tags and ids

    [Theory]
    [InlineData("-- content/stories/a.md --\n---\ntitle: 甲\ndate: 2026-01-05\ncolumn: 履职故事\nslug: ../../../x\n---\n", "content/stories/a.md", 5, "stories/../../../x/index.html")]
    [InlineData("-- content/stories/a.md --\n---\ntitle: 甲\ndate: 2026-01-05\ncolumn: 履职故事\ntags: [民生, ../../../y]\n---\n", "content/stories/a.md", 5, "tags/../../../y/index.html")]
    [InlineData("-- content/stories/a.md --\n---\ntitle: 甲\ndate: 2026-01-05\ncolumn: 履职故事\ntags:\n  - 民生\n  - ..\\..\\y\n---\n", "content/stories/a.md", 7, "tags/../../y/index.html")]
    [InlineData("-- content/pages/about.md --\n---\ntitle: 关于\nslug: ../z\n---\n", "content/pages/about.md", 3, "../z/index.html")]
    [InlineData("-- content/pages/about.md --\n---\ntitle: 关于\nslug: /etc\n---\n", "content/pages/about.md", 3, "etc/index.html")]
    [InlineData("-- content/drafts/d.md --\n---\ntitle: 物业管理条例\noffice: 法制工作委员会\nreading: 一审\nopens: 2026-01-01\ncloses: 2026-02-01\nslug: ../../x\n---\n第一条 为了规范物业管理活动，制定本条例。\n", "content/drafts/d.md", 7, "drafts/../../x/index.html")]
    [InlineData("-- input/deputies/roster.csv --\n代表编号,姓名,层级\nD1,王建国,县\n../../d,李四,县\n", "input/deputies/roster.csv", 3, "deputies/../../d/index.html")]
    [InlineData("-- input/stations/s.yaml --\n- id: S1/../../s\n  name: 联络站\n  kind: 代表联络站\n", "input/stations/s.yaml", 1, "stations/../../s/index.html")]
    [InlineData("-- input/suggestions/s.yaml --\n- number: ../../n\n  title: 建议\n  session: 一次会议\n  deputies: [D1]\n  status: 交办\n", "input/suggestions/s.yaml", 1, "n")]
    [InlineData("-- input/site.yaml --\ntitle: 县人大\nbaseUrl: https://test.example\ncolumns:\n  - slug: ../c\n    name: 履职故事\n", "input/site.yaml", 4, "columns/../c/index.html")]
    [InlineData("-- content/stories/a.md --\n---\ntitle: 甲\ndate: 2026-01-05\ncolumn: 履职故事\ntags: [\"\u202Egnp.exe\"]\n---\n", "content/stories/a.md", 5, "tags/x/index.html")]
    public async Task Build_UnsafeSlugTagOrId_IsAPositionedError_AndNothingIsWrittenOutside(string files, string path, int line, string wouldWrite)
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + "\n-- input/deputies/d.yaml --\n- id: D1\n  name: 王建国\n  levels: [县]\n" + files);

        await site.RebuildAsync();

        var error = site.AssertDiagnostic(path, line, DiagnosticCodes.UnsafeName);
        Assert.Contains("不能用作网址", error.Message);
        Assert.False(Directory.Exists(site.Output));
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(site.Output, wouldWrite))));
    }

    [Fact]
    public async Task Build_BallotAndCandidateIds_AreChecked()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- input/ballots/b.yaml --
            id: ../b
            body: 射埠镇人民代表大会
            year: 2025
            due: 10
            present: 10
            places: 1
            candidates:
            - {id: ../../p, title: 停车场, for: 9}
            - {id: P2, title: 饮水, for: 1}
            """, checkOnly: true);

        site.AssertDiagnostic("input/ballots/b.yaml", 1, DiagnosticCodes.UnsafeName);
        site.AssertDiagnostic("input/ballots/b.yaml", 8, DiagnosticCodes.UnsafeName);
    }

    [Fact]
    public async Task Build_FileNameThatCannotBeAUrl_NeedsASlug()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + "\n-- content/stories/代表 之家#1.md --\n" + Story
            + "\n-- content/stories/代表之家·二.md --\n" + Story
            + "\n-- content/stories/有网址名 的文件.md --\n" + Story.Replace("column: 履职故事", "column: 履职故事\nslug: daibiao-zhijia"));

        await site.RebuildAsync();

        site.AssertDiagnostic("content/stories/代表 之家#1.md", 1, DiagnosticCodes.UnsafeName);
        Assert.Equal(1, site.Report.Diagnostics.ErrorCount);
    }

    [Fact]
    public async Task Build_ChineseSlugsTagsAndIds_StillWork()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- input/deputies/roster.csv --
            代表编号,姓名,层级
            D0001,王建国,县
            -- input/suggestions/s.yaml --
            - number: 2026/016
              title: 建议
              session: 一次会议
              deputies: [D0001]
              status: 交办
            -- content/stories/代表之家.md --
            ---
            title: 接待日
            date: 2026-01-05
            column: 履职故事
            tags: [民生实事, 3·15, COVID-19, 十四五规划]
            ---
            正文。
            """);

        site.AssertNoErrors();
        Assert.True(File.Exists(Path.Combine(site.Output, "stories/代表之家/index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "tags/3·15/index.html")));
        Assert.True(File.Exists(Path.Combine(site.Output, "deputies/D0001/index.html")));
    }

    [Theory]
    [InlineData("../escape/index.html")]
    [InlineData("a/../../escape/index.html")]
    [InlineData("/tmp/escape/index.html")]
    [InlineData("a\\..\\..\\escape")]
    [InlineData("a//b")]
    [InlineData("..")]
    [InlineData("")]
    public void Writer_BypassingValidation_RefusesPathsOutsideItsFolder(string relativePath)
    {
        var root = Directory.CreateTempSubdirectory("site-writer-");
        try
        {
            var output = Path.Combine(root.FullName, "deep", "_site");
            using (var writer = new SiteWriter(output))
            {
                Assert.Throws<UnsafeOutputPathException>(() => writer.Write(relativePath, "<p>x</p>"u8));
                Assert.Throws<UnsafeOutputPathException>(() => writer.Copy(relativePath, Secret()));
                writer.Write("stories/a/index.html", "<p>ok</p>"u8);
                writer.Commit();
            }

            var files = Directory.EnumerateFiles(root.FullName, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root.FullName, f).Replace('\\', '/'));
            Assert.Equal(["deep/_site/stories/a/index.html"], files);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public void Writer_RefusesToCopyALink()
    {
        var root = Directory.CreateTempSubdirectory("site-writer-");
        try
        {
            var link = Path.Combine(root.FullName, "notes.txt");
            File.CreateSymbolicLink(link, Secret());
            using var writer = new SiteWriter(Path.Combine(root.FullName, "_site"));
            Assert.Throws<UnsafeOutputPathException>(() => writer.Copy("notes.txt", link));
            Assert.False(File.Exists(Path.Combine(writer.StagingPath, "notes.txt")));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("content")]
    [InlineData("input/deputies")]
    public async Task Build_OutputThatWouldReplaceTheSources_IsRefused(string output)
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + "\n-- content/stories/a.md --\n" + Story);

        await site.RebuildAsync(output: Path.Combine(site.Root, output));

        site.AssertDiagnostic("--out", null, DiagnosticCodes.UnsafeOutput);
        Assert.True(File.Exists(Path.Combine(site.Root, "content/stories/a.md")));
        Assert.True(File.Exists(Path.Combine(site.Root, "input/site.yaml")));
    }

    [Fact]
    public async Task Build_OutputThatIsAFile_IsRefusedBeforeAnythingIsReplaced()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + "\n-- content/stories/a.md --\n" + Story);
        var parent = Path.Combine(site.Root, "elsewhere");
        Directory.CreateDirectory(Path.Combine(parent, "_intake"));
        File.WriteAllText(Path.Combine(parent, "_intake", "build.stamp"), "earlier");
        var file = Path.Combine(parent, "afile");
        File.WriteAllText(file, "x");

        await site.RebuildAsync(output: file);

        site.AssertDiagnostic("--out", null, DiagnosticCodes.UnsafeOutput);
        Assert.Equal("x", File.ReadAllText(file));
        // The endpoint's data beside it is the earlier build's, untouched.
        Assert.Equal("earlier", File.ReadAllText(Path.Combine(parent, "_intake", "build.stamp")));
    }

    // 3. Host control files and file types

    [Fact]
    public async Task Build_HostControlFiles_AreNeverPublished_WithAWarning()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- content/_headers --
            /*
              Content-Security-Policy: default-src *
            -- content/_redirects --
            /drafts/*  https://evil.example/:splat  302
            -- content/netlify.toml --
            [[redirects]]
            from = "/*"
            to = "https://evil.example/"
            -- content/stories/_redirects --
            /* https://evil.example/ 302
            -- content/pages/about.md --
            ---
            title: 关于
            ---
            """);

        site.AssertNoErrors();
        site.AssertDiagnostic("content/_headers", null, DiagnosticCodes.HostControlFile, Severity.Warning);
        site.AssertDiagnostic("content/_redirects", null, DiagnosticCodes.HostControlFile, Severity.Warning);
        site.AssertDiagnostic("content/netlify.toml", null, DiagnosticCodes.HostControlFile, Severity.Warning);
        site.AssertDiagnostic("content/stories/_redirects", null, DiagnosticCodes.HostControlFile, Severity.Warning);
        Assert.False(File.Exists(Path.Combine(site.Output, "_headers")));
        Assert.False(File.Exists(Path.Combine(site.Output, "_redirects")));
        Assert.False(File.Exists(Path.Combine(site.Output, "netlify.toml")));
        Assert.False(File.Exists(Path.Combine(site.Output, "stories/_redirects")));
    }

    [Theory]
    [InlineData("content/stories/x.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>", "PNG")]
    [InlineData("content/stories/x.html", "<script>alert(1)</script>", ".html")]
    [InlineData("content/x.js", "alert(1)", ".js")]
    public async Task Build_ActiveFileTypes_AreRefused(string path, string text, string hint)
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + $"\n-- {path} --\n{text}\n");

        var error = site.AssertDiagnostic(path, null, DiagnosticCodes.StaticFileType);
        Assert.Contains(hint, error.Message);
        Assert.False(Directory.Exists(site.Output));
    }

    // 4. Covers and images

    [Theory]
    [InlineData("javascript:alert(1)", DiagnosticCodes.BadImage)]
    [InlineData("JavaScript:alert(1)", DiagnosticCodes.BadImage)]
    [InlineData("data:image/png;base64,AAAA", DiagnosticCodes.BadImage)]
    [InlineData("//other.example/x.jpg", DiagnosticCodes.BadImage)]
    [InlineData("https://other.example/x.jpg", DiagnosticCodes.BadImage)]
    [InlineData("http://other.example/x.jpg", DiagnosticCodes.BadImage)]
    [InlineData("x.svg", DiagnosticCodes.BadImage)]
    [InlineData("notes.pdf", DiagnosticCodes.BadImage)]
    [InlineData("images\\cover.jpg", DiagnosticCodes.BadImage)]
    [InlineData("missing.jpg", DiagnosticCodes.MissingImage)]
    [InlineData("../../../../etc/passwd.jpg", DiagnosticCodes.MissingImage)]
    [InlineData("/other/cover.jpg", DiagnosticCodes.MissingImage)]
    public async Task Build_BadCover_IsAPositionedError(string cover, string code)
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + $"""

            -- content/stories/notes.pdf --
            %PDF-1.4
            -- content/stories/cover.jpg --
            jpeg
            -- content/stories/a.md --
            ---
            title: 接待日
            date: 2026-01-05
            column: 履职故事
            cover: '{cover}'
            ---
            正文。
            """);

        site.AssertDiagnostic("content/stories/a.md", 5, code);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("cover.jpg", "/stories/2026/cover.jpg")]
    [InlineData("/stories/2026/cover.jpg", "/stories/2026/cover.jpg")]
    [InlineData("../images/banner.PNG", "/stories/images/banner.PNG")]
    public async Task Build_LocalCover_IsShownFromTheSite(string cover, string src)
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + $"""

            -- content/stories/2026/cover.jpg --
            jpeg
            -- content/stories/images/banner.PNG --
            png
            -- content/stories/2026/a.md --
            ---
            title: 接待日
            date: 2026-01-05
            column: 履职故事
            cover: {cover}
            ---
            正文。
            """);

        site.AssertNoErrors();
        Assert.Equal(src, site.Html("stories/a/index.html").QuerySelector("img.cover")?.GetAttribute("src"));
    }

    [Fact]
    public async Task Check_MarkdownImages_MustBeLocalImagesOfAllowedTypes()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- content/stories/ok.png --
            png
            -- content/stories/a.pdf --
            %PDF-1.4
            -- content/stories/a.md --
            ---
            title: 接待日
            date: 2026-01-05
            column: 履职故事
            ---
            ![好](ok.png)
            ![外站](https://other.example/a.png)
            ![无协议](//other.example/a.png)
            ![SVG](a.svg)
            ![PDF](a.pdf)
            ![脚本](javascript:alert(1))
            [附件](a.pdf)
            """, checkOnly: true);

        var errors = site.Report.Diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal([7, 8, 9, 10, 11], errors.Select(e => e.Location.Line));
        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.BadImage, e.Code));
    }

    [Fact]
    public async Task Check_DeputyPhotos_MustExistAndBeImages()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- content/deputies/D1.jpg --
            jpeg
            -- content/deputies/D4.bmp --
            bmp
            -- content/people/D5.webp --
            webp
            -- input/deputies/roster.csv --
            代表编号,姓名,层级,照片
            D1,王建国,县,D1.jpg
            D2,李四,县,D2.jpg
            D3,赵五,县,javascript:alert(1)
            D4,钱六,县,D4.bmp
            D5,孙七,县,/people/D5.webp
            D6,周八,县,
            """, checkOnly: true);

        site.AssertDiagnostic("input/deputies/roster.csv", 3, DiagnosticCodes.MissingImage);
        site.AssertDiagnostic("input/deputies/roster.csv", 4, DiagnosticCodes.BadImage);
        site.AssertDiagnostic("input/deputies/roster.csv", 5, DiagnosticCodes.BadImage);

        // D1.jpg and D5.webp exist but hold text, not pictures.
        site.AssertDiagnostic("input/deputies/roster.csv", 2, DiagnosticCodes.UnreadablePhoto);
        site.AssertDiagnostic("input/deputies/roster.csv", 6, DiagnosticCodes.UnreadablePhoto);
        Assert.Equal(5, site.Report.Diagnostics.ErrorCount - site.Report.Diagnostics.Sorted().Count(d => d.Code == DiagnosticCodes.StaticFileType));
        Assert.Equal("/deputies/D1.jpg", site.Report.Model!.Deputies.Single(d => d.Id.Value == "D1").Photo);
        Assert.Equal("/people/D5.webp", site.Report.Model!.Deputies.Single(d => d.Id.Value == "D5").Photo);
    }

    // 5. Collisions with generated files, exit codes

    [Theory]
    [InlineData("content/robots.txt", "User-agent: *\nDisallow: /")]
    [InlineData("content/stories/a.txt", "a story's slug is a.txt, so /stories/a.txt/ is a page")]
    [InlineData("content/robots.txt/x.png", "png")]
    public async Task BuildAndCheck_ContentFileCollidingWithAGeneratedOne_IsAPositionedError(string path, string text)
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + $"\n-- {path} --\n{text}\n-- content/stories/b.md --\n"
            + Story.Replace("column: 履职故事", "column: 履职故事\nslug: a.txt"));

        await site.RebuildAsync();
        site.AssertDiagnostic(path, null, DiagnosticCodes.OutputCollision);
        Assert.False(Directory.Exists(site.Output));

        await site.RebuildAsync(checkOnly: true);
        site.AssertDiagnostic(path, null, DiagnosticCodes.OutputCollision);
    }

    [Fact]
    public async Task Serve_ContentFileCollision_IsReported_AndTheNextRebuildRecovers()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + "\n-- content/stories/a.md --\n" + Story);
        var cache = new BuildCache();
        await site.RebuildAsync(cache: cache);
        site.AssertNoErrors();

        site.AddFiles("-- content/robots.txt --\nUser-agent: *\n");
        await site.RebuildAsync(cache: cache);
        site.AssertDiagnostic("content/robots.txt", null, DiagnosticCodes.OutputCollision);
        Assert.Contains("Sitemap:", site.ReadFile("robots.txt"));

        File.Delete(Path.Combine(site.Root, "content/robots.txt"));
        await site.RebuildAsync(cache: cache);
        site.AssertNoErrors();
    }
}
