using Site.Intake.Office;

namespace Site.Generator.Commands;

/// <summary>
/// `site messages export | import`: the office's sheet of messages (留言办理表) on the machine that
/// holds the store. Export writes to &lt;root&gt;/.data/exports/ by default (ignored by git: the sheet
/// holds contacts); import applies the office's columns all or nothing (<see cref="MessageImport"/>).
/// </summary>
public static class MessageOfficeCommand
{
    public static async Task<int> ExportAsync(string root, string? since, bool all, string? output, string? postgres, CancellationToken cancellationToken)
    {
        DateOnly? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            from = MessageSheetReader.Date(since);
            if (from is null)
            {
                Console.Error.WriteLine($"--since 不是日期：“{since}”（如 2026-03-01 或 2026年3月1日）");
                return 1;
            }
        }

        var path = output ?? MessageExport.DefaultPath(root, DateTimeOffset.Now);
        if (OutputPaths.Problem(root, path, "留言办理表（含姓名和联系方式）") is { } problem)
        {
            Console.Error.WriteLine("--out：" + problem);
            return 1;
        }

        // The extension decides what is written: x.csv gets CSV, never an .xlsx under a .csv name.
        var format = "xlsx";
        if (output is not null)
        {
            if (OutputPaths.ExportProblem(output, MessageExport.Formats) is { } refusal)
            {
                Console.Error.WriteLine("--out：" + refusal);
                return 1;
            }

            format = Path.GetExtension(output).TrimStart('.').ToLowerInvariant();
        }

        await using var store = await StaffStore.OpenAsync(root, postgres, Console.Error, cancellationToken);
        if (store is null)
        {
            return 1;
        }

        var (content, count) = await MessageExport.RenderAsync(store.Messages, Path.Combine(root, "_intake"), from, all, cancellationToken, format);
        await Site.Intake.Export.CommentExport.ToFileAsync(content, path, cancellationToken);
        var which = all ? "全部留言" : "未办结的留言";
        Console.WriteLine(count == 0
            ? $"没有{which}{(from is { } f ? $"（{MessageSheet.Words(f)}以来）" : "")}；已写出只有表头的表格 {path}"
            : format == "csv"
                ? $"已导出 {count} 条{which}到 {path}（CSV，含联系方式，请妥善保管）。导入办理情况要用 .xlsx 办理表：不加 --out 或 --out 写 .xlsx 文件再导出"
                : $"已导出 {count} 条{which}到 {path}（含联系方式，请妥善保管）。填写“状态、承办单位、答复内容、答复日期、是否公开”后用 site messages import --file 导入");
        return 0;
    }

    /// <summary>
    /// Imports the filled sheet <paramref name="file"/>; <paramref name="overwrite"/>: a row's reply replaces
    /// a newer one on record (otherwise the newer one is kept and the row named, <see cref="MessageImport.RunAsync"/>).
    /// </summary>
    public static async Task<int> ImportAsync(string root, string file, string? postgres, CancellationToken cancellationToken, bool overwrite = false)
    {
        if (!File.Exists(file))
        {
            Console.Error.WriteLine($"找不到文件 {file}");
            return 1;
        }

        await using var store = await StaffStore.OpenAsync(root, postgres, Console.Error, cancellationToken);
        if (store is null)
        {
            return 1;
        }

        var report = await MessageImport.RunAsync(store.Messages, await File.ReadAllBytesAsync(file, cancellationToken), Path.GetFileName(file), DateTimeOffset.UtcNow, cancellationToken,
            overwrite, MessageExport.RecipientNames(Path.Combine(root, "_intake")));
        foreach (var problem in report.Problems)
        {
            (problem.IsError ? Console.Error : Console.Out).WriteLine(problem);
        }

        (report.Succeeded ? Console.Out : Console.Error).WriteLine(report.Summary);
        return report.Succeeded ? 0 : 1;
    }
}
