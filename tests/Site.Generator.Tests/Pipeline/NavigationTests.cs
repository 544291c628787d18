using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>The main navigation comes from site.yaml's nav:, and leaves out sections the site has no page for.</summary>
public sealed class NavigationTests
{
    [Fact]
    public async Task Nav_FromSiteYaml_InItsOrderWithoutEmptySections()
    {
        using var site = await TestSite.BuildAsync("""
            -- input/site.yaml --
            title: 测试县人大
            baseUrl: https://test.example
            nav:
              - title: 履职故事
                url: /stories/
              - title: 民生实事
                url: /ballots/
              - title: 首页
                url: /
              - title: 省人大
                url: https://www.example.gov.cn/
            """);

        site.AssertNoErrors();
        var links = site.Html("index.html").QuerySelectorAll("nav.site-nav a")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href")))
            .Distinct()
            .ToList();
        Assert.Contains(("履职故事", "/stories/"), links);
        Assert.Contains(("首页", "/"), links);
        Assert.Contains(("省人大", "https://www.example.gov.cn/"), links);
        Assert.DoesNotContain(links, l => l.Item2 == "/ballots/"); // no ballots, no ballot pages
        Assert.DoesNotContain(links, l => l.Item2 == "/deputies/"); // not in this site's nav
        Assert.True(links.IndexOf(("履职故事", "/stories/")) < links.IndexOf(("首页", "/")));
    }

    [Fact]
    public async Task Nav_WithARelativeUrl_IsAnErrorAtItsLine()
    {
        using var site = await TestSite.BuildAsync("""
            -- input/site.yaml --
            title: 测试县人大
            baseUrl: https://test.example
            nav:
              - title: 代表
                url: deputies
            """, checkOnly: true);

        site.AssertDiagnostic("input/site.yaml", 5, DiagnosticCodes.BadValue);
    }
}
