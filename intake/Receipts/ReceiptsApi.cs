using System.Globalization;
using Site.Intake.Drafts;
using Site.Intake.Messages;
using Site.Intake.Recipients;
using Site.Intake.Storage;
using Site.Intake.Submissions;
using Site.Theme.ViewModels;

namespace Site.Intake.Receipts;

/// <summary>
/// 查询回执: any receipt number, a comment's (YJ…) or a message's (LY…), as JSON and as a page that
/// works without JavaScript. What it was about, when it was received, where it stands and the answer;
/// never the text, the name or the contact (a receipt number seen over a shoulder reveals no person).
/// </summary>
public static class ReceiptsApi
{
    public const string NotAReceipt = "这不是有效的回执编号。回执编号形如 LY261130-7KQ2M9PX：两个字母、六位日期、短横线和八位字母或数字";

    public const string NotFound = "没有找到这个回执编号，请核对后再试（字母 O 与数字 0、字母 I 与数字 1 可不区分）";

    public static void MapReceipts(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/receipts");
        group.AddEndpointFilter<StoreUnavailableFilter>();
        group.AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<LookupRateLimit>().InvokeAsync(context, next));
        group.MapGet("/lookup", GetPageAsync);
        group.MapGet("/{number}", GetAsync);
    }

    /// <summary>The lookup page of a number; <paramref name="justSent"/>: the page a form post lands on.</summary>
    public static string PageUrl(string number, bool justSent) => "/api/receipts/lookup?number=" + Uri.EscapeDataString(number) + (justSent ? "&sent=1" : "");

    /// <summary>
    /// GET /api/receipts/{number} — 200 with <see cref="ReceiptAnswer"/>; 400 not a receipt number; 404 no
    /// such receipt; 429 too many lookups from one address (Intake:LookupsPerMinute). Never cached.
    /// </summary>
    public static async Task<IResult> GetAsync(string number, HttpContext http, ICommentStore comments, IMessageStore messages, DraftCatalog drafts, RecipientCatalog recipients, TimeProvider clock)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (ReceiptNumbers.Normalize(number) is not { } normalized)
        {
            return TypedResults.Problem(NotAReceipt, statusCode: StatusCodes.Status400BadRequest, title: NotAReceipt);
        }

        return await FindAsync(normalized, comments, messages, drafts, recipients, clock.GetUtcNow(), http.RequestAborted) is { } answer
            ? TypedResults.Ok(answer)
            : TypedResults.Problem(NotFound, statusCode: StatusCodes.Status404NotFound, title: NotFound);
    }

    /// <summary>
    /// GET /api/receipts/lookup?number=… — the page: the empty form without a number, 400 with the form
    /// for a malformed one, 404 for an unknown one, else the receipt (sent=1: the "submitted" heading).
    /// </summary>
    public static async Task<IResult> GetPageAsync(string? number, string? sent, HttpContext http, ICommentStore comments, IMessageStore messages, DraftCatalog drafts, RecipientCatalog recipients, SubmissionPages pages, TimeProvider clock)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(number))
        {
            return await pages.ReceiptAsync(new ReceiptPage(SubmissionPages.ReceiptMeta("查询回执"), null, null, null), StatusCodes.Status200OK);
        }

        if (ReceiptNumbers.Normalize(number) is not { } normalized)
        {
            return await pages.ReceiptAsync(new ReceiptPage(SubmissionPages.ReceiptMeta("查询回执"), number.Trim(), null, NotAReceipt), StatusCodes.Status400BadRequest);
        }

        if (await FindAsync(normalized, comments, messages, drafts, recipients, clock.GetUtcNow(), http.RequestAborted) is not { } answer)
        {
            return await pages.ReceiptAsync(new ReceiptPage(SubmissionPages.ReceiptMeta("查询回执"), normalized, null, NotFound), StatusCodes.Status404NotFound);
        }

        return await pages.ReceiptAsync(new ReceiptPage(SubmissionPages.ReceiptMeta("回执 " + normalized), normalized, View(answer), null, sent == "1"), StatusCodes.Status200OK);
    }

    /// <summary>The receipt's answer, or null when no comment or message has the number.</summary>
    public static async Task<ReceiptAnswer?> FindAsync(string number, ICommentStore comments, IMessageStore messages, DraftCatalog drafts, RecipientCatalog recipients, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (number.StartsWith(ReceiptNumbers.Messages.Prefix, StringComparison.Ordinal))
        {
            return await messages.FindAsync(number, cancellationToken) is { } message ? Message(message, recipients) : null;
        }

        return await comments.FindAsync(number, cancellationToken) is { } comment ? Comment(comment, drafts.Find(comment.Draft), now) : null;
    }

    private static ReceiptAnswer Comment(StoredComment comment, DraftEntry? draft, DateTimeOffset now)
    {
        var period = draft?.StatusAt(now) ?? "closed";
        var feedback = draft?.Feedback;
        var status = feedback is not null ? "feedback" : period;
        var article = comment.Article is null ? null : draft?.Articles.FirstOrDefault(a => a.Anchor == comment.Article);
        var outcome = comment.Article is null ? null : feedback?.Articles.FirstOrDefault(o => o.Anchor == comment.Article);
        return new ReceiptAnswer(
            comment.Receipt, "comment", "意见",
            new ReceiptSubject("draft", comment.Draft, (draft?.Title ?? comment.Draft) + (article is null ? "" : " " + article.Label), draft?.Url),
            comment.CreatedAt, status, CommentStatusLabel(status),
            [new ReceiptHistoryItem("received", "已收到", comment.CreatedAt, null)],
            outcome is null ? null : new ReceiptReplyAnswer(outcome.Outcome + (outcome.Reason is null ? "" : "：" + outcome.Reason), feedback!.Published, "意见采纳情况"),
            feedback is null ? null : new ReceiptLink("意见采纳情况", feedback.Url, feedback.Published),
            false);
    }

    private static string CommentStatusLabel(string status) => status switch
    {
        "feedback" => "意见采纳情况已公布",
        "open" => "征求意见中，意见将在截止后汇总研究",
        "not-yet-open" => "尚未开始征求意见",
        _ => "征求意见已截止，正在汇总研究，采纳情况公布后可在此查看",
    };

    private static ReceiptAnswer Message(StoredMessage message, RecipientCatalog recipients)
    {
        var recipient = MessagesApi.Resolve(message.Kind, message.Recipient, recipients);
        var removed = message.RemovedAt is not null;
        var history = new List<ReceiptHistoryItem> { new("received", MessageStatus.Received.Label(), message.CreatedAt, null) };
        history.AddRange(message.History.Select(e => new ReceiptHistoryItem(e.Status.Code(), e.Status.Label(), e.RecordedAt, e.Unit)));
        return new ReceiptAnswer(
            message.Receipt, "message", "留言",
            new ReceiptSubject(message.Kind.Code(), message.Recipient,
                recipient is null ? message.Recipient : message.Kind == RecipientKind.Deputy ? $"{recipient.Name}代表" : recipient.Name, recipient?.Url),
            message.CreatedAt,
            removed ? "removed" : message.Status.Code(),
            removed ? "已应本人要求删除" : message.Status.Label(),
            history,
            removed || message.Reply is null ? null : new ReceiptReplyAnswer(message.Reply, message.RepliedOn, message.Unit),
            null,
            removed);
    }

    private static ReceiptView View(ReceiptAnswer answer) => new(
        answer.Receipt,
        answer.KindLabel,
        answer.Subject.Title,
        answer.Subject.Url,
        ChineseTime(answer.ReceivedAt),
        answer.StatusLabel,
        answer.History.Count > 1 ? answer.History.Select(h => new ReceiptStep(ChineseDate(h.At), h.StatusLabel, h.Unit)).ToList() : [],
        answer.Reply is { } reply ? new ReceiptReply(reply.Text, reply.Date is { } d ? ChineseDate(d) : null, reply.From) : null,
        answer.Report is { } report ? new Crumb($"查看{report.Title}（{ChineseDate(report.Published)}公布）", report.Url) : null,
        answer.Removed ? ["这条留言已应本人要求删除，内容和联系方式已不再保存。"] : []);

    private static string ChineseTime(DateTimeOffset at) =>
        at.ToOffset(MessagesApi.Beijing).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private static string ChineseDate(DateTimeOffset at) => ChineseDate(MessagesApi.Day(at));

    private static string ChineseDate(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}

/// <summary>
/// GET /api/receipts/{number}: <see cref="Kind"/> "comment" or "message" (<see cref="KindLabel"/> 意见,
/// 留言); what it is about; when it was received; <see cref="Status"/> (for a comment the draft's:
/// "open", "closed", "feedback"; for a message "received", "referred", "in-progress", "answered",
/// "closed", or "removed") with its Chinese label; the history oldest first; the reply (a comment's:
/// its article's outcome in the feedback report); the feedback report's link; whether it was removed.
/// </summary>
public sealed record ReceiptAnswer(
    string Receipt, string Kind, string KindLabel, ReceiptSubject Subject, DateTimeOffset ReceivedAt, string Status, string StatusLabel,
    IReadOnlyList<ReceiptHistoryItem> History, ReceiptReplyAnswer? Reply, ReceiptLink? Report, bool Removed);

/// <summary>What a receipt is about: kind "draft", "deputy" or "station", its id, title and page.</summary>
public sealed record ReceiptSubject(string Kind, string Id, string Title, string? Url);

/// <summary>One step: status code and label, when it was recorded, the unit handling it.</summary>
public sealed record ReceiptHistoryItem(string Status, string StatusLabel, DateTimeOffset At, string? Unit);

/// <summary>The answer: its text, its date, who gave it.</summary>
public sealed record ReceiptReplyAnswer(string Text, DateOnly? Date, string? From);

/// <summary>A published report the receipt points to.</summary>
public sealed record ReceiptLink(string Title, string Url, DateOnly Published);
