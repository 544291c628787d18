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
    DraftFeedbackView? Feedback)
{
    /// <summary>The comment period had not begun at build time (尚未开始征求意见, not 已截止).</summary>
    public bool NotYetOpen { get; init; }

    /// <summary>When comments open, as ISO 8601 with offset: the page's script follows the live clock.</summary>
    public string OpensIso { get; init; } = "";
}

public sealed record DraftChapterView(string Heading, string Anchor, IReadOnlyList<DraftArticleView> Articles, IReadOnlyList<DraftSectionView> Sections);

public sealed record DraftSectionView(string Heading, string Anchor, IReadOnlyList<DraftArticleView> Articles);

public sealed record DraftArticleView(string Anchor, string Label, IReadOnlyList<string> Paragraphs);

public sealed record ArticleOption(string Value, string Label);

public sealed record DraftFeedbackView(string Published, int Received, int Adopted, string ReportHtml);

/// <summary>The list of drafts: open first, with deadlines.</summary>
public sealed record DraftListPage(PageMeta Meta, IReadOnlyList<DraftSummary> Open, IReadOnlyList<DraftSummary> Closed)
{
    /// <summary>Drafts whose comment period had not begun at build time (即将征求意见, not 已截止).</summary>
    public IReadOnlyList<DraftSummary> Upcoming { get; init; } = [];
}

public sealed record DraftSummary(string Title, string Url, string Office, string Period, string Closes, string ClosesIso, bool HasFeedback, string? Summary);
