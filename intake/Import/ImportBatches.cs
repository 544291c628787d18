using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Site.Intake.Comments;
using Site.Intake.Privacy;
using Site.Intake.Storage;

namespace Site.Intake.Import;

/// <summary>
/// Each offline import that stores anything is a batch (导入批次, <c>PC261120-7KQ2</c>: the day in Beijing
/// and four random characters), recorded in the table comment_imports with the receipt of every comment
/// it added, so a mistaken import can be undone exactly: <see cref="UndoAsync"/> deletes those comments
/// and nothing else (not the ones an earlier import of the same file had stored, not online comments,
/// not another batch's). Exports are recorded too (comment_exports), because a batch whose comments
/// were exported after it came in, or whose draft has published its feedback report (意见采纳情况), may
/// already be in the office's hands: undoing it then needs <c>force</c>.
/// </summary>
public static class ImportBatches
{
    public const string Prefix = "PC";

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>How an export is recorded: from the command line or over HTTP.</summary>
    public const string CommandLine = "命令行导出", OverHttp = "网上导出";

    /// <summary>A new batch id: PC, the day in Beijing (yyMMdd), a hyphen and four random characters (Crockford's base 32).</summary>
    public static string NewId(DateTimeOffset now) =>
        Prefix + now.ToOffset(TimeSpan.FromHours(8)).ToString("yyMMdd", CultureInfo.InvariantCulture) + "-" + new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4));

    /// <summary>A batch id as typed (full-width, lower case, spaces, no hyphen, O for 0) in its stored form; null when it is not one.</summary>
    public static string? Normalize(string? typed)
    {
        var compact = new string((typed ?? "").Normalize(NormalizationForm.FormKC).Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
        if (compact.Length != 2 + 6 + 4 || !compact.StartsWith(Prefix, StringComparison.Ordinal) || !compact[2..8].All(char.IsAsciiDigit))
        {
            return null;
        }

        var tail = compact[8..].Replace('O', '0').Replace('I', '1').Replace('L', '1');
        return tail.All(c => Alphabet.Contains(c)) ? compact[..8] + "-" + tail : null;
    }

    /// <summary>Records <paramref name="receipts"/> (the comments an import added) as <paramref name="batch"/>.</summary>
    public static Task RecordAsync(ICommentStore store, string batch, string draft, string file, IReadOnlyList<string> receipts, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.InTransactionAsync(async (connection, transaction) =>
        {
            foreach (var receipt in receipts)
            {
                await using var insert = Sql.Command(connection, "INSERT INTO comment_imports (batch, receipt, draft, file, imported_at) VALUES (@batch, @receipt, @draft, @file, @at) ON CONFLICT DO NOTHING",
                    ("@batch", batch), ("@receipt", receipt), ("@draft", draft), ("@file", file), ("@at", Sql.Instant(connection, at)));
                insert.Transaction = transaction;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

            return true;
        }, cancellationToken);

    /// <summary>Records that <paramref name="draft"/>'s comments were exported at <paramref name="at"/> (<see cref="CommandLine"/> or <see cref="OverHttp"/>).</summary>
    public static Task RecordExportAsync(ICommentStore store, string draft, string how, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.InTransactionAsync(async (connection, transaction) =>
        {
            await using var insert = Sql.Command(connection, "INSERT INTO comment_exports (draft, at, how) VALUES (@draft, @at, @how)",
                ("@draft", draft), ("@at", Sql.Instant(connection, at)), ("@how", how));
            insert.Transaction = transaction;
            return await insert.ExecuteNonQueryAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>One comment an undo removed (or would have): receipt, channel, 收到日期, article anchor, text, submitter.</summary>
    public sealed record Row(string Receipt, string? Channel, DateTimeOffset ReceivedAt, string? Article, string Text, string? Submitter);

    /// <summary>
    /// What an undo did: <paramref name="Done"/>, a Chinese sentence for the staff (why not, or what was
    /// removed), and the comments removed (empty when not done).
    /// </summary>
    public sealed record Outcome(bool Done, string Message, IReadOnlyList<Row> Removed);

    /// <summary>
    /// Deletes the comments batch <paramref name="typed"/> added, in one transaction, and marks the batch
    /// undone. Refused (nothing changed) when the id is not a batch's (the latest batches are named),
    /// when it was undone already, and, unless <paramref name="force"/>, when the draft's comments were
    /// exported after the batch came in or the draft (from <paramref name="drafts"/>) has published its
    /// feedback report.
    /// </summary>
    public static async Task<Outcome> UndoAsync(ICommentStore store, string typed, bool force, Func<string, DraftEntry?> drafts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (Normalize(typed) is not { } batch)
        {
            return new Outcome(false, $"“{typed}”不是导入批次号：批次号形如 {Prefix}261120-7KQ2，导入成功时会显示" + await LatestAsync(store, cancellationToken), []);
        }

        return await store.InTransactionAsync(async (connection, transaction) =>
        {
            DbCommand Command(string sql, params (string, object?)[] parameters)
            {
                var command = Sql.Command(connection, sql, parameters);
                command.Transaction = transaction;
                return command;
            }

            string? draft = null, file = null;
            DateTimeOffset importedAt = default;
            DateTimeOffset? undoneAt = null;
            var count = 0;
            await using (var find = Command("SELECT draft, file, imported_at, undone_at FROM comment_imports WHERE batch = @batch", ("@batch", batch)))
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    (draft, file, importedAt) = (reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
                    undoneAt = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3);
                    count++;
                }
            }

            if (draft is null || file is null)
            {
                return new Outcome(false, $"没有导入批次 {batch}" + await LatestAsync(connection, transaction, cancellationToken), []);
            }

            var entry = drafts(draft);
            var title = entry is null ? draft : $"《{entry.Title}》";
            var what = $"批次 {batch}（{title}，文件 {file}，{When(importedAt)} 导入 {count} 条）";
            if (undoneAt is { } undone)
            {
                return new Outcome(false, $"{what}已于 {When(undone)} 撤销，没有可撤销的意见", []);
            }

            var reasons = new List<string>();
            await using (var exports = Command("SELECT COUNT(*), MAX(at) FROM comment_exports WHERE draft = @draft AND at >= @at", ("@draft", draft), ("@at", Sql.Instant(connection, importedAt))))
            await using (var reader = await exports.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken) && reader.GetInt64(0) > 0)
                {
                    reasons.Add($"这部草案的意见在导入后导出过 {reader.GetInt64(0)} 次（最近一次在 {When(reader.GetFieldValue<DateTimeOffset>(1))}），这些意见可能已在交出的表格中");
                }
            }

            if (entry?.Feedback is { } feedback)
            {
                reasons.Add($"{title}已于 {SheetDatesWords(feedback.Published)} 公布意见采纳情况，这些意见可能已经答复");
            }

            if (reasons.Count > 0 && !force)
            {
                return new Outcome(false, $"没有撤销{what}：{string.Join("；", reasons)}。确要撤销，请加 --force 重新运行", []);
            }

            var removed = new List<Row>();
            const string Batch = "receipt IN (SELECT receipt FROM comment_imports WHERE batch = @batch)";
            await using (var rows = Command($"SELECT receipt, channel, created_at, article, text, name FROM comments WHERE {Batch} ORDER BY id", ("@batch", batch)))
            await using (var reader = await rows.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    removed.Add(new Row(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                        reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
                }
            }

            await using (var delete = Command($"DELETE FROM comments WHERE {Batch}", ("@batch", batch)))
            {
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var mark = Command("UPDATE comment_imports SET undone_at = @now WHERE batch = @batch", ("@now", Sql.Instant(connection, now)), ("@batch", batch)))
            {
                await mark.ExecuteNonQueryAsync(cancellationToken);
            }

            var missing = count - removed.Count;
            return new Outcome(true, $"已撤销{what}：删除了 {removed.Count} 条意见" + (missing > 0 ? $"（另有 {missing} 条已不在库中）" : "")
                + (reasons.Count > 0 ? $"。注意：{string.Join("；", reasons)}" : ""), removed);
        }, cancellationToken);
    }

    /// <summary>One removed comment as a line for the staff: receipt, channel, date, article, the first words.</summary>
    public static string Describe(Row row)
    {
        var text = new StringInfo(row.Text.ReplaceLineEndings(" "));
        var excerpt = text.LengthInTextElements <= 30 ? row.Text.ReplaceLineEndings(" ") : text.SubstringByTextElements(0, 30) + "…";
        return $"{row.Receipt}  {row.Channel ?? DraftStats.OnlineChannel}  {SheetDatesWords(DateOnly.FromDateTime(row.ReceivedAt.ToOffset(TimeSpan.FromHours(8)).DateTime))}  "
            + $"{(row.Article is null ? Export.CommentExport.WholeDraft : ArticleNumbers.LabelOf(row.Article))}  {(row.Submitter is null ? "" : row.Submitter + "：")}{excerpt}";
    }

    private static Task<string> LatestAsync(ICommentStore store, CancellationToken cancellationToken) =>
        store.InTransactionAsync((connection, transaction) => LatestAsync(connection, transaction, cancellationToken), cancellationToken);

    /// <summary>The five latest batches, for a batch id that names none: 。最近的导入批次：PC…（…）.</summary>
    private static async Task<string> LatestAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, """
            SELECT batch, draft, file, MIN(imported_at), COUNT(*), MAX(undone_at) FROM comment_imports
            GROUP BY batch, draft, file ORDER BY MIN(imported_at) DESC LIMIT 5
            """);
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add($"{reader.GetString(0)}（{reader.GetString(1)}，{reader.GetString(2)}，{When(reader.GetFieldValue<DateTimeOffset>(3))}，{reader.GetInt64(4)} 条{(reader.IsDBNull(5) ? "" : "，已撤销")}）");
        }

        return lines.Count == 0 ? "。库中还没有导入批次" : "。最近的导入批次：" + string.Join("；", lines);
    }

    private static string When(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private static string SheetDatesWords(DateOnly day) => Submissions.SheetDates.Words(day);
}
