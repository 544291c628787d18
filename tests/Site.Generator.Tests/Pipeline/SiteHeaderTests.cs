using AngleSharp.Html.Parser;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// The header and footer are rendered once per build (ChromeMarkup) and written into every page: each page
/// still marks its own section's navigation item, and only it, as the current page.
/// </summary>
[Collection(nameof(SampleSite))]
public sealed class SiteHeaderTests(SampleSite sample)
{
    [Theory]
    [InlineData("index.html", "/")]
    [InlineData("deputies/index.html", "/deputies/")]
    [InlineData("deputies/D0001/index.html", "/deputies/")]
    [InlineData("stations/S01/index.html", "/stations/")]
    [InlineData("suggestions/index.html", "/suggestions/")]
    [InlineData("ballots/huashi-2026/index.html", "/ballots/")]
    [InlineData("drafts/wuye-guanli-tiaoli/index.html", "/drafts/")]
    [InlineData("stories/daibiao-fengcai-nongji/index.html", "/stories/")]
    [InlineData("tags/index.html", "/stories/")]
    [InlineData("receipts/index.html", null)]
    [InlineData("about/index.html", null)]
    [InlineData("404.html", null)]
    public void Page_MarksOnlyItsOwnSectionInTheNavigation(string page, string? current)
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, page)));

        var marked = document.QuerySelectorAll("nav.site-nav a[aria-current]").Select(a => (a.GetAttribute("href"), a.GetAttribute("aria-current"))).ToList();

        Assert.Equal(current is null ? [] : [(current, "page")], marked);
        Assert.Equal(7, document.QuerySelectorAll("nav.site-nav a").Length);
    }

    [Fact]
    public void Pages_ShareOneHeaderAndFooter_ButForTheCurrentItem()
    {
        string Chrome(string page)
        {
            var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, page)));
            foreach (var item in document.QuerySelectorAll("nav.site-nav a[aria-current]"))
            {
                item.RemoveAttribute("aria-current");
            }

            return document.QuerySelector("header.site-header")!.OuterHtml + document.QuerySelector("footer.site-footer")!.OuterHtml;
        }

        var home = Chrome("index.html");
        Assert.Contains("网站标识码", home);
        Assert.Equal(home, Chrome("deputies/D0001/index.html"));
        Assert.Equal(home, Chrome("receipts/index.html"));
    }
}
