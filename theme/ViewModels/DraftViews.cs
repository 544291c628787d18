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
    IReadOnlyList<DraftAttachmentView> Attachments)
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
