using Site.Contracts;
using Site.Intake.Drafts;
using Site.Intake.Export;
using Site.Intake.Storage;

namespace Site.Generator.Commands;

/// <summary>
/// `site export --draft X`: the staff export from the command line, on the machine that holds the
/// comments, reading the same store `serve` writes (the SQLite file, or PostgreSQL when given).
/// Without --out the file goes to &lt;root&gt;/.data/exports/ (ignored by git, beside the comments it
/// came from), never into the working folder: it holds citizens' phone numbers.
/// </summary>
public static class CommentExportCommand
{
    public static async Task<int> RunAsync(string root, string draft, string format, string? output, string? postgres, CancellationToken cancellationToken)
    {
        if (draft.Length == 0 || draft.IndexOfAny(['/', '\\']) >= 0 || draft.Contains("..", StringComparison.Ordinal) || draft.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            Console.Error.WriteLine($"法规草案编号不对：“{draft}”（应是网址中的名称，如 wuye-guanli-tiaoli，不能含 / 或 ..）");
            return 1;
        }

        var catalog = new DraftCatalog(Path.Combine(root, "_intake"));
        var known = catalog.Find(draft) is not null;
        var path = output ?? DefaultPath(root, draft, format, DateTimeOffset.Now);

        ICommentStore store;
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            store = new PostgresCommentStore(postgres);
        }
        else
        {
            var file = Path.Combine(root, ".data", "comments.db");
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"找不到意见数据库 {file}：还没有人提交过意见，或 --root 不对。");
                return 1;
            }

            store = new SqliteCommentStore(file);
        }

        try
        {
            var (content, count) = await CommentExport.RenderAsync(store, draft, format, cancellationToken);
            if (count == 0 && !known)
            {
                Console.Error.WriteLine($"没有这部法规草案：{draft}（已生成的草案见 {Path.Combine(root, "_intake", DraftManifest.FileName)}）");
                return 1;
            }

            await CommentExport.ToFileAsync(content, path, cancellationToken);
            Console.WriteLine($"已导出 {count} 条意见到 {path}（含联系方式，请妥善保管）");
            return 0;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>&lt;root&gt;/.data/exports/&lt;draft&gt;-comments-&lt;yyyyMMdd-HHmmss&gt;.&lt;format&gt;: one file per export, none overwritten.</summary>
    public static string DefaultPath(string root, string draft, string format, DateTimeOffset now) =>
        Path.Combine(root, ".data", "exports", $"{draft}-comments-{now:yyyyMMdd-HHmmss}.{format}");
}
