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
            site.Drafts.Where(d => site.Now > d.ClosesAt).Select(Summary).ToList(),
            Feeds)
        {
            Upcoming = site.Drafts.Where(d => site.Now < d.OpensAt).Select(Summary).ToList(),
        });
        yield return PageJob.File(SiteRoutes.DraftsFeed, () => DraftFeeds.Atom(site));
        yield return PageJob.File(SiteRoutes.DraftsCalendar, () => DraftFeeds.Calendar(site));

        foreach (var draft in site.Drafts)
        {
            yield return PageJob.For<DraftTemplate, DraftPage>(draft.Url, () => Page(context, draft)) with { Source = new SourceLocation(draft.SourcePath, 1, 1) };
        }
    }

    private static readonly DraftFeedsView Feeds = new(SiteRoutes.DraftsFeed, SiteRoutes.DraftsCalendar);

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
        var comparison = site.DraftComparisons.GetValueOrDefault(draft.Id);
        var previous = comparison is null ? null : site.Drafts.First(d => d.Id == comparison.Previous);
        var outcomes = draft.Feedback?.Articles.ToDictionary(o => o.Article) ?? [];
        DraftArticleView View(int number) => new(
            articles[number].Anchor,
            articles[number].Label,
            articles[number].Paragraphs,
            comparison is null || previous is null ? null : ChangeView(comparison.Articles[number], previous),
            outcomes.TryGetValue(number, out var outcome) ? new ArticleOutcomeView(outcome.Outcome, OutcomeKind(outcome.Outcome), outcome.Reason) : null);

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
                PageContext.ChineseDate(draft.Feedback.Published),
                draft.Feedback.Received,
                draft.Feedback.Adopted,
                ArticleLinks.Link(context.Html(draft.Feedback.Report), articles.Keys.ToHashSet()),
                draft.Feedback.Channels.Select(c => new Figure(c.Channel, $"{c.Count} 条", null)).ToList()),
            draft.Text.Attachments.Select(a => new DraftAttachmentView(a.Title, a.Anchor, a.Paragraphs)).ToList(),
            Readings(site, draft, comparison, previous),
            Feeds)
        {
            NotYetOpen = site.Now < draft.OpensAt,
            OpensIso = draft.OpensAt.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The reading history and the what-changed summary; null for a draft with no other reading.</summary>
    private static DraftReadingsView? Readings(SiteModel site, Draft draft, DraftComparison? comparison, Draft? previous)
    {
        if (!site.DraftReadings.TryGetValue(draft.Id, out var chain))
        {
            return null;
        }

        var index = chain.ToList().FindIndex(d => d.Id == draft.Id);
        var later = index + 1 < chain.Count ? chain[index + 1] : null;
        var labels = draft.Text.Articles.ToDictionary(a => a.Number, a => a.Label);
        ArticleOption Option(ArticleComparison a) => new(DraftArticle.AnchorFor(a.Number), labels[a.Number]);
        return new DraftReadingsView(
            chain.Select(d => new ReadingStep(
                ReadingName(d.Reading), d.Title, d.Id == draft.Id ? null : d.Url, $"{PageContext.ChineseDate(d.Opens)} 至 {PageContext.ChineseDate(d.Closes)}")).ToList(),
            previous is null ? null : ReadingName(previous.Reading),
            previous?.Url,
            comparison is null ? null : $"本次修改 {comparison.Changed} 条，新增 {comparison.Added} 条，删除 {comparison.Deleted.Count} 条"
                + (comparison.Moved > 0 ? $"；另有 {comparison.Moved} 条只是条文序号变化" : ""),
            comparison is null ? [] : comparison.Articles.Values.Where(a => a.Change == ArticleChange.Changed).OrderBy(a => a.Number).Select(Option).ToList(),
            comparison is null ? [] : comparison.Articles.Values.Where(a => a.Change == ArticleChange.Added).OrderBy(a => a.Number).Select(Option).ToList(),
            comparison is null ? [] : comparison.Deleted.Select(a => new DeletedArticleView(a.Label, a.Paragraphs)).ToList(),
            later is null ? null : new LinkCard($"{ReadingName(later.Reading)}：{later.Title}", later.Url, $"{PageContext.ChineseDate(later.Opens)} 起征求意见"));
    }

    /// <summary>一审 → 一审稿: how a reading is named as a text; 征求意见稿, 草案修改稿, 表决稿 already are.</summary>
    private static string ReadingName(string reading) => reading.EndsWith('稿') ? reading : reading + "稿";

    private static ArticleChangeView? ChangeView(ArticleComparison article, Draft previous)
    {
        var previousLabel = article.PreviousNumber is { } p && p != article.Number ? $"原第{Validation.Drafts.ChineseNumerals.Format(p)}条" : null;
        var reading = ReadingName(previous.Reading);
        return article.Change switch
        {
            ArticleChange.Added => new ArticleChangeView("added", "新增", null, reading, []),
            ArticleChange.Moved => new ArticleChangeView("moved", "序号调整", previousLabel, reading, []),
            ArticleChange.Changed => new ArticleChangeView("changed", "修改", previousLabel, reading, DiffParagraphs(article.Diff)),
            _ => null,
        };
    }

    /// <summary>Splits diff runs at paragraph breaks, so each paragraph renders as its own &lt;p&gt;.</summary>
    private static IReadOnlyList<IReadOnlyList<DiffRun>> DiffParagraphs(IReadOnlyList<DiffSpan> spans)
    {
        var paragraphs = new List<IReadOnlyList<DiffRun>>();
        var current = new List<DiffRun>();
        foreach (var span in spans)
        {
            var kind = span.Kind switch { DiffKind.Inserted => "ins", DiffKind.Deleted => "del", _ => "same" };
            var parts = span.Text.Split('\n');
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0)
                {
                    paragraphs.Add(current);
                    current = [];
                }

                if (parts[i].Length > 0)
                {
                    current.Add(new DiffRun(kind, parts[i]));
                }
            }
        }

        paragraphs.Add(current);
        return paragraphs.Where(p => p.Count > 0).ToList();
    }

    private static string OutcomeKind(string outcome) => outcome switch
    {
        "采纳" => "adopted",
        "部分采纳" => "partly",
        "未采纳" => "not-adopted",
        _ => "elsewhere",
    };
}
