using System.Globalization;
using MiniExcelLibs;
using Site.Intake.Storage;
using Site.Intake.Submissions;

namespace Site.Intake.Office;

/// <summary>
/// Reads the office's sheet back as offices return it: a title row or notes above the header,
/// columns moved or added, header names with spaces or line breaks in them, dates as Excel dates or
/// typed as text (2026年3月5日, 2026.3.5, 2026-03-05, 2026/3/5, 20260305), spaces around values.
/// Every sheet with a 回执编号 header is read. What can be checked without the store is checked
/// here (a known 状态, a date, 是/否, lengths), and every problem is collected, never just the first.
/// </summary>
public static partial class MessageSheetReader
{
    /// <summary>How many rows from the top a header may be found in.</summary>
    public const int HeaderSearchRows = 20;

    /// <summary>Longest 答复内容 and 承办单位, in characters.</summary>
    public const int MaxReply = 5000;
    public const int MaxUnit = 100;

    /// <summary>
    /// Most rows a sheet may have below its header search rows. An office's reply sheet holds a
    /// year's messages at most; the limit keeps a small file whose rows are numbered up to
    /// 1,048,576 (or a compressed sheet of millions of rows) from being held in memory.
    /// </summary>
    public const int MaxDataRows = 10_000;

    /// <summary>Rows read from the top of a sheet at most: the header search rows and <see cref="MaxDataRows"/>.</summary>
    public const int MaxRows = HeaderSearchRows + MaxDataRows;

    /// <summary>Header names the import reads, and other names offices give the same column.</summary>
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        [MessageSheet.Receipt] = MessageSheet.Receipt, ["回执号"] = MessageSheet.Receipt, ["编号"] = MessageSheet.Receipt,
        [MessageSheet.Received] = MessageSheet.Received,
        [MessageSheet.Status] = MessageSheet.Status, ["办理状态"] = MessageSheet.Status, ["处理状态"] = MessageSheet.Status,
        [MessageSheet.Unit] = MessageSheet.Unit, ["办理单位"] = MessageSheet.Unit,
        [MessageSheet.Reply] = MessageSheet.Reply, ["答复意见"] = MessageSheet.Reply, ["办理结果"] = MessageSheet.Reply,
        [MessageSheet.RepliedOn] = MessageSheet.RepliedOn, ["答复时间"] = MessageSheet.RepliedOn,
        [MessageSheet.Public] = MessageSheet.Public,
    };

    /// <summary>
    /// One row with something in the office's columns and a message's receipt, its values parsed
    /// (null: blank or not readable). <see cref="Valid"/>: no problem was found in it here.
    /// </summary>
    public sealed record Row(
        string Sheet,
        int Number,
        string Receipt,
        MessageStatus? Status,
        string? Unit,
        string? Reply,
        DateOnly? RepliedOn,
        bool? Public,
        IReadOnlyDictionary<string, string> Columns,
        bool Valid);

    /// <summary>What a file yielded: its rows, and every problem found in it; <paramref name="Sheets"/> the workbook's sheet names in order.</summary>
    public sealed record Result(IReadOnlyList<Row> Rows, IReadOnlyList<SheetProblem> Problems, int BlankRows, IReadOnlyList<string> Sheets);

    /// <summary>
    /// Reads every visible sheet of <paramref name="content"/> (an .xlsx file named <paramref name="file"/>
    /// in messages). A sheet longer than <see cref="MaxRows"/> rows, or a cell the library cannot convert
    /// (a date beyond year 9999), is an error naming sheet and row; that sheet is read no further.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static Result Read(byte[] content, string file, CancellationToken cancellationToken = default)
    {
        var rows = new List<Row>();
        var problems = new List<SheetProblem>();
        var blank = 0;
        var names = new List<string>();
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            if (SheetFiles.Refusal(stream) is { } notWorkbook)
            {
                problems.Add(new SheetProblem(file, null, null, null, notWorkbook));
                return new Result(rows, problems, blank, names);
            }

            var sheets = MiniExcel.GetSheetInformations(stream);
            names.AddRange(sheets.Select(s => s.Name));
            var read = 0;
            foreach (var sheet in sheets)
            {
                if (sheet.State != MiniExcelLibs.OpenXml.SheetState.Visible)
                {
                    problems.Add(new SheetProblem(file, sheet.Name, null, null, "隐藏的工作表，未读取", IsError: false));
                    continue;
                }

                stream.Position = 0;
                var cells = Rows(stream, file, sheet.Name, problems, cancellationToken);
                if (cells is null)
                {
                    continue;
                }

                if (ReadSheet(file, sheet.Name, cells, rows, problems, ref blank))
                {
                    read++;
                }
            }

            if (read == 0 && !problems.Any(p => p.IsError))
            {
                problems.Add(new SheetProblem(file, null, null, null,
                    $"没有找到含“{MessageSheet.Receipt}”和“{MessageSheet.Status}”列的工作表（表头须在前 {HeaderSearchRows} 行内）：请用导出的留言办理表填写"));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or FormatException
                                       or System.Xml.XmlException or ArgumentException or NotSupportedException)
        {
            problems.Add(new SheetProblem(file, null, null, null, $"无法读取这个 Excel 工作簿，文件可能已损坏或不完整。{SheetFiles.SaveAsXlsx}"));
        }

        return new Result(rows, problems, blank, names);
    }

    /// <summary>
    /// A sheet's rows read one at a time (the library fills the gaps between numbered rows with empty
    /// rows, so the count is the sheet's row number); null, with an error, when it has more than
    /// <see cref="MaxRows"/> rows or a cell cannot be read.
    /// </summary>
    private static List<IDictionary<string, object?>>? Rows(Stream stream, string file, string sheet, List<SheetProblem> problems, CancellationToken cancellationToken)
    {
        var cells = new List<IDictionary<string, object?>>();
        using var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (!rows.MoveNext())
                {
                    return cells;
                }
            }
            catch (Exception ex) when (ex is OverflowException or ArgumentException or InvalidCastException or FormatException)
            {
                // The library converts a cell while reading its row (a date-formatted cell holding
                // 99999999 overflows DateTime): the row is known, the column is not.
                problems.Add(new SheetProblem(file, sheet, cells.Count + 1, null,
                    "这一行有无法读取的单元格（如设为日期格式却超出日期范围的数字）：请改正这一行的日期或数字后重新导入"));
                return null;
            }

            if (cells.Count == MaxRows)
            {
                problems.Add(new SheetProblem(file, sheet, cells.Count + 1, null,
                    $"工作表超过 {MaxRows} 行（表头以下最多 {MaxDataRows} 行），这个工作表未读取：请删去第 {MaxRows} 行以下的内容，或分成几个文件导入"));
                return null;
            }

            cells.Add(rows.Current);
        }
    }

    /// <summary>Reads one sheet; false when it has no header of ours (then it is reported if it has content).</summary>
    private static bool ReadSheet(string file, string sheet, List<IDictionary<string, object?>> cells, List<Row> rows, List<SheetProblem> problems, ref int blank)
    {
        var headerIndex = -1;
        Dictionary<string, string> columns = []; // field -> column letter
        for (var i = 0; i < Math.Min(HeaderSearchRows, cells.Count); i++)
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (letter, value) in cells[i])
            {
                if (value is string text && Headers.TryGetValue(HeaderKey(text), out var field))
                {
                    if (found.TryGetValue(field, out var earlier))
                    {
                        problems.Add(new SheetProblem(file, sheet, i + 1, $"{letter} 列", $"“{field}”列出现了两次（{earlier} 列和 {letter} 列），请删去一列"));
                    }

                    found.TryAdd(field, letter);
                }
            }

            if (found.ContainsKey(MessageSheet.Receipt) && found.Count >= 2)
            {
                headerIndex = i;
                columns = found;
                break;
            }
        }

        if (headerIndex < 0)
        {
            if (cells.Any(r => r.Values.Any(v => v is not null && Text(v) is not null)))
            {
                problems.Add(new SheetProblem(file, sheet, null, null,
                    $"前 {HeaderSearchRows} 行中没有含“{MessageSheet.Receipt}”的表头，这个工作表未读取", IsError: false));
            }

            return false;
        }

        if (!columns.ContainsKey(MessageSheet.Status))
        {
            problems.Add(new SheetProblem(file, sheet, headerIndex + 1, null,
                $"表头缺少“{MessageSheet.Status}”列（表头有：{string.Join("、", cells[headerIndex].Values.Select(v => v is null ? null : Text(v)).Where(v => v is not null))}）"));
            return true;
        }

        for (var i = headerIndex + 1; i < cells.Count; i++)
        {
            var number = i + 1;
            var values = columns.ToDictionary(c => c.Key, c => cells[i].TryGetValue(c.Value, out var v) ? v : null);
            var office = new[] { MessageSheet.Status, MessageSheet.Unit, MessageSheet.Reply, MessageSheet.RepliedOn, MessageSheet.Public };
            var typed = values.Where(v => v.Value is not null && Text(v.Value) is not null).Select(v => v.Key).ToHashSet();
            if (!typed.Overlaps(office))
            {
                // A message the office has not touched yet, or an empty row.
                blank++;
                continue;
            }

            string Where(string field) => SheetProblem.ColumnOf(field, columns[field]);
            var before = problems.Count;
            var receiptText = Text(values[MessageSheet.Receipt]);
            var receipt = ReceiptNumbers.Normalize(receiptText);
            if (receiptText is null)
            {
                problems.Add(new SheetProblem(file, sheet, number, Where(MessageSheet.Receipt), "这一行填了办理情况，但没有回执编号"));
            }
            else if (receipt is null || !receipt.StartsWith(ReceiptNumbers.Messages.Prefix, StringComparison.Ordinal))
            {
                problems.Add(new SheetProblem(file, sheet, number, Where(MessageSheet.Receipt), receipt is null
                    ? $"回执编号格式不对：“{receiptText}”（留言的回执编号如 {ReceiptNumbers.Messages.Prefix}260305-7KQ2M9PX）"
                    : $"“{receiptText}”不是留言的回执编号（留言的以 {ReceiptNumbers.Messages.Prefix} 开头）"));
            }

            MessageStatus? status = null;
            if (Text(values[MessageSheet.Status]) is { } statusText)
            {
                status = MessageSheet.OfficeStatuses.Cast<MessageStatus?>().FirstOrDefault(s => s!.Value.Label() == statusText);
                if (status is null)
                {
                    problems.Add(new SheetProblem(file, sheet, number, Where(MessageSheet.Status),
                        $"状态只能填 {string.Join("、", MessageSheet.OfficeStatuses.Select(s => s.Label()))} 之一，这里是“{statusText}”"));
                }
            }
            else
            {
                problems.Add(new SheetProblem(file, sheet, number, Where(MessageSheet.Status),
                    $"这一行填了办理情况，但没有填状态（{string.Join("、", MessageSheet.OfficeStatuses.Select(s => s.Label()))}）"));
            }

            string? unit = null;
            if (columns.ContainsKey(MessageSheet.Unit) && Text(values[MessageSheet.Unit]) is { } unitText)
            {
                unit = Checked(unitText, MessageSheet.Unit, MaxUnit, number);
            }

            string? reply = null;
            if (columns.ContainsKey(MessageSheet.Reply) && Text(values[MessageSheet.Reply]) is { } replyText)
            {
                reply = Checked(replyText, MessageSheet.Reply, MaxReply, number);
            }

            DateOnly? repliedOn = null;
            if (columns.ContainsKey(MessageSheet.RepliedOn) && values[MessageSheet.RepliedOn] is { } dateValue && Text(dateValue) is not null)
            {
                repliedOn = Date(dateValue);
                if (repliedOn is null)
                {
                    problems.Add(new SheetProblem(file, sheet, number, Where(MessageSheet.RepliedOn),
                        $"不是日期：“{Text(dateValue)}”（请填如 2026-03-05 或 2026年3月5日）"));
                }
            }

            bool? isPublic = null;
            if (columns.ContainsKey(MessageSheet.Public) && Text(values[MessageSheet.Public]) is { } publicText)
            {
                isPublic = publicText switch { MessageSheet.Yes => true, MessageSheet.No => false, _ => null };
                if (isPublic is null)
                {
                    problems.Add(new SheetProblem(file, sheet, number, Where(MessageSheet.Public), $"是否公开只能填“是”或“否”，这里是“{publicText}”"));
                }
            }

            // A row with errors is still handed on when it has a receipt: the store's checks (unknown
            // receipt, the same receipt twice) are reported for it too, all in one run.
            if (receipt is not null && receipt.StartsWith(ReceiptNumbers.Messages.Prefix, StringComparison.Ordinal))
            {
                rows.Add(new Row(sheet, number, receipt, status, unit, reply, repliedOn, isPublic, columns, Valid: problems.Count == before));
            }

            string? Checked(string value, string field, int max, int row)
            {
                value = SubmissionText.Normalize(value);
                if (SubmissionText.Unstorable(value, field) is { } problem)
                {
                    problems.Add(new SheetProblem(file, sheet, row, Where(field), problem));
                    return null;
                }

                if (SubmissionText.Length(value) > max)
                {
                    problems.Add(new SheetProblem(file, sheet, row, Where(field), $"{field}最多 {max} 个字，这里有 {SubmissionText.Length(value)} 个字"));
                    return null;
                }

                return value;
            }
        }

        return true;
    }

    /// <summary>A header cell as a key: every space and line break removed ("答复\n日期", "状 态").</summary>
    private static string HeaderKey(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>A cell's text, trimmed (full-width and no-break spaces too); null when blank.</summary>
    internal static string? Text(object? value)
    {
        var text = value switch
        {
            null => null,
            string s => s,
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            double n => n.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        text = text?.Trim();

        // The export's apostrophe before text Excel would take for a formula (Export.ExportApi.Defused):
        // an unchanged reply read back is the reply on record.
        if (text is ['\'', '=' or '+' or '-' or '@', ..])
        {
            text = text[1..];
        }

        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>A date cell as offices fill it in (<see cref="SheetDates.Parse"/>); null when it is not one.</summary>
    public static DateOnly? Date(object value) => SheetDates.Parse(value);
}
