using Microsoft.Extensions.Options;
using Site.Intake.Export;
using Site.Intake.Storage;

namespace Site.Intake.Office;

/// <summary>
/// The office's sheet over HTTP, behind the staff token of the comment export (Intake:ExportToken,
/// the same <see cref="ExportGuard"/> against guessing): <c>GET /api/messages/export.xlsx</c> and
/// <c>POST /api/messages/import</c>.
/// </summary>
public static class MessageOfficeApi
{
    /// <summary>The largest sheet the import takes, in bytes (a year of messages is far smaller).</summary>
    public const int MaxImportBytes = 10 * 1024 * 1024;

    public static void MapMessageOffice(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/messages/export.xlsx", ExportAsync).AddEndpointFilter<Submissions.StoreUnavailableFilter>();
        app.MapPost("/api/messages/import", ImportAsync).AddEndpointFilter<Submissions.StoreUnavailableFilter>();
    }

    /// <summary>
    /// GET /api/messages/export.xlsx[?since=2026-03-01][&amp;all=true] with "Authorization: Bearer {token}":
    /// the open messages (with <c>all</c>, the closed ones too) received from <c>since</c> on. Never cached.
    /// </summary>
    public static async Task<IResult> ExportAsync(HttpContext http, IMessageStore store, IOptions<IntakeOptions> options, ExportGuard guard, TimeProvider clock, string? since = null, bool all = false)
    {
        if (Refusal(http, options.Value, guard) is { } refusal)
        {
            return refusal;
        }

        DateOnly? from = null;
        if (!string.IsNullOrEmpty(since))
        {
            from = MessageSheetReader.Date(since);
            if (from is null)
            {
                return TypedResults.Problem($"since 不是日期：“{since}”（如 2026-03-01）", statusCode: StatusCodes.Status400BadRequest, title: "参数不对");
            }
        }

        var (content, _) = await MessageExport.RenderAsync(store, options.Value.DataPath, from, all, http.RequestAborted);
        var name = Path.GetFileName(MessageExport.DefaultPath("", clock.GetUtcNow()));
        return Results.File(content, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>
    /// POST /api/messages/import[?overwrite=true] with the .xlsx as the body (any content type) or as the one file of a
    /// multipart form, and the staff token. 200 with the report when it was applied (or had nothing to
    /// change); 422 with every problem when it had errors, and then nothing was applied.
    /// </summary>
    public static async Task<IResult> ImportAsync(HttpContext http, IMessageStore store, IOptions<IntakeOptions> options, ExportGuard guard, TimeProvider clock, bool overwrite = false)
    {
        if (Refusal(http, options.Value, guard) is { } refusal)
        {
            return refusal;
        }

        if (http.Request.ContentLength > MaxImportBytes)
        {
            return TooLarge();
        }

        // A form's file comes with its boundaries and headers: room for them above the file's own limit.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxImportBytes + 65536;
        }

        var name = "上传的表格.xlsx";
        using var buffer = new MemoryStream();
        try
        {
            Stream body = http.Request.Body;
            if (http.Request.HasFormContentType)
            {
                var form = await http.Request.ReadFormAsync(http.RequestAborted);
                if (form.Files.Count != 1)
                {
                    return TypedResults.Problem(form.Files.Count == 0
                            ? "没有收到文件：请选择填好的留言办理表（.xlsx）再上传"
                            : $"一次只能导入一个文件，这次收到 {form.Files.Count} 个（{string.Join("、", form.Files.Select(f => Path.GetFileName(f.FileName)))}）：请逐个上传",
                        statusCode: StatusCodes.Status400BadRequest, title: form.Files.Count == 0 ? "没有文件" : "文件不止一个");
                }

                name = Path.GetFileName(form.Files[0].FileName);
                body = form.Files[0].OpenReadStream();
            }

            var chunk = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxImportBytes)
                {
                    return TooLarge();
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException && !http.RequestAborted.IsCancellationRequested)
        {
            // A truncated multipart or one without a boundary is the client's mistake, not the store's.
            // Worded for the staff who upload here, not the citizens' form's "从本站的表单重新提交".
            return TypedResults.Problem(MalformedUpload, statusCode: StatusCodes.Status400BadRequest, title: "表单格式不对");
        }

        // Refused before the spreadsheet library unpacks it: the upload limit counts compressed bytes only.
        buffer.Position = 0;
        if (SheetFiles.UnpackedRefusal(buffer) is { } unpacked)
        {
            return TypedResults.Problem($"{name}：{unpacked}", statusCode: StatusCodes.Status413PayloadTooLarge, title: "工作簿解压后太大");
        }

        var report = await MessageImport.RunAsync(store, buffer.ToArray(), name, clock.GetUtcNow(), http.RequestAborted, overwrite, MessageExport.RecipientNames(options.Value.DataPath));
        var answer = new ImportAnswer(report.Succeeded, report.Summary.Replace("--overwrite", "?overwrite=true", StringComparison.Ordinal), report.Applied, report.Unchanged, report.Untouched,
            report.Problems.Where(p => p.IsError).Select(p => p.ToString()).ToList(),
            report.Problems.Where(p => !p.IsError).Select(p => p.ToString().Replace("--overwrite", "?overwrite=true", StringComparison.Ordinal)).ToList(), report.KeptNewer);
        return report.Succeeded ? TypedResults.Ok(answer) : TypedResults.UnprocessableEntity(answer);
    }

    /// <summary>The answer to a multipart upload that cannot be read (no boundary, cut short).</summary>
    public const string MalformedUpload = "提交的表单格式不对，没有收到完整的文件（上传可能中断了）：请重新上传填好的留言办理表（.xlsx）；用脚本上传时，把文件作为请求正文或 multipart/form-data 中唯一的文件发送";

    private static IResult TooLarge() =>
        TypedResults.Problem($"文件太大：最多 {MaxImportBytes / 1024 / 1024} MB。请删去已办结的行，或分成几个文件导入", statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件太大");

    /// <summary>The staff check of the comment export (<see cref="ExportApi.StaffRefusal"/>).</summary>
    private static IResult? Refusal(HttpContext http, IntakeOptions options, ExportGuard guard) => ExportApi.StaffRefusal(http, options.ExportToken, guard);
}

/// <summary>The import's answer: whether it was applied, the summary, counts, and every error and warning as "file，sheet，row，column：message".</summary>
public sealed record ImportAnswer(bool Applied, string Summary, int Updated, int Unchanged, int Untouched, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, int KeptNewer = 0);
