using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Site.Intake.Drafts;
using Site.Intake.Storage;
using Site.Intake.Submissions;
using Site.Theme.ViewModels;

namespace Site.Intake.Comments;

/// <summary>Comment intake: post a comment (JSON or form), public counts and status, a receipt page.</summary>
public static class CommentsApi
{
    public static RouteGroupBuilder MapComments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/drafts/{draft}");
        api.AddEndpointFilter<StoreUnavailableFilter>();
        api.MapPost("/comments", PostCommentAsync)
            .AddEndpointFilter<SameOriginFilter>()
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<SubmissionRateLimit>().InvokeAsync(context, next));
        api.MapGet("/stats", GetStatsAsync);
        // A receipt page is a receipt lookup like /api/receipts/*: the same per-address limit keeps
        // anybody from trying receipt numbers here instead.
        api.MapGet("/receipts/{receipt}", GetReceiptPageAsync)
            .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<LookupRateLimit>().InvokeAsync(context, next));
        return api;
    }

    /// <summary>
    /// POST /api/drafts/{draft}/comments — 201 with a 回执编号 only after the comment is committed (a
    /// plain form post is redirected to the receipt page). 400 field errors, 404 unknown draft, 409
    /// outside the comment period, 413 body over <see cref="SubmissionBody.MaxBytes"/>, 422 an
    /// Idempotency-Key already used for a different comment, 503 the store failed (Retry-After).
    /// </summary>
    public static async Task<IResult> PostCommentAsync(
        string draft, HttpContext http, DraftCatalog catalog, BatchWriter<NewComment, Receipt> writer, DraftStatsCache stats, TimeProvider clock, ILogger<PostCommentRequest> log)
    {
        var isForm = http.Request.HasFormContentType;
        var entry = catalog.Find(draft);
        if (entry is null)
        {
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status404NotFound, "没有这部法规草案，或它已不再征求意见");
        }

        var now = clock.GetUtcNow();
        if (!entry.IsOpenAt(now))
        {
            var when = entry.Closes.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
            var detail = now < entry.Opens ? "本草案尚未开始征求意见" : $"本草案征求意见已于 {when} 截止，不再接收新的意见";
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status409Conflict, detail, extensions: new() { ["closes"] = entry.Closes, ["period"] = entry.StatusAt(now) });
        }

        PostCommentRequest? request;
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (isForm)
        {
            var (form, status, detail) = await SubmissionBody.ReadFormAsync(http);
            if (form is null)
            {
                return await SubmissionAnswers.RefuseAsync(http, status, detail!);
            }

            request = new PostCommentRequest
            {
                Article = SubmissionBody.Field(form, "article"),
                Text = SubmissionBody.Field(form, "text"),
                Name = SubmissionBody.Field(form, "name"),
                Contact = SubmissionBody.Field(form, "contact"),
                Identity = SubmissionBody.Field(form, "identity"),
            };
            key = string.IsNullOrEmpty(key) ? SubmissionBody.Field(form, "idempotencyKey") : key;
        }
        else
        {
            if (SubmissionBody.UnsupportedMediaType(http.Request) is { } unsupported)
            {
                return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, unsupported);
            }

            var read = await SubmissionBody.ReadJsonBodyAsync<PostCommentRequest>(http, JsonOptions);
            if (!read.Fits)
            {
                return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, SubmissionBody.TooLarge);
            }

            if (read.Value is not { } json)
            {
                return SubmissionBody.JsonRefusal(read, PostCommentRequest.Labels);
            }

            request = json;
        }

        request = request.Normalized();
        var errors = request.Validate(entry);
        key = string.IsNullOrWhiteSpace(key) ? null : key.Trim();
        if (key is { Length: > 100 } || (key is not null && SubmissionText.Unstorable(key, "Idempotency-Key") is not null))
        {
            errors["idempotencyKey"] = ["Idempotency-Key 最多 100 个字符，且不能含控制字符"];
        }

        if (errors.Count > 0)
        {
            return isForm
                ? await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status400BadRequest, "意见未提交，请修改后再试：",
                    details: errors.SelectMany(e => e.Value).ToList(), form: Form(entry, request, NewKey()))
                : TypedResults.ValidationProblem(errors, title: "提交的内容有误");
        }

        // A plain form on the static page carries no key: the same comment from the same address on
        // the same day is taken as a second click, and stored once.
        var fingerprint = request.Fingerprint();
        key ??= isForm ? FormKey(entry, fingerprint, http, now) : null;
        var comment = new NewComment(
            entry.Id, request.Article, request.Text!, request.Name, request.Contact, request.Identity,
            key, Participant(request, key), now, fingerprint);

        Receipt receipt;
        try
        {
            receipt = await writer.WriteAsync(comment);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "comment on {Draft} not stored", entry.Id);
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, StoreUnavailableFilter.Detail,
                retryAfter: StoreUnavailableFilter.RetryAfterSeconds, form: Form(entry, request, key ?? NewKey()));
        }

        if (receipt.KeyReused)
        {
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status422UnprocessableEntity,
                "刚才已经提交过一条内容不同的意见（可能网络中断，没有收到回执），这次的内容没有保存。请刷新页面后重新提交",
                form: Form(entry, request, NewKey()));
        }

        stats.Invalidate(entry.Id);
        var receiptUrl = $"/api/drafts/{WebUtility.UrlEncode(entry.Id)}/receipts/{receipt.Number}";
        if (isForm)
        {
            return TypedResults.Redirect(receiptUrl, permanent: false, preserveMethod: false);
        }

        return TypedResults.Created(receiptUrl, new CommentReceipt(receipt.Number, entry.Id, comment.Article, receipt.CreatedAt, receipt.Replayed));
    }

    /// <summary>
    /// GET /api/drafts/{draft}/stats — counts (at most <see cref="DraftStatsCache.Lifetime"/> old) and
    /// the comment period by the live clock: status "not-yet-open", "open" or "closed", opens, closes.
    /// </summary>
    public static async Task<IResult> GetStatsAsync(string draft, DraftCatalog catalog, DraftStatsCache cache, TimeProvider clock)
    {
        if (catalog.Find(draft) is not { } entry)
        {
            return TypedResults.Problem("没有这部法规草案", statusCode: StatusCodes.Status404NotFound, title: "没有这部法规草案");
        }

        var stats = await cache.GetAsync(draft);
        return TypedResults.Ok(new DraftStatsAnswer(
            stats.Draft, stats.Comments, stats.Participants, stats.Articles, entry.StatusAt(clock.GetUtcNow()), entry.Opens, entry.Closes,
            stats.Groups, stats.Duplicated, stats.Channels ?? new Dictionary<string, long>(), stats.OfflineArticles ?? new Dictionary<string, long>(),
            stats.GroupsApproximate ? DraftStatsAnswer.ApproximateGroups : null));
    }

    /// <summary>The receipt page a plain form post lands on: works without JavaScript.</summary>
    public static async Task<IResult> GetReceiptPageAsync(string draft, string receipt, DraftCatalog catalog, ICommentStore store, SubmissionPages pages, CancellationToken cancellationToken)
    {
        var entry = catalog.Find(draft);
        var comment = await store.FindAsync(receipt, cancellationToken);
        if (entry is null || comment is null || comment.Draft != draft)
        {
            return await pages.RefusedAsync("找不到回执", "没有找到这个回执编号。", [], StatusCodes.Status404NotFound);
        }

        var article = comment.Article is null ? "" : entry.Articles.FirstOrDefault(a => a.Anchor == comment.Article)?.Label ?? "";
        var outcome = ReceiptOutcome.For(entry, comment.Article);
        return await pages.StoredAsync($"您对《{entry.Title}》{article}的意见已保存。", comment.Receipt,
            outcome.ReportUrl is { } report ? new Crumb("查看意见采纳情况", report) : new Crumb("返回草案", entry.Url), outcome.Lines);
    }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The form given back with what was typed, and the key its next submission carries.</summary>
    private static CommentFormView Form(DraftEntry entry, PostCommentRequest request, string key) => new(
        entry.Id,
        entry.Articles.Select(a => new ArticleOption(a.Anchor, a.Label)).ToList(),
        request.Article, request.Text, request.Name, request.Contact, request.Identity, key, "再次提交");

    private static string NewKey() => SubmissionKeys.NewKey();

    private static string FormKey(DraftEntry entry, string fingerprint, HttpContext http, DateTimeOffset now) =>
        SubmissionKeys.FormKey(entry.Id, fingerprint, http, now);

    private static string Participant(PostCommentRequest request, string? idempotencyKey) =>
        SubmissionKeys.Participant(request.Contact, idempotencyKey);
}

/// <summary>The JSON answer to an accepted comment.</summary>
public sealed record CommentReceipt(string Receipt, string Draft, string? Article, DateTimeOffset CreatedAt, bool Replayed);

/// <summary>
/// GET …/stats: public counts, and the comment period as the endpoint's clock sees it now.
/// "N 条意见，其中 M 条内容相同或相近（K 组）": N is <paramref name="Comments"/>, M <paramref name="Duplicated"/>;
/// <paramref name="Groups"/> counts distinct opinions (a comment with no duplicate is a group of one);
/// <paramref name="Channels"/>: comments per channel (网上征求意见, and 来信, 座谈会 … imported from offline);
/// <paramref name="ArticlesOffline"/>: per article, how many of <paramref name="Articles"/> came offline;
/// <paramref name="GroupsNote"/>: null while groups and duplicated are exact, else <see cref="ApproximateGroups"/>
/// (very many similar comments: <see cref="NearGroupIndex.Approximate"/>).
/// </summary>
public sealed record DraftStatsAnswer(
    string Draft, long Comments, long Participants, IReadOnlyDictionary<string, long> Articles,
    string Status, DateTimeOffset Opens, DateTimeOffset Closes,
    long Groups, long Duplicated, IReadOnlyDictionary<string, long> Channels, IReadOnlyDictionary<string, long> ArticlesOffline,
    string? GroupsNote = null)
{
    /// <summary>What <c>groupsNote</c> says when the groups are an estimate.</summary>
    public const string ApproximateGroups = "组数为估算：相近意见很多，个别相近意见可能未归入同一组，实际组数可能略少";
}
