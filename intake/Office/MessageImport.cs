using Site.Intake.Storage;
using Site.Intake.Submissions;

namespace Site.Intake.Office;

/// <summary>
/// The office's filled sheet applied to the messages it names, as status events (<see cref="IMessageStore.ApplyAsync"/>).
/// <para>
/// All or nothing per file: every row is checked first, against the sheet's own rules
/// (<see cref="MessageSheetReader"/>) and against the store (the receipt exists, 答复日期 is not
/// before the message came in nor after today, 已答复 has a reply, no receipt twice), and one error
/// anywhere applies nothing, so the office fixes the sheet and imports the same file again instead
/// of working out which half went in. Every error of a row is said (a row the sheet's own rules
/// refuse is checked against the store too), and a notice that a reply was replaced only for a row
/// that was applied. A valid file is applied in one transaction. A status only
/// moves forward (已收到 &lt; 已转办 &lt; 办理中 &lt; 已答复 &lt; 已办结): a row that sets it back is an error,
/// and a changed 承办单位 on a message already answered is a warning naming both units.
/// </para>
/// <para>
/// Idempotent: a row is recorded only where it changes the message (status, 承办单位, 答复内容,
/// 答复日期, 是否公开; a blank cell keeps what is recorded), so importing the same sheet twice
/// records nothing the second time, and the report says so.
/// </para>
/// </summary>
public static class MessageImport
{
    /// <summary>What an import did (or, with errors, would not do); <paramref name="Problems"/> in file order (sheet, then row).</summary>
    public sealed record Report(IReadOnlyList<SheetProblem> Problems, int Rows, int Applied, int Unchanged, int Untouched, int KeptNewer = 0)
    {
        public bool Succeeded => !Problems.Any(p => p.IsError);

        public int Errors => Problems.Count(p => p.IsError);

        /// <summary>One Chinese sentence for the end of the report.</summary>
        public string Summary => !Succeeded
            ? $"发现 {Errors} 处错误，本次没有导入任何内容：请改正后重新导入整个文件"
            : Rows == 0
                ? $"表中没有填写办理情况的行，没有改动（{Untouched} 行未填）"
                : Applied == 0 && KeptNewer > 0
                    ? $"没有更新任何留言：{KeptNewer} 行的答复与系统中已记录的不同，保留了系统中的答复（见上面的提示；确要替换，请加 --overwrite 重新导入）"
                      + (Unchanged > KeptNewer ? $"；其余 {Unchanged - KeptNewer} 行与已记录的一致" : "") + (Untouched > 0 ? $"；{Untouched} 行未填办理情况，未改动" : "")
                : Applied == 0
                    ? $"没有需要更新的内容：填了办理情况的 {Unchanged} 行都与已记录的一致（这个表格已导入过）" + Blank
                    : $"已更新 {Applied} 条留言的办理情况" + (Unchanged > 0 ? $"，{Unchanged} 条与已记录的一致" : "") + Blank;

        private string Blank => (Untouched > 0 ? $"；{Untouched} 行未填办理情况，未改动" : "")
            + (KeptNewer > 0 ? $"；{KeptNewer} 行的答复与系统中已记录的不同，保留了系统中的答复（见上面的提示；确要替换，请加 --overwrite 重新导入）" : "");
    }

    /// <summary>
    /// Checks and applies <paramref name="content"/> (the sheet named <paramref name="file"/>). A row
    /// whose 答复内容 may be older than the reply on record (<see cref="Older"/>: an older sheet imported
    /// after a newer one) leaves the recorded
    /// reply and date as they are, with a warning naming the sheet, row, recipient and receipt, unless
    /// <paramref name="overwrite"/>. <paramref name="recipientName"/> names a deputy or station in those
    /// warnings (default: its id).
    /// </summary>
    public static async Task<Report> RunAsync(IMessageStore store, byte[] content, string file, DateTimeOffset now, CancellationToken cancellationToken,
        bool overwrite = false, Func<RecipientKind, string, string>? recipientName = null)
    {
        recipientName ??= (kind, id) => kind == RecipientKind.Deputy ? $"代表 {id}" : $"家站点 {id}";
        var kept = 0;
        var read = MessageSheetReader.Read(content, file, cancellationToken);
        var problems = read.Problems.ToList();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var seen = new Dictionary<string, MessageSheetReader.Row>(StringComparer.Ordinal);
        var updates = new List<(MessageSheetReader.Row Row, MessageStatusUpdate Update)>();
        // Notices that say a reply was replaced: said only when the file is applied, not beside its errors.
        var applied = new List<(MessageSheetReader.Row Row, SheetProblem Notice)>();
        foreach (var row in read.Rows)
        {
            string Where(string field) => SheetProblem.ColumnOf(field, row.Columns[field]);
            // A cell the sheet's own check refused (答复日期 “下周”) is not said again as missing.
            bool Refused(string field) => row.Columns.ContainsKey(field) && read.Problems.Any(p => p.IsError && p.Sheet == row.Sheet && p.Row == row.Number && p.Column == Where(field));
            if (seen.TryGetValue(row.Receipt, out var first))
            {
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Receipt),
                    $"回执编号 {row.Receipt} 出现了两次（{(first.Sheet == row.Sheet ? "" : $"工作表“{first.Sheet}”")}第 {first.Number} 行也是），请只留一行"));
                continue;
            }

            seen[row.Receipt] = row;
            var message = await store.FindAsync(row.Receipt, cancellationToken);
            if (message is null)
            {
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Receipt), $"没有回执编号为 {row.Receipt} 的留言（请核对编号，注意 0 与 O、1 与 I）"));
                continue;
            }

            if (message.RemovedAt is not null)
            {
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Receipt),
                    $"留言 {row.Receipt} 已应本人要求删除，这一行不导入", IsError: false));
                continue;
            }

            // A row with errors of the sheet's own (是否公开 = Y) is still checked against the store, so
            // every error of the row (an 答复日期 before the message came in) is said in the one run.
            // An older sheet imported after a newer one: the reply on record stays unless the office
            // says to overwrite it; the rest of the row (a status moving forward, 承办单位, 是否公开) still applies.
            var keepRecorded = false;
            if (row.Reply is not null && message.Reply is not null && row.Reply != message.Reply && Older(row, message) is { } why)
            {
                var recipient = recipientName(message.Kind, message.Recipient);
                var whose = $"{recipient}{(char.IsAsciiLetterOrDigit(recipient[^1]) ? " " : "")}的留言 {row.Receipt}";
                var recordedOn = message.RepliedOn is { } r ? MessageSheet.Words(r) : "未填日期";
                var recorded = $"系统中的答复（{recordedOn}）：“{Excerpt(message.Reply)}”";
                var sheet = $"这一行的答复（{(row.RepliedOn is { } d ? MessageSheet.Words(d) : "未填日期")}）：“{Excerpt(row.Reply)}”";
                if (overwrite)
                {
                    applied.Add((row, new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Reply),
                        $"已按 --overwrite 用这一行的答复替换了{whose} 在系统中已记录的答复（{why}）。原来的答复（{recordedOn}）：“{Excerpt(message.Reply)}”", IsError: false)));
                }
                else
                {
                    keepRecorded = true;
                    kept++;
                    problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Reply),
                        $"保留了{whose} 在系统中已记录的答复，这一行的答复内容和答复日期未导入（{why}）。{recorded}；{sheet}。"
                        + "这一行可能来自较早导出的表格；确要用这一行的答复替换，请加 --overwrite 重新导入", IsError: false));
                }
            }

            var reply = keepRecorded ? message.Reply : row.Reply ?? message.Reply;
            var repliedOn = keepRecorded ? null : row.RepliedOn;
            var before = problems.Count;
            if (row.Status is { } status && status < message.Status)
            {
                // The office only moves a message forward: going back would hide an answer already
                // given (and re-credit it), so a mistaken status is corrected by the administrator.
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Status),
                    $"状态不能倒退：留言 {row.Receipt} 现在是“{message.Status.Label()}”，这里填的是“{status.Label()}”"
                    + $"（办理状态只能向前：{string.Join(" → ", MessageVocabulary.Statuses.Select(s => s.Label()))}）。"
                    + $"请填“{message.Status.Label()}”或之后的状态；如果之前确实登记错了，要改回“{status.Label()}”，请联系系统管理员更正，不能通过导入退回"));
            }

            if (row.Unit is { } unit && message.Reply is not null && message.Unit is { } oldUnit && unit != oldUnit)
            {
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Unit),
                    $"留言 {row.Receipt} 已有答复，承办单位由“{oldUnit}”改为“{unit}”：已有的答复将记在“{unit}”名下，请确认确是换了承办单位", IsError: false));
            }

            // The row's own 答复日期 is checked even where the recorded reply is kept: a date that cannot be
            // right is an error whether or not this import would have used it.
            var received = DateOnly.FromDateTime(message.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime);
            if (row.RepliedOn is { } on)
            {
                if (on < received)
                {
                    problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.RepliedOn),
                        $"答复日期 {MessageSheet.Words(on)} 早于收到留言的日期 {MessageSheet.Words(received)}"));
                }
                else if (on > today)
                {
                    problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.RepliedOn),
                        $"答复日期 {MessageSheet.Words(on)} 晚于今天（{MessageSheet.Words(today)}）"));
                }
            }

            if (row.Status == MessageStatus.Answered && reply is null && !Refused(MessageSheet.Reply))
            {
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, row.Columns.ContainsKey(MessageSheet.Reply) ? Where(MessageSheet.Reply) : Where(MessageSheet.Status),
                    "状态是“已答复”，但没有答复内容"));
            }

            else if (!keepRecorded && row.Reply is not null && (row.RepliedOn ?? message.RepliedOn) is null && !Refused(MessageSheet.RepliedOn))
            {
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, row.Columns.ContainsKey(MessageSheet.RepliedOn) ? Where(MessageSheet.RepliedOn) : Where(MessageSheet.Reply),
                    "填了答复内容，请同时填写答复日期"));
            }
            else if (repliedOn is not null && reply is null && !Refused(MessageSheet.Reply))
            {
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.RepliedOn), "填了答复日期，但没有答复内容"));
            }

            // A correction (a later 答复日期 under the same status) replaces the recorded reply: said, with what it was.
            if (!keepRecorded && !overwrite && row.Reply is not null && message.Reply is not null && row.Reply != message.Reply && row.Status == message.Status)
            {
                applied.Add((row, new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Reply),
                    $"答复内容与系统中已记录的不同，答复日期较晚，已改为这里的内容（原来是“{Excerpt(message.Reply)}”）", IsError: false)));
            }

            if (row.Public == true && !message.PublishConsent)
            {
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, Where(MessageSheet.Public),
                    "留言人没有同意公开，这条留言不会在网站上公开（只有本人同意并且这里填“是”才公开）", IsError: false));
            }

            if (row.Valid && problems.Skip(before).All(p => !p.IsError))
            {
                updates.Add((row, new MessageStatusUpdate(row.Receipt, row.Status!.Value, row.Unit, keepRecorded ? null : row.Reply, repliedOn, row.Public, now, Path.GetFileName(file))));
            }
        }

        if (problems.Any(p => p.IsError))
        {
            return new Report(SheetProblem.InFileOrder(problems, read.Sheets), read.Rows.Count, 0, 0, read.BlankRows, kept);
        }

        var outcomes = updates.Count == 0 ? [] : await store.ApplyAsync(updates.Select(u => u.Update).ToList(), cancellationToken);
        var appliedRows = updates.Where((_, i) => outcomes[i] == UpdateOutcome.Applied).Select(u => u.Row).ToHashSet(ReferenceEqualityComparer.Instance);
        problems.AddRange(applied.Where(a => appliedRows.Contains(a.Row)).Select(a => a.Notice));
        for (var i = 0; i < outcomes.Count; i++)
        {
            // Deleted or gone between the check and the transaction: said, not silently skipped.
            if (outcomes[i] is UpdateOutcome.Removed or UpdateOutcome.NotFound)
            {
                var row = updates[i].Row;
                problems.Add(new SheetProblem(file, row.Sheet, row.Number, SheetProblem.ColumnOf(MessageSheet.Receipt, row.Columns[MessageSheet.Receipt]),
                    $"留言 {row.Receipt} 刚刚被删除，这一行未导入", IsError: false));
            }
        }

        return new Report(SheetProblem.InFileOrder(problems, read.Sheets), read.Rows.Count, outcomes.Count(o => o == UpdateOutcome.Applied), outcomes.Count(o => o == UpdateOutcome.Unchanged), read.BlankRows, kept);
    }

    /// <summary>
    /// Why the row's 答复内容 must not replace the reply on record without --overwrite (Chinese), or null
    /// when it is newer: the record held the row's reply before and has since replaced it; the row's
    /// 答复日期 is before the recorded one; or the row keeps the recorded status and 答复日期, so nothing
    /// shows it is the later one (a sheet exported before the reply was recorded looks just so). A
    /// different reply with the status moved forward or a later 答复日期 is the office's next step or
    /// correction, and is applied (said, with the reply it replaces).
    /// </summary>
    private static string? Older(MessageSheetReader.Row row, StoredMessage message)
    {
        if (message.History.Any(e => e.Reply == row.Reply))
        {
            var replaced = message.History.Last(e => e.Reply == row.Reply);
            return $"这一行的答复系统中在 {SheetDates.Words(SheetDates.Day(replaced.RecordedAt))} 记录过，之后已被替换为现在的答复";
        }

        if (row.RepliedOn is { } on && message.RepliedOn is { } recorded && on < recorded)
        {
            return $"这一行的答复日期 {MessageSheet.Words(on)} 早于系统中的答复日期 {MessageSheet.Words(recorded)}";
        }

        // Under the same status and 答复日期 nothing in the sheet says which reply came later: the one on record stays.
        return row.Status == message.Status && (row.RepliedOn is null || message.RepliedOn is null || row.RepliedOn == message.RepliedOn)
            ? $"状态和答复日期都与系统中的相同，看不出这一行的答复比系统中的新"
            : null;
    }

    /// <summary>The first 30 text elements of <paramref name="text"/>, with … when cut.</summary>
    private static string Excerpt(string text)
    {
        var info = new System.Globalization.StringInfo(text);
        return info.LengthInTextElements <= 30 ? text : info.SubstringByTextElements(0, 30) + "…";
    }
}
