using Site.Generator.Vocabulary;

namespace Site.Generator.Model;

/// <summary>法规草案: a draft regulation open for public comment, parsed into chapters and articles.</summary>
public sealed record Draft(
    DraftId Id,
    string SourcePath,
    string Title,
    string Office,
    string Reading,
    DateOnly Opens,
    DateOnly Closes,
    IReadOnlyList<StationId> ContactPoints,
    string? Summary,
    MarkdownSource? Explanation,
    DraftFeedback? Feedback,
    DraftText Text)
{
    /// <summary>The earlier reading this draft follows (its <c>previous:</c>), checked by the linker; null for a first reading.</summary>
    public DraftId? Previous { get; init; }

    /// <summary>Where <c>previous:</c> was written, for the linker's error.</summary>
    public Diagnostics.SourceLocation? PreviousLocation { get; init; }

    /// <summary>Where the title was written (its <c>title:</c>, or the body's “# 标题”), for diagnostics about it.</summary>
    public Diagnostics.SourceLocation? TitleLocation { get; init; }

    public string Url => SiteRoutes.Draft(Id);

    /// <summary>Comments are taken until the end of the closing day, Beijing time.</summary>
    public DateTimeOffset ClosesAt => new(Closes.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8));

    public DateTimeOffset OpensAt => new(Opens.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
}

/// <summary>意见采纳情况: the office's report after the comment period.</summary>
/// <param name="Received">收到意见条数 over every channel: the official figure a closed draft shows.</param>
/// <param name="Articles">Per article, the outcome of the views on it (may be empty).</param>
/// <param name="Channels">Views by channel (网上征求意见, 基层立法联系点 …), in the report's order (may be empty).</param>
public sealed record DraftFeedback(
    DateOnly Published, int Received, int Adopted, MarkdownSource Report, IReadOnlyList<ArticleOutcome> Articles, IReadOnlyList<ChannelCount> Channels);

/// <summary>One article's outcome in the feedback report: 采纳, 部分采纳, 未采纳 or 已在其他条款体现, and why.</summary>
/// <param name="Article">The article's number in this draft (第三条 → 3).</param>
public sealed record ArticleOutcome(int Article, string Outcome, string? Reason);

/// <summary>Views received through one channel, as the report counts them.</summary>
public sealed record ChannelCount(string Channel, int Count);

/// <summary>
/// The legal text: optional preamble, chapters (第X章) with optional sections (第X节), articles (第X条),
/// and attachments (附件) after the last article. A paragraph that is a table keeps its pipe-table lines
/// (<c>| a | b |</c>, one row a line); <see cref="Site.Theme.ViewModels.DraftTable.Parse"/> reads it.
/// </summary>
public sealed record DraftText(
    IReadOnlyList<string> Preamble,
    IReadOnlyList<DraftChapter> Chapters,
    IReadOnlyList<DraftArticle> Articles,
    IReadOnlyList<DraftAttachment> Attachments);

/// <summary>附件: a section after the last article, with its own anchor (attachment-1, …).</summary>
public sealed record DraftAttachment(string Title, string Anchor, IReadOnlyList<string> Paragraphs);

/// <summary>
/// 第X章. Number 0 holds either the articles that stand before any chapter heading (no title), or a
/// part headed by a bare line such as "附则" in a text without 第X章 (its title, anchor part-N).
/// </summary>
public sealed record DraftChapter(int Number, string Title, string Anchor, IReadOnlyList<DraftSection> Sections, IReadOnlyList<int> Articles);

/// <summary>第X节 inside a chapter.</summary>
public sealed record DraftSection(int Number, string Title, string Anchor, IReadOnlyList<int> Articles);

/// <summary>条: one article; its anchor is stable (article-N) because comments refer to it.</summary>
public sealed record DraftArticle(int Number, string Label, string Anchor, IReadOnlyList<string> Paragraphs, int Line)
{
    public static string AnchorFor(int number) => $"article-{number}";
}
