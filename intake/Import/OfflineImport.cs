using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Site.Intake.Comments;
using Site.Intake.Office;
using Site.Intake.Storage;
using Site.Intake.Submissions;

namespace Site.Intake.Import;

/// <summary>
/// Views the office received offline — by letter, at a 座谈会 or hearing, by phone, through a
/// 基层立法联系点 — entered from an .xlsx sheet into the comment store with their channel, so counts
/// per channel and per article include them.
/// <para>
/// The sheet: a header row with 渠道, 收到日期, 条款, 意见内容 and optionally 提出人/单位, 联系点 (the
/// 基层立法联系点 that collected the view) and 人数 (how many people gave it, a positive integer: a
/// meeting's view counts as that many participants) (also accepted:
/// the names in <see cref="Headers"/>), in any column order, below any number of title rows; every
/// visible sheet that has such a header is read. 收到日期 is a date cell or text (2026-11-03, 2026/11/3,
/// 2026年11月3日, 2026.11.3, 20261103), not after today and within the draft's consultation period
/// (its Opens to Closes in drafts.json, Beijing dates); 条款 is 第十二条, 第12条, 12 or blank (the draft as a whole). A sheet
/// with no such header is a warning (an instructions sheet); a workbook with none is an error.
/// </para>
/// <para>
/// All or nothing: every bad row is reported at once (file, sheet, row, column, in Chinese, worded as
/// <see cref="SheetProblem.Place"/> words it, in sheet and row order), and if
/// any is bad nothing is stored. Re-importing the same file stores nothing new: each row's
/// Idempotency-Key is a hash of its channel, date, article, text and submitter, and of how many
/// identical rows came before it in the file (two identical letters stay two).
/// </para>
/// </summary>
public static partial class OfflineImport
{
    /// <summary>Channels an offline view may come from (the channel as written, or an alias in <see cref="ChannelAliases"/>).</summary>
    public static readonly string[] Channels = ["来信", "座谈会", "听证会", "论证会", "电话", "基层立法联系点", "电子邮件", "其他"];

    private static readonly Dictionary<string, string> ChannelAliases = new(StringComparer.Ordinal)
    {
        ["信函"] = "来信",
        ["群众来信"] = "来信",
        ["书面意见"] = "来信",
        ["座谈"] = "座谈会",
        ["听证"] = "听证会",
        ["论证"] = "论证会",
        ["来电"] = "电话",
        ["电话来电"] = "电话",
        ["立法联系点"] = "基层立法联系点",
        ["联系点"] = "基层立法联系点",
        ["邮件"] = "电子邮件",
        ["电子信箱"] = "电子邮件",
    };

    /// <summary>The columns: field → the header as in the template, then other headers accepted.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>
    {
        ["channel"] = ["渠道", "意见渠道", "来源", "意见来源"],
        ["date"] = ["收到日期", "日期", "收到时间", "收集日期"],
        ["article"] = ["条款", "条文", "条", "涉及条款"],
        ["text"] = ["意见内容", "意见", "内容", "意见建议"],
        ["submitter"] = ["提出人/单位", "提出人", "单位", "提出人或单位", "提出人（单位）", "提出人(单位)", "提出单位"],
        ["contactPoint"] = ["联系点", "基层立法联系点", "立法联系点", "联系点名称"],
        ["people"] = ["人数", "参加人数", "参与人数", "提出人数"],
    };

    /// <summary>The most people one row may stand for (a typo guard: a county's meeting is not a city).</summary>
    public const int MaxPeople = 100_000;

    private static readonly string[] Required = ["channel", "date", "article", "text"];

    /// <summary>Rows looked at for a header before giving up on a sheet.</summary>
    public const int HeaderSearchRows = 20;

    /// <summary>
    /// Rows read from a sheet at most: the header search rows and 10,000 comments. The limit keeps a small
    /// file whose rows are numbered far down (or a compressed sheet of millions of rows) from running on.
    /// </summary>
    public const int MaxRows = HeaderSearchRows + 10_000;

    /// <summary>What a file holds: the comments to store, or why not.</summary>
    public sealed record Plan(IReadOnlyList<NewComment> Comments, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

    /// <summary>
    /// What an import did: stored <see cref="Added"/>, found <see cref="AlreadyImported"/> stored by an
    /// earlier run; <see cref="Batch"/> names the comments it added (<see cref="ImportBatches"/>), null
    /// when it added none.
    /// </summary>
    public sealed record Outcome(int Added, int AlreadyImported, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, string? Batch = null);

    /// <summary>Reads <paramref name="path"/> (shown in messages as <paramref name="displayName"/>) against <paramref name="draft"/>; stores nothing.</summary>
    /// <paramref name="today"/>: the day a 收到日期 may not be after (default: today in Beijing).
    public static Plan Read(string path, DraftEntry draft, string? displayName = null, DateOnly? today = null, StationManifest? stations = null)
    {
        var file = displayName ?? Path.GetFileName(path);
        var day = today ?? SheetDates.Day(DateTimeOffset.UtcNow);
        var opens = SheetDates.Day(draft.Opens);
        var closes = SheetDates.Day(draft.Closes);
        var errors = new List<string>();
        var warnings = new List<string>();
        var comments = new List<NewComment>();
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetsWithHeader = 0;
        // What the file is, from its bytes: an .xls, a CSV or a renamed .docx is said as such, in Chinese.
        if (SheetFiles.Problem(path, file) is { } notWorkbook)
        {
            return new Plan([], [notWorkbook], []);
        }

        List<MiniExcelLibs.OpenXml.SheetInfo> sheets;
        Dictionary<string, List<MergedCells.Range>> merges;
        try
        {
            sheets = MiniExcel.GetSheetInformations(path).ToList();
            merges = MergedCells.ReadXlsx(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or FormatException or System.Xml.XmlException or ArgumentException or NotSupportedException or NullReferenceException or KeyNotFoundException)
        {
            // The library's own message is English and names its internals: the office is told what to do instead.
            return new Plan([], [$"{file}：无法读取这个 Excel 工作簿，文件可能已损坏或不完整。{SheetFiles.SaveAsXlsx}"], []);
        }

        foreach (var sheet in sheets)
        {
            if (sheet.State != SheetState.Visible)
            {
                warnings.Add($"{SheetProblem.Place(file, sheet.Name)}：隐藏的工作表，未读取");
                continue;
            }

            var rows = MiniExcel.Query(path, useHeaderRow: false, sheetName: sheet.Name, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>();
            var where = SheetProblem.Place(file, sheet.Name);
            // A merged cell (座谈会 over A4:A5) counts for every row it covers, as the printed table reads;
            // MiniExcel's own FillMergedCells misses covered cells WPS leaves out of the sheet's XML.
            var filledBy = new Dictionary<IDictionary<string, object?>, HashSet<string>>(ReferenceEqualityComparer.Instance);
            rows = MergedCells.Fill(Bounded(rows, where, errors), merges.GetValueOrDefault(sheet.Name), MergedCells.ColumnLetters)
                .Select(r =>
                {
                    if (r.Filled is not null)
                    {
                        filledBy[r.Row] = r.Filled;
                    }

                    return r.Row;
                });
            Dictionary<string, (string Column, string Header)>? columns = null;
            var rowNumber = 0;
            var read = 0;
            foreach (var row in rows)
            {
                rowNumber++;
                if (columns is null)
                {
                    if (rowNumber > HeaderSearchRows)
                    {
                        break;
                    }

                    columns = FindHeader(row, SheetProblem.Place(file, sheet.Name, rowNumber), errors, out var isHeader);
                    if (!isHeader)
                    {
                        columns = null;
                    }

                    continue;
                }

                var cells = columns.ToDictionary(c => c.Key, c => row.TryGetValue(c.Value.Column, out var v) ? v : null);
                // A row whose only content is a merge running over it is blank: it has no comment of its own.
                var filled = filledBy.Remove(row, out var f) ? f : null;
                if (columns.All(c => filled?.Contains(c.Value.Column) == true || cells[c.Key] is null || (cells[c.Key] is string s && string.IsNullOrWhiteSpace(s))))
                {
                    continue;
                }

                read++;
                var rowErrors = new List<string>();
                string At(string field) => SheetProblem.Place(file, sheet.Name, rowNumber, SheetProblem.ColumnOf(columns[field].Header, columns[field].Column));

                var channel = Channel(Text(cells["channel"]));
                if (channel is null)
                {
                    rowErrors.Add(Text(cells["channel"]).Length == 0
                        ? $"{At("channel")}：请填写渠道（{string.Join("、", Channels)}）"
                        : $"{At("channel")}：不认识的渠道“{Text(cells["channel"])}”，应是 {string.Join("、", Channels)} 之一（网上提交的意见已在系统中，不需要导入）");
                }

                var date = Date(cells["date"]);
                if (date is null)
                {
                    rowErrors.Add(Text(cells["date"]).Length == 0
                        ? $"{At("date")}：请填写收到日期"
                        : $"{At("date")}：看不懂的日期“{Text(cells["date"])}”，请写成 2026-11-03 或 2026年11月3日");
                }
                else if (date > day)
                {
                    rowErrors.Add($"{At("date")}：收到日期 {SheetDates.Words(date.Value)} 晚于今天（{SheetDates.Words(day)}），请核对");
                }
                else if (date < opens || date > closes)
                {
                    rowErrors.Add($"{At("date")}：收到日期 {SheetDates.Words(date.Value)} 不在《{draft.Title}》的征求意见期内（{SheetDates.Words(opens)}至{SheetDates.Words(closes)}），请核对日期，或是否导入到了别的草案");
                }

                string? article = null;
                var articleText = Text(cells["article"]);
                if (articleText.Length > 0 && articleText is not ("草案整体" or "整体" or "总体" or "总体意见" or "全文"))
                {
                    if (ArticleNumbers.Parse(articleText) is not { } number)
                    {
                        rowErrors.Add($"{At("article")}：看不懂的条款“{articleText}”，请写成 第十二条、第12条 或 12；对草案整体的意见留空");
                    }
                    else if (!draft.HasArticle(ArticleNumbers.Anchor(number)))
                    {
                        rowErrors.Add($"{At("article")}：《{draft.Title}》没有{ArticleNumbers.Label(number)}（共 {draft.Articles.Count} 条）");
                    }
                    else
                    {
                        article = ArticleNumbers.Anchor(number);
                    }
                }

                var text = SubmissionText.Normalize(Text(cells["text"]));
                if (text.Length == 0 || SubmissionText.IsInvisible(text))
                {
                    rowErrors.Add($"{At("text")}：请填写意见内容");
                }
                else if (SubmissionText.Unstorable(text, "意见内容") is { } unstorable)
                {
                    rowErrors.Add($"{At("text")}：{unstorable}");
                }
                else if (SubmissionText.Length(text) > PostCommentRequest.MaxLength)
                {
                    rowErrors.Add($"{At("text")}：意见内容最多 {PostCommentRequest.MaxLength} 个字，当前 {SubmissionText.Length(text)} 个字，请分成几行");
                }

                string? submitter = null;
                if (columns.ContainsKey("submitter"))
                {
                    submitter = SubmissionText.Normalize(Text(cells["submitter"]));
                    submitter = submitter.Length == 0 ? null : submitter;
                    if (submitter is not null && (SubmissionText.Unstorable(submitter, "提出人/单位") is not null || SubmissionText.Length(submitter) > 50))
                    {
                        rowErrors.Add($"{At("submitter")}：提出人/单位最多 50 个字，且不能含控制字符");
                    }
                }

                string? contactPoint = null;
                if (columns.ContainsKey("contactPoint"))
                {
                    contactPoint = SubmissionText.Normalize(Text(cells["contactPoint"]));
                    contactPoint = contactPoint.Length == 0 ? null : contactPoint;
                    if (contactPoint is not null && (SubmissionText.Unstorable(contactPoint, "联系点") is not null || SubmissionText.Length(contactPoint) > 50))
                    {
                        rowErrors.Add($"{At("contactPoint")}：联系点最多 50 个字，且不能含控制字符");
                    }
                    else if (contactPoint is not null && stations is not null)
                    {
                        // Stored as the station's id (家站点编号), as the build published it; its exact name is taken for it.
                        var station = stations.Find(contactPoint.ToUpperInvariant())
                                      ?? stations.Stations.FirstOrDefault(s => string.Equals(s.Name, contactPoint, StringComparison.Ordinal));
                        if (station is null)
                        {
                            rowErrors.Add($"{At("contactPoint")}：没有编号或名称为“{contactPoint}”的家站点。请填家站点编号（如 {stations.Stations.FirstOrDefault()?.Id ?? "S01"}）"
                                + "或完整的名称；编号和名称见网站“家站点”页面，或生成网站时写出的 _intake/stations.json");
                        }
                        else
                        {
                            contactPoint = station.Id;
                        }
                    }
                }

                int? people = null;
                if (columns.ContainsKey("people") && Text(cells["people"]).Length > 0)
                {
                    people = People(cells["people"]);
                    if (people is null)
                    {
                        rowErrors.Add($"{At("people")}：人数应是 1 至 {MaxPeople} 的整数（如 12），不能是“{Text(cells["people"])}”；不清楚人数就留空");
                    }
                }

                if (rowErrors.Count > 0)
                {
                    errors.AddRange(rowErrors);
                    continue;
                }

                var basis = string.Join('\u001F', draft.Id, channel, date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), article, CommentGroups.Key(text), submitter);
                // Rows without the newer columns keep the keys an earlier import gave them.
                if (contactPoint is not null || people is not null)
                {
                    basis += '\u001F' + contactPoint + '\u001F' + people?.ToString(CultureInfo.InvariantCulture);
                }

                var nth = occurrences[basis] = occurrences.GetValueOrDefault(basis) + 1;
                var key = "offline-" + Hash(basis + '\u001F' + nth.ToString(CultureInfo.InvariantCulture))[..32];
                var participant = Hash("offline\u001F" + (submitter ?? key))[..16];
                comments.Add(new NewComment(
                    draft.Id, article, text, submitter, null, null, key, participant,
                    new DateTimeOffset(date.Value.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)),
                    Fingerprint: Hash(string.Join('\u001F', article, text, submitter)), Channel: channel, ContactPoint: contactPoint, People: people));
            }

            if (columns is null)
            {
                warnings.Add($"{where}：前 {HeaderSearchRows} 行中没有找到表头（需要 {string.Join("、", Required.Select(f => Headers[f][0]))} 列），未读取");
                continue;
            }

            sheetsWithHeader++;
            if (read == 0)
            {
                errors.Add($"{where}：表头下没有任何意见");
            }
        }

        if (sheetsWithHeader == 0 && errors.Count == 0)
        {
            errors.Add($"{file}：没有一个工作表有表头（需要 {string.Join("、", Required.Select(f => Headers[f][0]))} 列，提出人/单位、联系点、人数 可选）");
        }

        return errors.Count > 0 ? new Plan([], errors, warnings) : new Plan(comments, [], warnings);
    }

    /// <summary>Reads and, when no row is bad, stores every row in one transaction.</summary>
    public static async Task<Outcome> RunAsync(ICommentStore store, string path, DraftEntry draft, string? displayName, CancellationToken cancellationToken, DateOnly? today = null, StationManifest? stations = null)
    {
        var plan = Read(path, draft, displayName, today, stations);
        if (plan.Errors.Count > 0)
        {
            return new Outcome(0, 0, plan.Errors, plan.Warnings);
        }

        var receipts = await store.WriteBatchAsync(plan.Comments, cancellationToken);
        var again = receipts.Count(r => r.Replayed);
        var added = receipts.Where(r => !r.Replayed).Select(r => r.Number).ToList();
        string? batch = null;
        if (added.Count > 0)
        {
            // Only what this run added: undoing it must not take rows an earlier import of the same file stored.
            batch = ImportBatches.NewId(DateTimeOffset.UtcNow);
            await ImportBatches.RecordAsync(store, batch, draft.Id, displayName ?? Path.GetFileName(path), added, DateTimeOffset.UtcNow, cancellationToken);
        }

        return new Outcome(added.Count, again, [], plan.Warnings, batch);
    }

    /// <summary>
    /// The row's columns when it is the header (it names every required column); a row naming some
    /// but not all of them is reported, since it is surely the header with a column missing.
    /// </summary>
    private static Dictionary<string, (string Column, string Header)> FindHeader(IDictionary<string, object?> row, string where, List<string> errors, out bool isHeader)
    {
        var found = new Dictionary<string, (string Column, string Header)>();
        foreach (var (column, value) in row)
        {
            var header = Regex.Replace(Text(value), @"\s+", "");
            var field = Headers.FirstOrDefault(h => h.Value.Contains(header, StringComparer.Ordinal)).Key;
            if (header.Length > 0 && field is not null)
            {
                found.TryAdd(field, (column, header));
            }
        }

        var missing = Required.Where(f => !found.ContainsKey(f)).ToList();
        isHeader = missing.Count == 0;
        if (!isHeader && found.ContainsKey("text") && found.Count >= 2)
        {
            errors.Add($"{where}：像是表头，但缺少“{string.Join("”“", missing.Select(f => Headers[f][0]))}”列");
        }

        return found;
    }

    private static string? Channel(string text)
    {
        var value = Regex.Replace(text, @"\s+", "");
        return Channels.Contains(value) ? value : ChannelAliases.GetValueOrDefault(value);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text.Trim(),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => (Convert.ToString(value, CultureInfo.InvariantCulture) ?? "").Trim(),
    };

    /// <summary>人数: a number cell or text (12, １２, 12人, 12 人); null unless a whole number 1 … <see cref="MaxPeople"/>.</summary>
    internal static int? People(object? value)
    {
        if (value is double number)
        {
            return number is >= 1 and <= MaxPeople && number == Math.Floor(number) ? (int)number : null;
        }

        var text = Text(value).Normalize(NormalizationForm.FormKC).Replace(" ", "", StringComparison.Ordinal);
        text = text.EndsWith('人') ? text[..^1] : text;
        return text.Length is > 0 and <= 6 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var n and >= 1 and <= MaxPeople ? n : null;
    }

    /// <summary>A date cell, an Excel serial number, or text as offices type dates (<see cref="SheetDates.Parse"/>); null when none.</summary>
    internal static DateOnly? Date(object? value) => SheetDates.Parse(value);

    /// <summary>
    /// <paramref name="rows"/> up to <see cref="MaxRows"/>; past it, or at a row the library cannot
    /// convert (a date-formatted cell beyond year 9999), an error naming the row and the end of the sheet.
    /// </summary>
    private static IEnumerable<IDictionary<string, object?>> Bounded(IEnumerable<IDictionary<string, object?>> rows, string where, List<string> errors)
    {
        using var enumerator = rows.GetEnumerator();
        for (var number = 1; ; number++)
        {
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is OverflowException or ArgumentException or InvalidCastException or FormatException)
            {
                errors.Add($"{where}第{number}行：有无法读取的单元格（如设为日期格式却超出日期范围的数字），这一行及以下未读取");
                yield break;
            }
            catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException or IOException or InvalidOperationException or NullReferenceException or KeyNotFoundException)
            {
                // A damaged package (a sheet's XML cut short): said in Chinese with what to do, never the library's English.
                errors.Add($"{where}：这个工作表从第{number}行起无法读取，文件可能已损坏或不完整。{SheetFiles.SaveAsXlsx}");
                yield break;
            }

            if (number > MaxRows)
            {
                errors.Add($"{where}超过 {MaxRows} 行（第{number}行起未读取）：请删去多余的行，或分成几个文件导入");
                yield break;
            }

            yield return enumerator.Current;
        }
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
