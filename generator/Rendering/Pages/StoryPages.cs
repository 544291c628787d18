using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>履职故事: each story, the paginated list of all stories, columns (专栏) and tags.</summary>
public static class StoryPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        foreach (var story in site.Stories)
        {
            yield return PageJob.For<StoryTemplate, StoryPage>(story.Url, () => Story(context, story)) with
            {
                Source = new SourceLocation(story.Body.Path, 1, 1),
                Inputs = () => Inputs(context, story),
            };
        }

        var columnFilters = site.Config.Columns
            .Where(c => site.StoriesByColumn[c.Slug].Any())
            .Select(c => new LinkCard(c.Name, PageContext.ColumnUrl(c)))
            .ToList();
        foreach (var (page, count, url, items, pager) in PageContext.Paginate(site.Stories, SiteRoutes.Stories))
        {
            yield return PageJob.For<StoryListTemplate, StoryListPage>(url, () => new StoryListPage(
                PageContext.Meta(page == 1 ? "履职故事" : $"履职故事（第{page}页）", "人大代表履职故事、家站点动态与人大工作新闻", url, "stories",
                    new Crumb("履职故事", null)),
                "履职故事",
                "代表履职的点滴，家站点的日常，人大工作的进展。",
                context.Cards(items),
                pager,
                columnFilters)) with
            {
                Inputs = () => ListInputs(context, url, pager, items, columnFilters),
            };
        }

        yield return PageJob.For<IndexTemplate, IndexPage>(SiteRoutes.Columns, () => new IndexPage(
            PageContext.Meta("专栏", "全部专栏", SiteRoutes.Columns, "stories", new Crumb("履职故事", SiteRoutes.Stories), new Crumb("专栏", null)),
            "专栏",
            null,
            site.Config.Columns.Select(c => new LinkCard(c.Name, PageContext.ColumnUrl(c), $"{site.StoriesByColumn[c.Slug].Count()} 篇")).ToList()));

        foreach (var column in site.Config.Columns)
        {
            var stories = site.StoriesByColumn[column.Slug].ToList();
            foreach (var (page, count, url, items, pager) in PageContext.Paginate(stories, PageContext.ColumnUrl(column)))
            {
                yield return PageJob.For<StoryListTemplate, StoryListPage>(url, () => new StoryListPage(
                    PageContext.Meta(page == 1 ? column.Name : $"{column.Name}（第{page}页）", column.Description.Length > 0 ? column.Description : $"{column.Name}专栏", url, "stories",
                        new Crumb("履职故事", SiteRoutes.Stories), new Crumb(column.Name, null)),
                    column.Name,
                    column.Description.Length > 0 ? column.Description : null,
                    context.Cards(items),
                    pager,
                    [])) with
                {
                    Inputs = () => ListInputs(context, url, pager, items, [], column),
                };
            }
        }

        var tags = site.StoriesByTag.Select(g => (Tag: g.Key, Count: g.Count()))
            .OrderByDescending(t => t.Count).ThenBy(t => t.Tag, StringComparer.Ordinal).ToList();
        yield return PageJob.For<IndexTemplate, IndexPage>(SiteRoutes.Tags, () => new IndexPage(
            PageContext.Meta("标签", "全部标签", SiteRoutes.Tags, "stories", new Crumb("履职故事", SiteRoutes.Stories), new Crumb("标签", null)),
            "标签",
            null,
            tags.Select(t => new LinkCard(t.Tag, PageContext.TagUrl(t.Tag), $"{t.Count} 篇")).ToList()));
        foreach (var (tag, _) in tags)
        {
            var stories = site.StoriesByTag[tag].ToList();
            foreach (var (page, count, url, items, pager) in PageContext.Paginate(stories, PageContext.TagUrl(tag)))
            {
                yield return PageJob.For<StoryListTemplate, StoryListPage>(url, () => new StoryListPage(
                    PageContext.Meta(page == 1 ? $"标签：{tag}" : $"标签：{tag}（第{page}页）", $"标记为“{tag}”的履职故事", url, "stories",
                        new Crumb("标签", SiteRoutes.Tags), new Crumb(tag, null)),
                    $"标签：{tag}",
                    null,
                    context.Cards(items),
                    pager,
                    [])) with
                {
                    Inputs = () => ListInputs(context, url, pager, items, [], tag),
                };
            }
        }
    }

    /// <summary>
    /// Everything <see cref="Story(PageContext, Story)"/> reads: the story and its related stories (the
    /// records themselves: a rebuild keeps them while their files are unchanged, and a record is
    /// immutable), the cards of its deputies and stations (made anew from the roster each build, so
    /// compared by value), and the URL set its body's links and the cover images resolve against.
    /// Null while the body's HTML is not kept clean (<see cref="PageContext.KeepsHtml"/>).
    /// </summary>
    private static object?[]? Inputs(PageContext context, Story story)
    {
        if (!context.KeepsHtml(story.Body))
        {
            return null;
        }

        List<object?> inputs = [story, context.UrlSet];
        inputs.AddRange(Related(context.Site, story));
        inputs.Add(null); // related stories end here, the cards follow
        inputs.AddRange(DeputyCards(context.Site, story));
        inputs.Add(null);
        inputs.AddRange(StationCards(context.Site, story));
        return inputs.ToArray();
    }

    /// <summary>
    /// Everything a list page reads: its URL and pager, what names the list (a column record, a tag;
    /// the rest of its text is fixed or follows from these), the filter cards, the stories listed (the
    /// records themselves) and the URL set their cover images resolve against.
    /// </summary>
    private static object?[] ListInputs(PageContext context, string url, Pager pager, IReadOnlyList<Story> items, IReadOnlyList<LinkCard> filters, object? list = null)
    {
        List<object?> inputs = [context.UrlSet, url, pager, list, filters.Count];
        inputs.AddRange(filters);
        inputs.AddRange(items);
        return inputs.ToArray();
    }

    private static IEnumerable<Story> Related(SiteModel site, Story story) => site.StoriesByColumn[story.Column.Slug].Where(s => s != story).Take(3);

    private static List<LinkCard> DeputyCards(SiteModel site, Story story) =>
        story.Deputies.Where(site.DeputiesById.ContainsKey).Select(id => site.DeputiesById[id])
            .Select(d => new LinkCard(d.Name, d.Url, d.Title)).ToList();

    private static List<LinkCard> StationCards(SiteModel site, Story story) =>
        story.Stations.Where(site.StationsById.ContainsKey).Select(id => site.StationsById[id])
            .Select(s => new LinkCard(s.Name, s.Url)).ToList();

    private static StoryPage Story(PageContext context, Story story)
    {
        var site = context.Site;
        var related = Related(site, story);
        return new StoryPage(
            new PageMeta(
                story.Title,
                story.Summary ?? $"{story.Column.Name}：{story.Title}",
                story.Url,
                "stories",
                [new Crumb(story.Column.Name, PageContext.ColumnUrl(story.Column)), new Crumb(story.Title, null)],
                context.CoverUrl(story),
                "article"),
            story.Title,
            PageContext.ChineseDate(story.Date),
            PageContext.IsoDate(story.Date),
            story.Column.Name,
            PageContext.ColumnUrl(story.Column),
            story.Author,
            context.CoverUrl(story),
            context.Html(story.Body),
            DeputyCards(site, story),
            StationCards(site, story),
            story.Tags.Select(t => new LinkCard(t, PageContext.TagUrl(t))).ToList(),
            context.Cards(related));
    }
}
