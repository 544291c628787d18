using Site.Contracts;
using Site.Intake.Drafts;
using Site.Intake.Export;
using Site.Intake.Import;
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
    /// <summary>
    /// Exports <paramref name="draft"/>'s comments as <paramref name="format"/> (csv or xlsx; null: the
    /// extension of <paramref name="output"/>, else xlsx). An <paramref name="output"/> whose folder does
    /// not exist, whose extension is neither .csv nor .xlsx, or which contradicts an explicit format is
    /// refused (exit 1, in Chinese) before the store is opened.
    /// </summary>
    public static async Task<int> RunAsync(string root, string draft, string? format, string? output, string? postgres, CancellationToken cancellationToken)
    {
        if (draft.Length == 0 || draft.IndexOfAny(['/', '\\']) >= 0 || draft.Contains("..", StringComparison.Ordinal) || draft.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            Console.Error.WriteLine($"法规草案编号不对：“{draft}”（应是网址中的名称，如 wuye-guanli-tiaoli，不能含 / 或 ..）");
            return 1;
        }

        var catalog = new DraftCatalog(Path.Combine(root, "_intake"));
        var entry = catalog.Find(draft);
        if (output is not null)
        {
            if (OutputPaths.Problem(root, output, "导出的意见（含姓名和联系方式）") is { } problem)
            {
                Console.Error.WriteLine("--out：" + problem);
                return 1;
            }

            if (OutputPaths.ExportProblem(output, CommentExport.Formats) is { } refusal)
            {
                Console.Error.WriteLine("--out：" + refusal);
                return 1;
            }

            var named = Path.GetExtension(output).TrimStart('.').ToLowerInvariant();
            if (format is not null && format != named)
            {
                Console.Error.WriteLine($"--format {format} 与 --out 的扩展名 .{named} 不一致：请去掉 --format（按扩展名导出），或把文件名改为以 .{format} 结尾");
                return 1;
            }

            format = named;
        }

        format ??= "xlsx";
        var path = output ?? DefaultPath(root, draft, format, DateTimeOffset.Now);
        if (OutputPaths.Problem(root, path, "导出的意见（含姓名和联系方式）") is { } defaultProblem)
        {
            Console.Error.WriteLine("--out：" + defaultProblem);
            return 1;
        }

        var store = await OpenStoreAsync(root, postgres, create: false, cancellationToken);
        if (store is null)
        {
            return 1;
        }

        try
        {
            var (content, count) = await CommentExport.RenderAsync(store, draft, format, cancellationToken, entry);
            if (count == 0 && entry is null)
            {
                Console.Error.WriteLine($"没有这部法规草案：{draft}（已生成的草案见 {Path.Combine(root, "_intake", DraftManifest.FileName)}）");
                return 1;
            }

            await CommentExport.ToFileAsync(content, path, cancellationToken);
            await ImportBatches.RecordExportAsync(store, draft, ImportBatches.CommandLine, DateTimeOffset.UtcNow, cancellationToken);
            Console.WriteLine($"已导出 {count} 条意见到 {path}（含联系方式，请妥善保管）");
            return 0;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// The store `serve` writes: PostgreSQL when a connection string is given, else
    /// &lt;root&gt;/.data/comments.db (made when <paramref name="create"/>, else an error when missing, null
    /// returned). Initialised, so a file from an earlier version gets the columns this one reads.
    /// </summary>
    internal static async Task<ICommentStore?> OpenStoreAsync(string root, string? postgres, bool create, CancellationToken cancellationToken)
    {
        ICommentStore store;
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            store = new PostgresCommentStore(postgres);
        }
        else
        {
            var file = Path.Combine(root, ".data", "comments.db");
            if (!create && !File.Exists(file))
            {
                Console.Error.WriteLine($"找不到意见数据库 {file}：还没有人提交过意见，或 --root 不对。");
                return null;
            }

            store = new SqliteCommentStore(file);
        }

        await store.InitializeAsync(cancellationToken);
        return store;
    }

    /// <summary>
    /// `site import --draft X --file F.xlsx`: views received offline (letters, 座谈会, phone, 基层立法联系点)
    /// into the same store (<see cref="OfflineImport"/>). Exit 0 when stored (or already stored by an
    /// earlier run of the same file), 1 with every bad row listed when any is bad (then nothing is stored).
    /// </summary>
    public static async Task<int> ImportAsync(string root, string draft, string file, string? postgres, CancellationToken cancellationToken)
    {
        var entry = new DraftCatalog(Path.Combine(root, "_intake")).Find(draft);
        if (entry is null)
        {
            Console.Error.WriteLine($"没有这部法规草案：{draft}（先生成网站；已生成的草案见 {Path.Combine(root, "_intake", DraftManifest.FileName)}）");
            return 1;
        }

        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"找不到文件 {file}");
            return 1;
        }

        // Read first: a file with a bad row leaves the store untouched (not even created). 联系点 is checked
        // against the stations the build published.
        var stations = StationManifest.Load(Path.Combine(root, "_intake", BuildContract.StationsFile));
        var plan = OfflineImport.Read(file, entry, Path.GetFileName(file), stations: stations);
        foreach (var warning in plan.Warnings)
        {
            Console.Error.WriteLine("提示：" + warning);
        }

        if (plan.Errors.Count > 0)
        {
            foreach (var error in plan.Errors)
            {
                Console.Error.WriteLine("错误：" + error);
            }

            Console.Error.WriteLine($"共 {plan.Errors.Count} 处错误，本次没有导入任何意见；请改正后重新导入。");
            return 1;
        }

        var store = await OpenStoreAsync(root, postgres, create: true, cancellationToken);
        try
        {
            var outcome = await OfflineImport.RunAsync(store!, file, entry, Path.GetFileName(file), cancellationToken, stations: stations);
            Console.WriteLine($"《{entry.Title}》：新导入 {outcome.Added} 条意见" + (outcome.AlreadyImported > 0 ? $"，{outcome.AlreadyImported} 条此前已导入（未重复保存）" : ""));
            if (outcome.Batch is { } batch)
            {
                Console.WriteLine($"导入批次：{batch}。导入错了可以撤销这一批（只删除这次新导入的 {outcome.Added} 条）：site import undo {batch}");
            }

            return 0;
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>
    /// `site import undo PC…`: deletes the comments one offline import added (<see cref="ImportBatches.UndoAsync"/>),
    /// printing each; exit 1 with the reason when refused (unknown or undone batch; exported since, or
    /// the feedback report published, without <paramref name="force"/>).
    /// </summary>
    public static async Task<int> UndoImportAsync(string root, string batch, bool force, string? postgres, CancellationToken cancellationToken)
    {
        var store = await OpenStoreAsync(root, postgres, create: false, cancellationToken);
        if (store is null)
        {
            return 1;
        }

        try
        {
            var catalog = new DraftCatalog(Path.Combine(root, "_intake"));
            var outcome = await ImportBatches.UndoAsync(store, batch, force, catalog.Find, DateTimeOffset.UtcNow, cancellationToken);
            if (!outcome.Done)
            {
                Console.Error.WriteLine("错误：" + outcome.Message);
                return 1;
            }

            foreach (var row in outcome.Removed)
            {
                Console.WriteLine("已删除：" + ImportBatches.Describe(row));
            }

            Console.WriteLine(outcome.Message);
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
