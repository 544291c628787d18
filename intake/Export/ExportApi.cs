using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using Site.Intake.Drafts;
using Site.Intake.Storage;

namespace Site.Intake.Export;

/// <summary>Staff export of a draft's comments for the legislative office: .csv (UTF-8 with BOM, opens in Excel) and .xlsx.</summary>
public static class ExportApi
{
    public static readonly string[] Headers = ["回执编号", "条文", "意见内容", "姓名", "联系方式", "身份", "提交时间"];

    public static void MapExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/drafts/{draft}/export.{format}", ExportAsync).AddEndpointFilter<Submissions.StoreUnavailableFilter>();
    }

    /// <summary>
    /// GET /api/drafts/{draft}/export.{csv|xlsx} with "Authorization: Bearer {Intake:ExportToken}"
    /// (the scheme in any case). 401 without the right token; after <see cref="ExportGuard.FailuresAllowed"/>
    /// wrong tokens from one address in <see cref="ExportGuard.Window"/>, 429 even with the right one.
    /// Never cached (the file holds contacts).
    /// </summary>
    public static async Task<IResult> ExportAsync(string draft, string format, HttpContext http, DraftCatalog catalog, ICommentStore store, IOptions<IntakeOptions> options, ExportGuard guard)
    {
        http.Response.Headers.CacheControl = "no-store";
        var address = Submissions.SubmissionRateLimit.ClientAddress(http);
        if (!guard.MayTry(address))
        {
            http.Response.Headers.RetryAfter = ((int)ExportGuard.Window.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem("令牌错误次数过多，请稍后再试", statusCode: StatusCodes.Status429TooManyRequests, title: "令牌错误次数过多，请稍后再试", type: Submissions.SubmissionAnswers.TooManyRequestsType);
        }

        if (!Authorized(http, options.Value.ExportToken))
        {
            guard.Failed(address);
            return TypedResults.Problem("导出需要工作人员令牌", statusCode: StatusCodes.Status401Unauthorized, title: "导出需要工作人员令牌");
        }

        if (catalog.Find(draft) is null)
        {
            return TypedResults.Problem("没有这部法规草案", statusCode: StatusCodes.Status404NotFound);
        }

        if (!CommentExport.Formats.Contains(format))
        {
            return TypedResults.Problem("只支持 csv 或 xlsx", statusCode: StatusCodes.Status404NotFound);
        }

        var (content, _) = await CommentExport.RenderAsync(store, draft, format, http.RequestAborted);
        return format == "csv"
            ? Results.File(content, "text/csv; charset=utf-8", $"{draft}-comments.csv")
            : Results.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{draft}-comments.xlsx");
    }

    public static byte[] Csv(IEnumerable<StoredComment> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', Cells(row).Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static byte[] Xlsx(IEnumerable<StoredComment> rows)
    {
        var data = rows.Select(r => Headers.Zip(Cells(r)).ToDictionary(p => p.First, p => (object?)p.Second)).ToList();
        using var buffer = new MemoryStream();
        buffer.SaveAs(data, sheetName: "意见");
        return buffer.ToArray();
    }

    private static string[] Cells(StoredComment row) =>
    [
        row.Receipt, row.Article ?? "草案整体", row.Text, row.Name ?? "", row.Contact ?? "", row.Identity ?? "",
        row.CreatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
    ];

    /// <summary>Quotes a CSV cell, and defuses cells Excel would run as formulas.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    /// <summary>
    /// The Bearer token (scheme case-insensitive, RFC 9110) against the configured one, compared as
    /// SHA-256 hashes in constant time, so neither the content nor the length of the token leaks
    /// through the time a wrong guess takes.
    /// </summary>
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
