namespace Site.Theme.ViewModels;

/// <summary>法规草案 page: the text article by article, each with its comment entry point.</summary>
public sealed record DraftPage(
    PageMeta Meta,
    string Id,
    string Title,
    string Office,
    string Reading,
    string Opens,
    string Closes,
    string ClosesIso,
    bool IsOpen,
    string? Summary,
    string? ExplanationHtml,
    IReadOnlyList<LinkCard> ContactPoints,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<DraftChapterView> Chapters,
    IReadOnlyList<ArticleOption> ArticleOptions,
    DraftFeedbackView? Feedback,
    IReadOnlyList<DraftAttachmentView> Attachments,
    DraftReadingsView? Readings = null,
    DraftFeedsView? Feeds = null)
{
    /// <summary>The comment period had not begun at build time (尚未开始征求意见, not 已截止).</summary>
    public bool NotYetOpen { get; init; }

    /// <summary>When comments open, as ISO 8601 with offset: the page's script follows the live clock.</summary>
    public string OpensIso { get; init; } = "";
}

/// <summary>The drafts' Atom feed and deadline calendar, linked from the list and every draft.</summary>
public sealed record DraftFeedsView(string FeedUrl, string CalendarUrl);

/// <summary>审议历程: the chain of readings this draft belongs to, and what changed since the previous one.</summary>
/// <param name="History">Earliest first; the current draft has a null Url.</param>
/// <param name="PreviousReading">The previous reading's label (一审稿), or null for the first reading.</param>
/// <param name="Summary">本次修改 N 条，新增 M 条，删除 K 条 (null for the first reading).</param>
/// <param name="Later">The next reading, when this one has been superseded.</param>
public sealed record DraftReadingsView(
    IReadOnlyList<ReadingStep> History,
    string? PreviousReading,
    string? PreviousUrl,
    string? Summary,
    IReadOnlyList<ArticleOption> ChangedArticles,
    IReadOnlyList<ArticleOption> AddedArticles,
    IReadOnlyList<DeletedArticleView> Deleted,
    LinkCard? Later);

public sealed record ReadingStep(string Reading, string Title, string? Url, string Period);

public sealed record DeletedArticleView(string Label, IReadOnlyList<string> Paragraphs);

/// <summary>An article against the previous reading: Kind is changed, added or moved.</summary>
/// <param name="Badge">修改 / 新增 / 序号调整.</param>
/// <param name="PreviousLabel">原第五条, when the article had another number.</param>
/// <param name="Diff">Paragraphs of the inline diff, each a list of runs.</param>
public sealed record ArticleChangeView(string Kind, string Badge, string? PreviousLabel, string? PreviousReading, IReadOnlyList<IReadOnlyList<DiffRun>> Diff);

/// <summary>A run of an inline diff: Kind is same, ins or del.</summary>
public sealed record DiffRun(string Kind, string Text);

/// <summary>逐条采纳情况: one article's outcome in the feedback report. Kind is a CSS-safe name of the outcome.</summary>
public sealed record ArticleOutcomeView(string Outcome, string Kind, string? Reason);

public sealed record DraftChapterView(string Heading, string Anchor, IReadOnlyList<DraftArticleView> Articles, IReadOnlyList<DraftSectionView> Sections);

public sealed record DraftSectionView(string Heading, string Anchor, IReadOnlyList<DraftArticleView> Articles);

public sealed record DraftArticleView(
    string Anchor, string Label, IReadOnlyList<string> Paragraphs, ArticleChangeView? Change = null, ArticleOutcomeView? Outcome = null);

public sealed record ArticleOption(string Value, string Label);

/// <param name="Channels">The report's totals by channel (may be empty).</param>
public sealed record DraftFeedbackView(string Published, int Received, int Adopted, string ReportHtml, IReadOnlyList<Figure>? Channels = null);

/// <summary>The list of drafts: open first, with deadlines.</summary>
public sealed record DraftListPage(PageMeta Meta, IReadOnlyList<DraftSummary> Open, IReadOnlyList<DraftSummary> Closed, DraftFeedsView? Feeds = null)
{
    /// <summary>Drafts whose comment period had not begun at build time (即将征求意见, not 已截止).</summary>
    public IReadOnlyList<DraftSummary> Upcoming { get; init; } = [];
}

public sealed record DraftSummary(string Title, string Url, string Office, string Period, string Closes, string ClosesIso, bool HasFeedback, string? Summary);

/// <summary>附件 of a draft, after the last article.</summary>
public sealed record DraftAttachmentView(string Title, string Anchor, IReadOnlyList<string> Paragraphs);

/// <summary>
/// A table in a draft's text, written as pipe-table lines (<c>| 项目 | 金额 |</c>, one row a line; a
/// row of dashes <c>|---|---|</c> after the first marks it as the header, as GitHub Markdown does).
/// </summary>
public sealed record DraftTable(IReadOnlyList<string>? Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The table a paragraph holds, or null when it is ordinary text.</summary>
    public static DraftTable? Parse(string paragraph)
    {
        if (!paragraph.StartsWith('|'))
        {
            return null;
        }

        var rows = paragraph.Split('\n').Select(Cells).ToList();
        IReadOnlyList<string>? header = null;
        if (rows.Count >= 2 && rows[1].All(c => c.Length > 0 && c.All(ch => ch is '-' or ':' or ' ')))
        {
            header = rows[0];
            rows.RemoveRange(0, 2);
        }

        return new DraftTable(header, rows);
    }

    /// <summary>The cells' text, a row a line, cells apart by a space: what search reads of a table.</summary>
    public string PlainText() =>
        string.Join('\n', (Header is null ? Rows : Rows.Prepend(Header)).Select(r => string.Join(' ', r)));

    private static IReadOnlyList<string> Cells(string line)
    {
        var inner = line.Trim();
        inner = inner.StartsWith('|') ? inner[1..] : inner;
        inner = inner.EndsWith('|') ? inner[..^1] : inner;
        return inner.Split('|').Select(c => c.Trim()).ToList();
    }
}
