using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Site.Intake.Drafts;
using Site.Intake.Storage;

namespace Site.Intake.Comments;

/// <summary>Comment intake: post a comment (JSON or form), public counts, a receipt page.</summary>
public static class CommentsApi
{
    public const string RateLimitPolicy = "comments";

    public static RouteGroupBuilder MapComments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/drafts/{draft}");
        api.MapPost("/comments", PostCommentAsync).RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/stats", GetStatsAsync);
        api.MapGet("/receipts/{receipt}", GetReceiptPageAsync);
        return api;
    }

    /// <summary>POST /api/drafts/{draft}/comments — answers 201 with a 回执编号 only after the comment is committed.</summary>
    public static async Task<IResult> PostCommentAsync(
        string draft, HttpContext http, DraftCatalog catalog, CommentWriter writer, TimeProvider clock)
    {
        var isForm = http.Request.HasFormContentType;
        if (!SameOrigin(http))
        {
            return Problem(isForm, StatusCodes.Status403Forbidden, "不接受来自其他网站的提交", null, draft);
        }

        var entry = catalog.Find(draft);
        if (entry is null)
        {
            return Problem(isForm, StatusCodes.Status404NotFound, "没有这部法规草案，或它已不再征求意见", null, draft);
        }

        var now = clock.GetUtcNow();
        if (!entry.IsOpenAt(now))
        {
            var when = entry.Closes.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
            var detail = now < entry.Opens ? "本草案尚未开始征求意见" : $"本草案征求意见已于 {when} 截止，不再接收新的意见";
            return Problem(isForm, StatusCodes.Status409Conflict, detail, null, draft, new Dictionary<string, object?> { ["closes"] = entry.Closes });
        }

        PostCommentRequest? request;
        string? idempotencyKey = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (isForm)
        {
            var form = await http.Request.ReadFormAsync();
            request = new PostCommentRequest
            {
                Article = form["article"].FirstOrDefault(),
                Text = form["text"].FirstOrDefault(),
                Name = form["name"].FirstOrDefault(),
                Contact = form["contact"].FirstOrDefault(),
                Identity = form["identity"].FirstOrDefault(),
            };
            idempotencyKey ??= form["idempotencyKey"].FirstOrDefault();
        }
        else
        {
            try
            {
                request = await JsonSerializer.DeserializeAsync<PostCommentRequest>(http.Request.Body, JsonOptions);
            }
            catch (JsonException)
            {
                request = null;
            }

            if (request is null)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["body"] = ["请求内容不是有效的 JSON"] }, title: "提交的内容有误");
            }
        }

        var errors = request.Validate(entry);
        if (idempotencyKey is { Length: > 100 })
        {
            errors["idempotencyKey"] = ["Idempotency-Key 最多 100 个字符"];
        }

        if (errors.Count > 0)
        {
            return isForm
                ? FormPages.Errors(entry, errors, request)
                : TypedResults.ValidationProblem(errors, title: "提交的内容有误");
        }

        var comment = new NewComment(
            entry.Id,
            string.IsNullOrEmpty(request.Article) ? null : request.Article,
            request.Text!.Trim(),
            Blank(request.Name),
            Blank(request.Contact),
            Blank(request.Identity),
            Blank(idempotencyKey),
            Participant(request, idempotencyKey),
            now);
        var receipt = await writer.WriteAsync(comment);
        var receiptUrl = $"/api/drafts/{WebUtility.UrlEncode(entry.Id)}/receipts/{receipt.Number}";
        if (isForm)
        {
            return TypedResults.Redirect(receiptUrl, permanent: false, preserveMethod: false);
        }

        return TypedResults.Created(receiptUrl, new CommentReceipt(receipt.Number, entry.Id, comment.Article, receipt.CreatedAt, receipt.Replayed));
    }

    /// <summary>GET /api/drafts/{draft}/stats — comments, participants, per-article counts.</summary>
    public static async Task<Results<Ok<DraftStats>, ProblemHttpResult>> GetStatsAsync(string draft, DraftCatalog catalog, ICommentStore store, CancellationToken cancellationToken)
    {
        if (catalog.Find(draft) is null)
        {
            return TypedResults.Problem("没有这部法规草案", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.Ok(await store.StatsAsync(draft, cancellationToken));
    }

    /// <summary>The receipt page a plain form post lands on: works without JavaScript.</summary>
    public static async Task<IResult> GetReceiptPageAsync(string draft, string receipt, DraftCatalog catalog, ICommentStore store, CancellationToken cancellationToken)
    {
        var entry = catalog.Find(draft);
        var comment = await store.FindAsync(receipt, cancellationToken);
        if (entry is null || comment is null || comment.Draft != draft)
        {
            return FormPages.Message("找不到回执", "没有找到这个回执编号。", StatusCodes.Status404NotFound);
        }

        return FormPages.Receipt(entry, comment);
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static IResult Problem(bool isForm, int status, string detail, string? field, string draft, Dictionary<string, object?>? extensions = null) =>
        isForm
            ? FormPages.Message("无法提交", detail, status)
            : TypedResults.Problem(detail: detail, statusCode: status, title: detail, extensions: extensions);

    /// <summary>A post from another site's page is refused (the browser says where it came from).</summary>
    private static bool SameOrigin(HttpContext http)
    {
        if (http.Request.Headers["Sec-Fetch-Site"].FirstOrDefault() is "cross-site")
        {
            return false;
        }

        var origin = http.Request.Headers.Origin.FirstOrDefault();
        if (string.IsNullOrEmpty(origin) || origin == "null")
        {
            return origin != "null";
        }

        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<IntakeOptions>>().Value;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && (string.Equals(uri.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
                || options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Who counts as one participant: the same contact is one person; anonymous comments count one each.</summary>
    private static string Participant(PostCommentRequest request, string? idempotencyKey)
    {
        var basis = Blank(request.Contact)?.ToLowerInvariant() ?? idempotencyKey ?? Guid.NewGuid().ToString("N");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(basis)))[..16];
    }
}

/// <summary>The JSON answer to an accepted comment.</summary>
public sealed record CommentReceipt(string Receipt, string Draft, string? Article, DateTimeOffset CreatedAt, bool Replayed);
