using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>法规草案: the list (open first) and each draft, article by article.</summary>
public static class DraftPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        yield return PageJob.For<DraftListTemplate, DraftListPage>(SiteRoutes.Drafts, () => new DraftListPage(
            PageContext.Meta("法规草案征求意见", "正在公开征求意见的法规草案，可逐条提出意见", SiteRoutes.Drafts, "drafts", new Crumb("征求意见", null)),
            site.Drafts.Where(d => IsOpen(site, d)).Select(Summary).ToList(),
            site.Drafts.Where(d => site.Now > d.ClosesAt).Select(Summary).ToList())
        {
            Upcoming = site.Drafts.Where(d => site.Now < d.OpensAt).Select(Summary).ToList(),
        });

        foreach (var draft in site.Drafts)
        {
            yield return PageJob.For<DraftTemplate, DraftPage>(draft.Url, () => Page(context, draft)) with { Source = new SourceLocation(draft.SourcePath, 1, 1) };
        }
    }

    public static bool IsOpen(SiteModel site, Draft draft) => site.Now >= draft.OpensAt && site.Now <= draft.ClosesAt;

    private static DraftSummary Summary(Draft draft) => new(
        draft.Title,
        draft.Url,
        draft.Office,
        $"{PageContext.ChineseDate(draft.Opens)} 至 {PageContext.ChineseDate(draft.Closes)}",
        PageContext.ChineseDate(draft.Closes),
        PageContext.IsoDate(draft.Closes),
        draft.Feedback is not null,
        draft.Summary);

    private static DraftPage Page(PageContext context, Draft draft)
    {
        var site = context.Site;
        var articles = draft.Text.Articles.ToDictionary(a => a.Number);
        DraftArticleView View(int number) =>
            new(articles[number].Anchor, articles[number].Label, articles[number].Paragraphs);

        var chapters = draft.Text.Chapters.Count > 0
            ? draft.Text.Chapters.Select(c => new DraftChapterView(
                c.Number == 0 ? c.Title : $"第{Validation.Drafts.ChineseNumerals.Format(c.Number)}章 {c.Title}".Trim(),
                c.Anchor,
                c.Articles.Select(View).ToList(),
                c.Sections.Select(s => new DraftSectionView(
                    $"第{Validation.Drafts.ChineseNumerals.Format(s.Number)}节 {s.Title}".Trim(), s.Anchor, s.Articles.Select(View).ToList())).ToList())).ToList()
            : [new DraftChapterView("", "text", draft.Text.Articles.Select(a => View(a.Number)).ToList(), [])];

        return new DraftPage(
            new PageMeta(draft.Title, draft.Summary ?? $"{draft.Title}公开征求意见", draft.Url, "drafts",
                [new Crumb("征求意见", SiteRoutes.Drafts), new Crumb(draft.Title, null)], OgType: "article"),
            draft.Id.Value,
            draft.Title,
            draft.Office,
            draft.Reading,
            PageContext.ChineseDate(draft.Opens),
            PageContext.ChineseDate(draft.Closes),
            draft.ClosesAt.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            IsOpen(site, draft),
            draft.Summary,
            draft.Explanation is null ? null : context.Html(draft.Explanation),
            draft.ContactPoints.Where(site.StationsById.ContainsKey).Select(id => new LinkCard(site.StationsById[id].Name, site.StationsById[id].Url, site.StationsById[id].Address)).ToList(),
            draft.Text.Preamble,
            chapters,
            draft.Text.Articles.Select(a => new ArticleOption(a.Anchor, a.Label)).ToList(),
            draft.Feedback is null ? null : new DraftFeedbackView(
                PageContext.ChineseDate(draft.Feedback.Published), draft.Feedback.Received, draft.Feedback.Adopted, context.Html(draft.Feedback.Report)),
            draft.Text.Attachments.Select(a => new DraftAttachmentView(a.Title, a.Anchor, a.Paragraphs)).ToList())
        {
            NotYetOpen = site.Now < draft.OpensAt,
            OpensIso = draft.OpensAt.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
