using Site.Intake.Storage;

namespace Site.Intake.Export;

/// <summary>
/// One draft's comments as a file for the legislative office. Used by the HTTP export (behind the
/// staff token) and by `site export` on the server itself (behind file-system access to the store).
/// </summary>
public static class CommentExport
{
    public static readonly string[] Formats = ["csv", "xlsx"];

    /// <summary>
    /// Renders every comment on <paramref name="draft"/>, oldest first, each with its duplicate group
    /// (<see cref="Comments.CommentGroups"/>). <paramref name="entry"/> (the draft as the build
    /// published it) gives the article labels and the summary's article order; without it labels are
    /// made from the anchors (article-12 → 第十二条).
    /// </summary>
    public static async Task<(byte[] Content, int Count)> RenderAsync(ICommentStore store, string draft, string format, CancellationToken cancellationToken, DraftEntry? entry = null)
    {
        var rows = await ReadAsync(store, draft, entry, cancellationToken);
        using var buffer = new MemoryStream();
        await WriteAsync(rows, format, entry, buffer, cancellationToken);
        return (buffer.ToArray(), rows.Count);
    }

    /// <summary>Every comment on <paramref name="draft"/> as export rows (<see cref="Rows"/>), oldest first.</summary>
    public static async Task<IReadOnlyList<ExportRow>> ReadAsync(ICommentStore store, string draft, DraftEntry? entry, CancellationToken cancellationToken)
    {
        var comments = new List<StoredComment>();
        await foreach (var comment in store.ExportAsync(draft, cancellationToken))
        {
            comments.Add(comment);
        }

        return Rows(comments, entry);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> as <paramref name="format"/> (csv or xlsx) to <paramref name="output"/>
    /// (a response body too: only asynchronous writes). The .csv goes out row by row, never held whole.
    /// </summary>
    public static Task WriteAsync(IReadOnlyList<ExportRow> rows, string format, DraftEntry? entry, Stream output, CancellationToken cancellationToken) => format switch
    {
        "csv" => ExportApi.WriteCsvAsync(rows, output, cancellationToken),
        "xlsx" => output.WriteAsync(ExportApi.Xlsx(rows, entry), cancellationToken).AsTask(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "csv or xlsx"),
    };

    /// <summary>The comments with their labels, channels and groups, in the order given.</summary>
    public static IReadOnlyList<ExportRow> Rows(IReadOnlyList<StoredComment> comments, DraftEntry? entry)
    {
        var (groups, sizes) = Comments.CommentGroups.Assign(comments.Select(c => (c.TextKey, c.Text)).ToList());
        return comments.Select((c, i) => new ExportRow(c, Label(c.Article, entry), c.Channel ?? DraftStats.OnlineChannel, groups[i], sizes[groups[i] - 1])).ToList();
    }

    /// <summary>第十二条 for article-12 (the draft's own label when known); 草案整体 for a comment on the whole draft.</summary>
    public static string Label(string? article, DraftEntry? entry) =>
        article is null ? WholeDraft
        : entry?.Articles.FirstOrDefault(a => a.Anchor == article)?.Label ?? Comments.ArticleNumbers.LabelOf(article);

    /// <summary>The article label of a comment on the draft as a whole.</summary>
    public const string WholeDraft = "草案整体";

    /// <summary>Writes <paramref name="content"/> beside <paramref name="path"/> first, then renames it, so a half-written file never appears.</summary>
    public static async Task ToFileAsync(byte[] content, string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".part";
        try
        {
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            // The part file holds names and phone numbers: never leave it behind.
            File.Delete(temporary);
            throw;
        }
    }
}

/// <summary>One exported comment: its article label, channel, duplicate group number (1, 2, … by first comment) and the group's size.</summary>
public sealed record ExportRow(StoredComment Comment, string Article, string Channel, int Group, int GroupSize);
