using Site.Generator.Diagnostics;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>The home page, plain pages (about, privacy …) and the 404 page.</summary>
public static class HomePages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        yield return PageJob.For<HomeTemplate, HomePage>("/", () =>
        {
            var open = site.Drafts.Where(d => d.ClosesAt >= site.Now && d.OpensAt <= site.Now && !DraftFeeds.ClosesSoon(site, d))
                .Select(d => new LinkCard(d.Title, d.Url, $"截止 {PageContext.ChineseDate(d.Closes)}"))
                .ToList();
            var closingSoon = site.Drafts.Where(d => DraftFeeds.ClosesSoon(site, d))
                .Select(d => new LinkCard(d.Title, d.Url, $"{PageContext.ChineseDate(d.Closes)} 截止，还有 {(int)Math.Ceiling((d.ClosesAt - site.Now).TotalDays)} 天"))
                .ToList();
            return new HomePage(
                new PageMeta(site.Config.Title, site.Config.Description, "/", "home", []),
                site.Config.Description,
                context.Cards(site.Stories.Take(6)),
                open,
                site.Config.Columns.Select(c => new LinkCard(c.Name, PageContext.ColumnUrl(c))).ToList(),
                [
                    new Figure("人大代表", $"{site.ServingDeputies.Count} 名", SiteRoutes.Deputies),
                    new Figure("代表家站点", $"{site.Stations.Count} 个", SiteRoutes.Stations),
                    new Figure("代表建议", $"{site.Suggestions.Count} 件", SiteRoutes.Suggestions),
                    site.Ballots.Count > 0
                        ? new Figure("民生实事项目", $"{site.Ballots.SelectMany(b => b.Elected).Count()} 个", SiteRoutes.Ballots)
                        : new Figure("履职故事", $"{site.Stories.Count} 篇", SiteRoutes.Stories),
                ],
                [],
                closingSoon);
        });

        foreach (var page in site.Pages)
        {
            yield return PageJob.For<PlainPageTemplate, PlainPageView>(page.Url, () => new PlainPageView(
                new PageMeta(page.Title, page.Summary ?? page.Title, page.Url, page.Slug, [new Crumb(page.Title, null)]),
                page.Title,
                context.Html(page.Body))) with
            {
                Source = new SourceLocation(page.Body.Path, 1, 1),
            };
        }

        yield return PageJob.For<NotFoundTemplate, NotFoundPage>("/404.html", () => new NotFoundPage(
            new PageMeta("找不到页面", "页面不存在", "/404.html", "", [], NoIndex: true)));
    }
}
