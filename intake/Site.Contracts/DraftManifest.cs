using System.Text.Json;

namespace Site.Contracts;

/// <summary>
/// drafts.json, written by the build: the only thing the endpoint knows about drafts (ids, titles,
/// article anchors, comment period). The endpoint never reads content/.
/// </summary>
public sealed record DraftManifest(IReadOnlyList<DraftEntry> Drafts)
{
    public const string FileName = BuildContract.DraftsFile;

    public static JsonSerializerOptions Json => BuildContract.ManifestJson;

    public static DraftManifest Empty { get; } = new([]);

    public DraftEntry? Find(string id) => Drafts.FirstOrDefault(d => d.Id == id);

    public static DraftManifest Load(string path) => BuildContract.Load(path, Empty);
}

/// <summary>
/// One draft: comments are accepted from <see cref="Opens"/> until <see cref="Closes"/>.
/// <paramref name="Feedback"/>: the office's feedback report once published (null before), so a
/// comment's receipt can say what became of the article it addressed. <paramref name="Reading"/>: the
/// draft's reading as its header names it (一审, 二审, 征求意见稿 …), for the office's export.
/// </summary>
public sealed record DraftEntry(
    string Id,
    string Title,
    string Url,
    DateTimeOffset Opens,
    DateTimeOffset Closes,
    IReadOnlyList<ArticleEntry> Articles,
    DraftFeedbackEntry? Feedback = null,
    string? Reading = null)
{
    public bool HasArticle(string anchor) => Articles.Any(a => a.Anchor == anchor);

    /// <summary>The report's outcome for the article <paramref name="anchor"/>; null when there is no report, no article, or the report says nothing of it.</summary>
    public ArticleOutcomeEntry? OutcomeFor(string? anchor) =>
        anchor is null ? null : Feedback?.Articles.FirstOrDefault(a => a.Anchor == anchor);

    public bool IsOpenAt(DateTimeOffset now) => now >= Opens && now <= Closes;

    /// <summary>The comment period at <paramref name="now"/>: "not-yet-open", "open" or "closed".</summary>
    public string StatusAt(DateTimeOffset now) => now < Opens ? "not-yet-open" : now <= Closes ? "open" : "closed";
}

/// <summary>One article: its stable anchor (article-3), label (第三条) and, from the build, its text (paragraphs joined by line breaks, without the label).</summary>
public sealed record ArticleEntry(string Anchor, string Label, string? Text = null);

/// <summary>
/// 意见采纳情况: the office's feedback report once published (its date, the page URL with its anchor,
/// comments received and adopted over every channel), and the outcome per article where it gives one.
/// </summary>
public sealed record DraftFeedbackEntry(DateOnly Published, string Url, int Received, int Adopted, IReadOnlyList<ArticleOutcomeEntry> Articles);

/// <summary>One article's outcome: anchor (article-3), 采纳/部分采纳/未采纳/已在其他条款体现, and the reason.</summary>
public sealed record ArticleOutcomeEntry(string Anchor, string Outcome, string? Reason);
