using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Site.Intake.Submissions;

namespace Site.Intake.Privacy;

/// <summary>
/// What the privacy page promises a person (您的权利, 保存多久), done by staff on the machine that
/// holds the store: correct a submission's text, delete a submission, and purge contact details
/// past their retention period. Each action is one transaction with its <see cref="PrivacyLog"/>
/// entry, so nothing changes without a record of who did it, and no record exists of a change that
/// did not happen. Works on any open connection to either store (SQLite or PostgreSQL), whose schema
/// has been run (the store's InitializeAsync).
/// </summary>
public sealed class PersonalData(Func<CancellationToken, Task<DbConnection>> open, TimeProvider clock)
{
    /// <summary>The outcome of one action: <see cref="Done"/>, and a Chinese sentence for the staff member.</summary>
    public sealed record Outcome(bool Done, string Message);

    /// <summary>
    /// Replaces the text of the submission <paramref name="receipt"/> with <paramref name="text"/>
    /// (checked as the form checks it). Name and contact stay; the log records the action, not either text.
    /// </summary>
    public async Task<Outcome> CorrectAsync(string receipt, string text, string staff, CancellationToken cancellationToken)
    {
        receipt = receipt.Trim().ToUpperInvariant();
        staff = staff.Trim();
        if (Check(receipt, staff) is { } refusal)
        {
            return refusal;
        }

        var kind = SubmissionKind.Of(receipt)!;
        text = SubmissionText.Normalize(text);
        var length = SubmissionText.Length(text);
        var problem = SubmissionText.Unstorable(text, "更正后的内容")
            ?? (length == 0 || SubmissionText.IsInvisible(text) ? "更正后的内容是空的：请用 --text 给出完整的新内容（要删除请用 privacy delete）"
                : length < kind.MinLength ? $"更正后的内容至少 {kind.MinLength} 个字，当前 {length} 个字"
                : length > kind.MaxLength ? $"更正后的内容最多 {kind.MaxLength} 个字，当前 {length} 个字"
                : null);
        if (problem is not null)
        {
            return new Outcome(false, problem);
        }

        await using var connection = await open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var update = Sql.Command(connection, $"UPDATE {kind.Table} SET text = @text WHERE receipt = @receipt AND removed_at IS NULL", ("@text", text), ("@receipt", receipt));
        update.Transaction = transaction;
        if (await update.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return await NotFoundAsync(connection, transaction, kind, receipt, cancellationToken);
        }

        await PrivacyLog.WriteAsync(connection, transaction, new PrivacyLog.Entry(clock.GetUtcNow(), staff, PrivacyLog.Actions.Correct, receipt, null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(true, $"已更正{kind.Label} {receipt} 的内容（已记录：{staff}）");
    }

    /// <summary>
    /// Deletes what the person wrote and who they are from the submission <paramref name="receipt"/>:
    /// the text is blanked, the personal columns cleared, and removed_at set, so a lookup of the
    /// receipt says it was deleted at the person's request, exports leave it out, and counts (which
    /// were published) stay. The office's own records of a message (its status history) stay.
    /// </summary>
    public async Task<Outcome> DeleteAsync(string receipt, string staff, CancellationToken cancellationToken)
    {
        receipt = receipt.Trim().ToUpperInvariant();
        staff = staff.Trim();
        if (Check(receipt, staff) is { } refusal)
        {
            return refusal;
        }

        var kind = SubmissionKind.Of(receipt)!;
        await using var connection = await open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var clear = string.Concat(kind.PersonalColumns.Select(c => $", {c} = NULL"));
        await using var delete = Sql.Command(connection, $"UPDATE {kind.Table} SET text = ''{clear}, removed_at = @at WHERE receipt = @receipt AND removed_at IS NULL",
            ("@receipt", receipt), ("@at", Sql.Instant(connection, now)));
        delete.Transaction = transaction;
        if (await delete.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return await NotFoundAsync(connection, transaction, kind, receipt, cancellationToken);
        }

        await PrivacyLog.WriteAsync(connection, transaction, new PrivacyLog.Entry(now, staff, PrivacyLog.Actions.Delete, receipt, null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new Outcome(true, $"已删除{kind.Label} {receipt}（已记录：{staff}）；凭回执查询时将显示“已应本人要求删除”");
    }

    /// <summary>The purge's count per kind, and the rule it applied.</summary>
    public sealed record PurgeCount(SubmissionKind Kind, int Cleared);

    /// <summary>
    /// Clears the contact columns of every submission past its kind's retention period, and re-keys
    /// its participant hash (a bare hash of a phone number can be reversed by trying every number)
    /// with a key made for this run and then forgotten: submissions of one person in one run still
    /// share a value, so a draft's count of participants does not change, but nothing leads back to
    /// the number. <paramref name="closes"/> gives a group's (draft's) closing time, or null when
    /// unknown (then the submission's own date counts). Running it again clears nothing more.
    /// </summary>
    public async Task<IReadOnlyList<PurgeCount>> PurgeAsync(Func<string, DateTimeOffset?> closes, string staff, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staff);
        var now = clock.GetUtcNow();
        var runKey = RandomNumberGenerator.GetBytes(32);
        var counts = new List<PurgeCount>();
        await using var connection = await open(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var kind in SubmissionKind.All)
        {
            var held = "(" + string.Join(" OR ", kind.ContactColumns.Select(c => c + " IS NOT NULL")) + ") AND removed_at IS NULL";
            var group = kind.GroupColumn ?? "NULL";
            var participant = kind.ParticipantColumn ?? "NULL";
            var expired = new List<(string Receipt, string? Participant)>();
            await using (var select = Sql.Command(connection, $"SELECT receipt, created_at, {group}, {participant} FROM {kind.Table} WHERE {held}"))
            {
                select.Transaction = transaction;
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var from = (reader.IsDBNull(2) ? null : closes(reader.GetString(2))) ?? reader.GetFieldValue<DateTimeOffset>(1);
                    if (from.AddYears(kind.ContactYears) <= now)
                    {
                        expired.Add((reader.GetString(0), reader.IsDBNull(3) ? null : reader.GetString(3)));
                    }
                }
            }

            if (!dryRun && expired.Count > 0)
            {
                var clear = string.Join(", ", kind.ContactColumns.Select(c => c + " = NULL").Concat(kind.ParticipantColumn is null ? [] : [kind.ParticipantColumn + " = @participant"]));
                await using var update = Sql.Command(connection, $"UPDATE {kind.Table} SET {clear} WHERE receipt = @receipt", ("@receipt", ""), ("@participant", ""));
                update.Transaction = transaction;
                foreach (var (receipt, hash) in expired)
                {
                    update.Parameters["@receipt"].Value = receipt;
                    update.Parameters["@participant"].Value = hash is null ? DBNull.Value : Rekey(runKey, hash);
                    await update.ExecuteNonQueryAsync(cancellationToken);
                }

                await PrivacyLog.WriteAsync(connection, transaction, new PrivacyLog.Entry(now, staff, PrivacyLog.Actions.Purge, null,
                    $"{kind.Label} {expired.Count} 条：清除姓名、联系方式（保存期 {RetentionPeriods.InWords(kind.ContactYears)}）"), cancellationToken);
            }

            counts.Add(new PurgeCount(kind, expired.Count));
        }

        CryptographicOperations.ZeroMemory(runKey);
        await transaction.CommitAsync(cancellationToken);
        return counts;
    }

    private static string Rekey(byte[] key, string participant) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(participant)))[..16];

    private static Outcome? Check(string receipt, string staff)
    {
        if (string.IsNullOrWhiteSpace(staff))
        {
            return new Outcome(false, "请用 --by 写明经办人姓名：每次更正、删除都要记录是谁办的");
        }

        return SubmissionKind.Of(receipt) is null
            ? new Outcome(false, $"回执编号格式不对：“{receipt}”（应如 {SubmissionKind.Comments.Prefix}261123-7KQ2M9PX；可用的前缀：{string.Join("、", SubmissionKind.All.Select(k => $"{k.Prefix}（{k.Label}）"))}）")
            : null;
    }

    private static async Task<Outcome> NotFoundAsync(DbConnection connection, DbTransaction transaction, SubmissionKind kind, string receipt, CancellationToken cancellationToken) =>
        await RemovedAtAsync(connection, transaction, kind, receipt, cancellationToken) is { } at
            ? new Outcome(false, $"{kind.Label} {receipt} 已于 {at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} 删除，没有可更改的内容")
            : new Outcome(false, $"没有回执编号为 {receipt} 的{kind.Label}（请核对编号，注意 0 与 O、1 与 I）");

    private static async Task<DateTimeOffset?> RemovedAtAsync(DbConnection connection, DbTransaction transaction, SubmissionKind kind, string receipt, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, $"SELECT removed_at FROM {kind.Table} WHERE receipt = @receipt AND removed_at IS NOT NULL", ("@receipt", receipt));
        command.Transaction = transaction;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<DateTimeOffset>(0) : null;
    }
}
