using Site.Intake.Storage;

namespace Site.Intake.Export;

/// <summary>
/// One draft's comments as a file for the legislative office. Used by the HTTP export (behind the
/// staff token) and by `site export` on the server itself (behind file-system access to the store).
/// </summary>
public static class CommentExport
{
    public static readonly string[] Formats = ["csv", "xlsx"];

    public static async Task<(byte[] Content, int Count)> RenderAsync(ICommentStore store, string draft, string format, CancellationToken cancellationToken)
    {
        var rows = new List<StoredComment>();
        await foreach (var comment in store.ExportAsync(draft, cancellationToken))
        {
            rows.Add(comment);
        }

        return format switch
        {
            "csv" => (ExportApi.Csv(rows), rows.Count),
            "xlsx" => (ExportApi.Xlsx(rows), rows.Count),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "csv or xlsx"),
        };
    }

    /// <summary>Writes <paramref name="content"/> beside <paramref name="path"/> first, then renames it, so a half-written file never appears.</summary>
    public static async Task ToFileAsync(byte[] content, string path, CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".part";
        await File.WriteAllBytesAsync(temporary, content, cancellationToken);
        File.Move(temporary, full, overwrite: true);
    }
}
