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
    public string Url => SiteRoutes.Draft(Id);

    /// <summary>Comments are taken until the end of the closing day, Beijing time.</summary>
    public DateTimeOffset ClosesAt => new(Closes.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(8));

    public DateTimeOffset OpensAt => new(Opens.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
}

/// <summary>意见采纳情况: the office's report after the comment period.</summary>
public sealed record DraftFeedback(DateOnly Published, int Received, int Adopted, MarkdownSource Report);

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
