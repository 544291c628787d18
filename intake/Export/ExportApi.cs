using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Site.Intake.Drafts;
using Site.Intake.Storage;

namespace Site.Intake.Export;

/// <summary>
/// Staff export of a draft's comments for the legislative office: .csv (UTF-8 with BOM, opens in
/// Excel) and .xlsx. Both have one row per comment, oldest first, with the article as the office
/// writes it (第十二条), the channel (with an offline view's 联系点 and 人数), and its duplicate
/// group (group number, and how many comments the group has). The .xlsx is made to be used as it
/// opens: real date cells, receipt numbers and phone numbers as text (never 1.38E+10), column widths, long text wrapped, the header row frozen;
/// and more sheets: 意见组 (one row per group, largest first), 汇总 (per article: its text, comments,
/// groups, and comments per channel) and, when the draft is known, 草案 (title, reading, period).
/// </summary>
public static class ExportApi
{
    public static readonly string[] Headers = ["回执编号", "渠道", "联系点", "人数", "条文", "意见内容", "姓名", "联系方式", "身份", "提交时间", "意见组", "同组条数"];

    /// <summary>Sheet names, in order.</summary>
    public const string CommentsSheet = "意见", GroupsSheet = "意见组", SummarySheet = "汇总", DraftSheet = "草案";

    public static void MapExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/drafts/{draft}/export.{format}", ExportAsync).AddEndpointFilter<Submissions.StoreUnavailableFilter>();
    }

    /// <summary>
    /// GET /api/drafts/{draft}/export.{csv|xlsx} with "Authorization: Bearer {Intake:ExportToken}"
    /// (the scheme in any case). 401 without the right token; after <see cref="ExportGuard.FailuresAllowed"/>
    /// wrong tokens from one client in <see cref="ExportGuard.Window"/>, 429 for any token, the right one too.
    /// Never cached (the file holds contacts).
    /// </summary>
    public static async Task<IResult> ExportAsync(string draft, string format, HttpContext http, DraftCatalog catalog, ICommentStore store, IOptions<IntakeOptions> options, ExportGuard guard)
    {
        if (StaffRefusal(http, options.Value.ExportToken, guard) is { } refusal)
        {
            return refusal;
        }

        if (catalog.Find(draft) is null)
        {
            return TypedResults.Problem("没有这部法规草案", statusCode: StatusCodes.Status404NotFound);
        }

        if (!CommentExport.Formats.Contains(format))
        {
            return TypedResults.Problem("只支持 csv 或 xlsx", statusCode: StatusCodes.Status404NotFound);
        }

        // Read before the answer starts, so a store failure is still a 503 with its Chinese problem;
        // the file itself then goes out as it is written.
        var entry = catalog.Find(draft);
        var rows = await CommentExport.ReadAsync(store, draft, entry, http.RequestAborted);
        // Recorded, so undoing an offline import later knows its comments may be in this file.
        await Import.ImportBatches.RecordExportAsync(store, draft, Import.ImportBatches.OverHttp, DateTimeOffset.UtcNow, http.RequestAborted);
        return format == "csv"
            ? Results.Stream(body => CommentExport.WriteAsync(rows, format, entry, body, http.RequestAborted), "text/csv; charset=utf-8", $"{draft}-comments.csv")
            : Results.Stream(body => CommentExport.WriteAsync(rows, format, entry, body, http.RequestAborted), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{draft}-comments.xlsx");
    }

    public static byte[] Csv(IEnumerable<ExportRow> rows)
    {
        using var buffer = new MemoryStream();
        WriteCsvAsync(rows, buffer, CancellationToken.None).GetAwaiter().GetResult();
        return buffer.ToArray();
    }

    /// <summary>The .csv (UTF-8 with BOM, CRLF) written to <paramref name="output"/> a row at a time.</summary>
    public static async Task WriteCsvAsync(IEnumerable<ExportRow> rows, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken);
        await using var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await text.WriteAsync(string.Join(',', Headers) + "\r\n");
        foreach (var row in rows)
        {
            var c = row.Comment;
            string[] cells =
            [
                Quote(c.Receipt), Quote(row.Channel), Quote(c.ContactPoint ?? ""), c.People?.ToString(CultureInfo.InvariantCulture) ?? "", Quote(row.Article), Quote(c.Text), Quote(c.Name ?? ""), AsText(c.Contact ?? ""), Quote(c.Identity ?? ""),
                Quote(Beijing(c.CreatedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
                row.Group.ToString(CultureInfo.InvariantCulture), row.GroupSize.ToString(CultureInfo.InvariantCulture),
            ];
            await text.WriteAsync((string.Join(',', cells) + "\r\n").AsMemory(), cancellationToken);
        }

        await text.FlushAsync(cancellationToken);
    }

    public static byte[] Xlsx(IReadOnlyList<ExportRow> rows, DraftEntry? entry = null)
    {
        // Made as MiniExcel writes each row, not all first: a dictionary per comment is most of the memory.
        var comments = rows.Select(r => new Dictionary<string, object?>
        {
            ["回执编号"] = r.Comment.Receipt,
            ["渠道"] = Defused(r.Channel),
            ["联系点"] = Defused(r.Comment.ContactPoint ?? ""),
            ["人数"] = r.Comment.People,
            ["条文"] = Defused(r.Article),
            ["意见内容"] = Defused(r.Comment.Text),
            ["姓名"] = Defused(r.Comment.Name ?? ""),
            ["联系方式"] = Defused(r.Comment.Contact ?? ""),
            ["身份"] = Defused(r.Comment.Identity ?? ""),
            ["提交时间"] = Beijing(r.Comment.CreatedAt),
            ["意见组"] = r.Group,
            ["同组条数"] = r.GroupSize,
        });
        // Rows come oldest first (ICommentStore.ExportAsync), so a group's first row is its earliest comment (首条).
        var groups = rows.GroupBy(r => r.Group)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new Dictionary<string, object?>
            {
                ["组号"] = g.Key,
                ["条数"] = g.Count(),
                ["涉及条文"] = Defused(string.Join("、", g.Select(r => r.Article).Distinct())),
                ["代表性意见"] = Defused(g.First().Comment.Text),
                ["首条回执编号"] = g.First().Comment.Receipt,
                ["首条提交时间"] = Beijing(g.First().Comment.CreatedAt),
            }).ToList();
        var sheets = new Dictionary<string, object>
        {
            [CommentsSheet] = comments,
            [GroupsSheet] = groups,
            [SummarySheet] = Summary(rows, entry),
        };
        if (entry is not null)
        {
            sheets[DraftSheet] = About(entry, rows.Count);
        }

        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            StyleOptions = new OpenXmlStyleOptions { WrapCellContents = true },
            DynamicColumns =
            [
                Column("回执编号", 20), Column("渠道", 14), Column("联系点", 20), Column("人数", 8), Column("条文", 12), Column("意见内容", 60), Column("姓名", 14),
                Column("联系方式", 18), Column("身份", 10), Column("提交时间", 18, "yyyy-mm-dd hh:mm"), Column("意见组", 8), Column("同组条数", 10),
                Column("组号", 8), Column("条数", 8), Column("涉及条文", 20), Column("代表性意见", 60), Column("首条回执编号", 20),
                Column("首条提交时间", 18, "yyyy-mm-dd hh:mm"), Column("意见条数", 10), Column("意见组数", 10),
                Column("条文内容", 60), Column("项目", 12), Column("内容", 60),
                .. rows.Select(r => r.Channel).Prepend(DraftStats.OnlineChannel).Distinct().Select(c => Column(c, Math.Max(10, c.Length * 2 + 2))),
            ],
        };
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets, configuration: configuration);
        buffer.Position = 0;
        using var restored = new MemoryStream();
        RestoreAstral(buffer, restored);
        return restored.ToArray();
    }

    /// <summary>
    /// <see cref="Office.SheetText.RestoreAstral"/> a part at a time: each worksheet and the shared
    /// strings are read in pieces and written on, never held whole (a sheet of a draft's comments is
    /// far larger than the package). A piece ends before its last '&lt;': an escape lies inside a text
    /// node, so none is cut in two and every escape is read left to right as in the whole part.
    /// </summary>
    internal static void RestoreAstral(Stream package, Stream output)
    {
        using var source = new System.IO.Compression.ZipArchive(package, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        using var target = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in source.Entries)
        {
            var copy = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
            copy.LastWriteTime = entry.LastWriteTime;
            using var from = entry.Open();
            using var to = copy.Open();
            var text = entry.FullName == "xl/sharedStrings.xml"
                || (entry.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && entry.FullName.EndsWith(".xml", StringComparison.Ordinal));
            if (!text)
            {
                from.CopyTo(to);
                continue;
            }

            using var reader = new StreamReader(from, Encoding.UTF8);
            using var writer = new StreamWriter(to, new UTF8Encoding(false));
            var piece = new char[1 << 20];
            var pending = new StringBuilder();
            int read;
            while ((read = reader.Read(piece, 0, piece.Length)) > 0)
            {
                pending.Append(piece, 0, read);
                var chunk = pending.ToString();
                var cut = chunk.LastIndexOf('<');
                if (cut <= 0)
                {
                    continue;
                }

                writer.Write(Office.SheetText.Restore(chunk[..cut]));
                pending.Clear().Append(chunk, cut, chunk.Length - cut);
            }

            writer.Write(Office.SheetText.Restore(pending.ToString()));
        }
    }

    /// <summary>草案: what the file is about, for a sheet printed or forwarded on its own — title, reading, period, URL, count.</summary>
    private static List<Dictionary<string, object?>> About(DraftEntry entry, int count) =>
    [
        new() { ["项目"] = "草案名称", ["内容"] = entry.Title },
        new() { ["项目"] = "审次", ["内容"] = entry.Reading ?? "" },
        new() { ["项目"] = "征求意见期", ["内容"] = string.Create(CultureInfo.InvariantCulture, $"{Beijing(entry.Opens):yyyy-MM-dd} 至 {Beijing(entry.Closes):yyyy-MM-dd}") },
        new() { ["项目"] = "网页", ["内容"] = entry.Url },
        new() { ["项目"] = "导出意见条数", ["内容"] = count.ToString(CultureInfo.InvariantCulture) },
    ];

    /// <summary>
    /// 汇总: one row per article of the draft (in its order, those without comments too), with its text
    /// when the build gave it, then 草案整体 and 合计; comments, groups (distinct duplicate groups among them), and comments per channel
    /// (网上征求意见 first, then the others as they first appear).
    /// </summary>
    private static List<Dictionary<string, object?>> Summary(IReadOnlyList<ExportRow> rows, DraftEntry? entry)
    {
        var channels = rows.Select(r => r.Channel).Prepend(DraftStats.OnlineChannel).Distinct().ToList();
        var labels = (entry?.Articles.Select(a => a.Label) ?? [])
            .Concat(rows.Select(r => r.Article).Where(a => a != CommentExport.WholeDraft))
            .Distinct().Append(CommentExport.WholeDraft).ToList();
        var summary = labels.Select(label => Line(label, rows.Where(r => r.Article == label).ToList())).ToList();
        summary.Add(Line("合计", rows));
        return summary;

        Dictionary<string, object?> Line(string label, IReadOnlyList<ExportRow> these)
        {
            var line = new Dictionary<string, object?>
            {
                ["条文"] = label,
                ["条文内容"] = entry?.Articles.FirstOrDefault(a => a.Label == label)?.Text ?? "",
                ["意见条数"] = these.Count,
                ["意见组数"] = these.Select(r => r.Group).Distinct().Count(),
            };
            foreach (var channel in channels)
            {
                line[channel] = these.Count(r => r.Channel == channel);
            }

            return line;
        }
    }

    /// <summary>
    /// A text cell Excel would take for a formula once somebody edits it (it starts with =, +, - or @)
    /// with an apostrophe in front, as the CSV export writes it (OWASP "CSV injection"); other text as it is.
    /// A phone number such as +86 138 0000 0000 stays as written: digits, spaces, dashes and brackets call
    /// no function, and the office dials what it reads.
    /// </summary>
    public static string Defused(string value) =>
        value.Length > 0 && "=+-@".Contains(value[0]) && !PhoneLike(value) ? "'" + value : value;

    private static bool PhoneLike(string value) =>
        value.Skip(1).All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '(' or ')') && value.Count(char.IsAsciiDigit) >= 5;

    private static DynamicExcelColumn Column(string name, double width, string? format = null) =>
        new(name) { Width = width, Format = format };

    /// <summary>Beijing time as a plain DateTime: an Excel date cell has no offset, and the office reads Beijing time.</summary>
    private static DateTime Beijing(DateTimeOffset time) => time.ToOffset(TimeSpan.FromHours(8)).DateTime;

    /// <summary>
    /// A phone number or id as text in Excel: a cell of digits (and + - space) is written ="…", which
    /// Excel shows as the text itself instead of 1.38E+10 or with its leading 0 lost. Only such
    /// cells: the formula holds nothing but those characters, so it can run nothing.
    /// </summary>
    internal static string AsText(string value) =>
        value.Length >= 5 && value.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ') && value.Any(char.IsAsciiDigit)
            ? "\"=\"\"" + value + "\"\"\""
            : Quote(value);

    /// <summary>Quotes a CSV cell, and defuses cells Excel would run as formulas.</summary>
    internal static string Quote(string value)
    {
        value = Defused(value);
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// The Bearer token (scheme case-insensitive, RFC 9110) against the configured one, compared as
    /// SHA-256 hashes in constant time, so neither the content nor the length of the token leaks
    /// through the time a wrong guess takes.
    /// </summary>
    /// <summary>
    /// The staff check of every staff route (exports, the message import), or null when the request
    /// may go on; always "Cache-Control: no-store". 403 when no token is configured (the HTTP staff
    /// routes are off); 429 while the client is locked out (<see cref="ExportGuard"/>), for any token,
    /// the right one too; 401 with "WWW-Authenticate: Bearer" without a token (not counted: opening the
    /// link in a browser is no guess) or with a wrong one (counted).
    /// </summary>
    internal static IResult? StaffRefusal(HttpContext http, string? token, ExportGuard guard)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrEmpty(token))
        {
            return TypedResults.Problem("本服务器没有开启网上导出和导入（未配置工作人员令牌 Intake:ExportToken）。请在服务器上用 site export、site messages export 或 site messages import 办理",
                statusCode: StatusCodes.Status403Forbidden, title: "网上导出和导入未开启");
        }

        var address = Submissions.SubmissionRateLimit.ClientAddress(http);
        // A lockout holds for every token, the right one too: were the right token let through, each
        // refused guess would tell a wrong one from the right one, and the lockout would slow nothing.
        if (!guard.MayTry(address))
        {
            http.Response.Headers.RetryAfter = ((int)ExportGuard.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(ExportGuard.LockedOut, statusCode: StatusCodes.Status429TooManyRequests, title: "令牌错误次数过多，请稍后再试", type: Submissions.SubmissionAnswers.TooManyRequestsType);
        }

        if (!Authorized(http, token))
        {
            if (!string.IsNullOrWhiteSpace(http.Request.Headers.Authorization))
            {
                guard.Failed(address);
            }

            http.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem("需要工作人员令牌", statusCode: StatusCodes.Status401Unauthorized, title: "需要工作人员令牌");
        }

        return null;
    }

    internal static bool Authorized(HttpContext http, string? token)
    {
        if (string.IsNullOrEmpty(token)
            || !System.Net.Http.Headers.AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization.FirstOrDefault(), out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(header.Parameter.Trim())), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
