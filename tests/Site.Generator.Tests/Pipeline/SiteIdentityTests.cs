using Site.Generator.Diagnostics;
using Site.Generator.Serving;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// The footer a government site shows (主办单位, 联系方式, 网站标识码, ICP备案号, 公安备案号, 政务新媒体)
/// and the share defaults (logo, description) from input/site.yaml; each only when set.
/// </summary>
public sealed class SiteIdentityTests
{
    private const string Config = """
        -- input/site.yaml --
        title: 测试县人大
        description: 找代表、看票决、提意见。
        baseUrl: https://test.example
        logo: images/logo.png
        organizer: 测试县人大常委会办公室
        contact: 0731-50000000
        siteCode: "4303210000"
        icp: 湘ICP备00000000号
        policeRecord: 湘公网安备43032102000000号
        wechat:
          name: 测试县人大
          url: https://mp.weixin.qq.com/s/example
        columns:
          - slug: lvzhi
            name: 履职故事
        -- content/images/logo.png --
        (the bytes of a PNG)
        -- content/pages/about.md --
        ---
        title: 关于本站
        ---
        本站由测试县人大常委会办公室主办。
        """;

    [Fact]
    public async Task EverySetting_IsShownInTheFooter_AndTheLogoIsEveryPagesShareImage()
    {
        using var site = await TestSite.BuildAsync(Config);
        site.AssertNoErrors();

        foreach (var path in new[] { "index.html", "about/index.html", "404.html" })
        {
            var html = site.Html(path);
            var footer = html.QuerySelector("footer.site-footer")!;
            Assert.Contains("主办单位：测试县人大常委会办公室", footer.TextContent);
            Assert.Contains("联系方式：0731-50000000", footer.TextContent);
            Assert.Contains("网站标识码：4303210000", footer.TextContent);
            Assert.Equal("https://beian.miit.gov.cn/", footer.QuerySelectorAll("a").Single(a => a.TextContent == "湘ICP备00000000号").GetAttribute("href"));
            Assert.EndsWith("code=43032102000000", footer.QuerySelectorAll("a").Single(a => a.TextContent == "湘公网安备43032102000000号").GetAttribute("href"));
            Assert.Equal("https://mp.weixin.qq.com/s/example", footer.QuerySelectorAll("a").Single(a => a.TextContent.Contains("微信公众号“测试县人大”")).GetAttribute("href"));

            Assert.Equal("https://test.example/images/logo.png", html.QuerySelector("meta[property='og:image']")?.GetAttribute("content"));
            Assert.Equal("https://test.example/images/logo.png", html.QuerySelector("meta[itemprop=image]")?.GetAttribute("content"));
            Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector("meta[property='og:description']")?.GetAttribute("content")));
        }

        Assert.True(File.Exists(Path.Combine(site.Output, "images", "logo.png")));
    }

    [Fact]
    public async Task NothingSet_ShowsNoFilingLines_AndNoShareImage()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig);
        site.AssertNoErrors();

        var html = site.Html("index.html");
        var footer = html.QuerySelector("footer.site-footer")!.TextContent;
        Assert.DoesNotContain("主办单位", footer);
        Assert.DoesNotContain("网站标识码", footer);
        Assert.DoesNotContain("政务新媒体", footer);
        Assert.Null(html.QuerySelector("meta[property='og:image']"));
    }

    [Fact]
    public async Task BadSettings_AreNamedInChinese_AllInOneRun()
    {
        using var site = await TestSite.BuildAsync("""
            -- input/site.yaml --
            title: 测试县人大
            baseUrl: https://test.example
            logo: images/logo.svg
            siteCode: 43032
            policeRecord: 公安备案
            wechat:
              name: 测试县人大
              url: http://mp.weixin.qq.com/s/example
            """, checkOnly: true);

        Assert.Contains("网站标识码", site.AssertDiagnostic("input/site.yaml", 4, DiagnosticCodes.BadValue).Message);
        Assert.Contains("PNG 或 JPEG", site.AssertDiagnostic("input/site.yaml", 3, DiagnosticCodes.BadValue).Message);
        Assert.Contains("备案编号", site.AssertDiagnostic("input/site.yaml", 5, DiagnosticCodes.BadValue).Message);
        Assert.Contains("https://", site.AssertDiagnostic("input/site.yaml", 8, DiagnosticCodes.BadValue).Message);
    }

    [Fact]
    public async Task MissingLogo_IsAnError()
    {
        using var site = await TestSite.BuildAsync("""
            -- input/site.yaml --
            title: 测试县人大
            logo: images/logo.png
            """, checkOnly: true);

        Assert.Contains("content/images/logo.png", site.AssertDiagnostic("input/site.yaml", 2, DiagnosticCodes.MissingImage).Message);
    }

    /// <summary>serve adds its script to HTML on the way out; the built files never have it.</summary>
    [Fact]
    public async Task PublishedPages_NeverCarryThePreviewScript_WhichServeAddsBeforeTheEndOfBody()
    {
        using var site = await TestSite.BuildAsync(Config);
        var page = site.ReadFile("index.html");
        Assert.DoesNotContain("/_serve/", page, StringComparison.Ordinal);

        var served = LiveReload.Inject(page, 3);
        Assert.EndsWith("<script src=\"/_serve/live.js\" data-build=\"3\"></script></body></html>", served.TrimEnd());
        Assert.Equal("<p>片段</p><script src=\"/_serve/live.js\" data-build=\"1\"></script>", LiveReload.Inject("<p>片段</p>", 1));
    }
}
