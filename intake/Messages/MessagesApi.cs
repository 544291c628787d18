using System.Globalization;
using System.Net;
using Site.Intake.Comments;
using Site.Intake.Recipients;
using Site.Intake.Storage;
using Site.Intake.Submissions;
using Site.Theme.ViewModels;

namespace Site.Intake.Messages;

/// <summary>
/// 给Ta留言: messages to a deputy or a liaison station, and what their pages show of them (the messages
/// the sender and the office both let be published, and the year's figures).
/// </summary>
public static class MessagesApi
{
    /// <summary>How many published messages one answer lists at most.</summary>
    public const int MaxPublished = 50;

    public static void MapMessages(this IEndpointRouteBuilder app)
    {
        foreach (var kind in new[] { RecipientKind.Deputy, RecipientKind.Station })
        {
            var group = app.MapGroup($"/api/{Segment(kind)}/{{id}}/messages");
            group.AddEndpointFilter<StoreUnavailableFilter>();
            group.MapPost("", (string id, HttpContext http, RecipientCatalog catalog, BatchWriter<NewMessage, Receipt> writer, TimeProvider clock, ILogger<PostMessageRequest> log) =>
                    PostMessageAsync(kind, id, http, catalog, writer, clock, log))
                .WithMetadata(new SubmissionKind("留言", new Crumb(kind == RecipientKind.Deputy ? "代表" : "家站点", $"/{Segment(kind)}/")))
                .AddEndpointFilter<SameOriginFilter>()
                .AddEndpointFilter((context, next) => context.HttpContext.RequestServices.GetRequiredService<SubmissionRateLimit>().InvokeAsync(context, next));
            group.MapGet("", (string id, RecipientCatalog catalog, IMessageStore store, TimeProvider clock, HttpContext http) =>
                GetPublishedAsync(kind, id, catalog, store, clock, http));
            group.MapGet("/page", (string id, RecipientCatalog catalog, IMessageStore store, TimeProvider clock, HttpContext http, SubmissionPages pages) =>
                GetPublishedPageAsync(kind, id, catalog, store, clock, http, pages));
        }
    }

    /// <summary>The URL segment of a kind: deputies, stations.</summary>
    public static string Segment(RecipientKind kind) => kind == RecipientKind.Deputy ? "deputies" : "stations";

    /// <summary>
    /// POST /api/deputies/{id}/messages and /api/stations/{id}/messages — 201 with a 回执编号 (LY…) only
    /// after the message is committed (a plain form post is redirected, 303, to the receipt lookup
    /// page). 400 field errors (text 5–2,000 characters, contact when a reply is wanted), 403 another
    /// site's page, 404 unknown deputy or station, 410 a deputy whose term ended (the answer names
    /// their station), 413 body over <see cref="SubmissionBody.MaxBytes"/>, 422 an Idempotency-Key
    /// already used for a different message, 429 too many posts, 503 the store failed (Retry-After).
    /// </summary>
    public static async Task<IResult> PostMessageAsync(
        RecipientKind kind, string id, HttpContext http, RecipientCatalog catalog, BatchWriter<NewMessage, Receipt> writer, TimeProvider clock, ILogger<PostMessageRequest> log)
    {
        var now = clock.GetUtcNow();
        var recipient = Resolve(kind, id, catalog);
        if (recipient is null)
        {
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status404NotFound,
                kind == RecipientKind.Deputy ? $"没有编号为“{SubmissionText.Shown(id)}”的代表，请从代表页面留言" : $"没有编号为“{SubmissionText.Shown(id)}”的代表家站点，请从家站点页面留言",
                back: new Crumb(kind == RecipientKind.Deputy ? "查看代表名单" : "查看代表家站点", kind == RecipientKind.Deputy ? "/deputies/" : "/stations/"));
        }

        if (kind == RecipientKind.Deputy && catalog.Deputy(id) is { } deputy && deputy.HasLeftBy(DateOnly.FromDateTime(now.ToOffset(Beijing).DateTime)))
        {
            var station = deputy.Station is { } s ? catalog.Station(s) : null;
            var ended = deputy.TermEnded!.Value.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
            var detail = station is null
                ? $"{deputy.Name}代表已于 {ended} 离任，不再接收留言。请给所在地的代表家站点留言"
                : $"{deputy.Name}代表已于 {ended} 离任，不再接收留言。请给{station.Name}留言";
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status410Gone, detail,
                extensions: new() { ["termEnded"] = deputy.TermEnded, ["station"] = station?.Id, ["stationUrl"] = station?.Url ?? "/stations/" },
                back: station is null ? new Crumb("查看代表家站点", "/stations/") : new Crumb($"给{station.Name}留言", station.Url));
        }

        var isForm = http.Request.HasFormContentType;
        PostMessageRequest request;
        var key = http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (isForm)
        {
            var (form, status, detail) = await SubmissionBody.ReadFormAsync(http);
            if (form is null)
            {
                // The shared reader words its size refusal for comments; a message's limit is its own.
                return await SubmissionAnswers.RefuseAsync(http, status, detail == SubmissionBody.TooLarge ? TooLarge : detail!, back: recipient.Back);
            }

            request = new PostMessageRequest
            {
                Text = SubmissionBody.Field(form, "text"),
                Name = SubmissionBody.Field(form, "name"),
                Contact = SubmissionBody.Field(form, "contact"),
                WantsReply = PostMessageRequest.Ticked(SubmissionBody.Field(form, "wantsReply")),
                Publish = PostMessageRequest.Ticked(SubmissionBody.Field(form, "publish")),
            };
            key = string.IsNullOrEmpty(key) ? SubmissionBody.Field(form, "idempotencyKey") : key;
        }
        else
        {
            if (SubmissionBody.UnsupportedMediaType(http.Request) is { } unsupported)
            {
                return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status415UnsupportedMediaType, unsupported, back: recipient.Back);
            }

            var read = await SubmissionBody.ReadJsonBodyAsync<PostMessageRequest>(http, CommentsApi.JsonOptions);
            if (!read.Fits)
            {
                return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, TooLarge);
            }

            if (read.Value is not { } json)
            {
                return SubmissionBody.JsonRefusal(read, PostMessageRequest.Labels);
            }

            request = json;
        }

        request = request.Normalized();
        var errors = request.Validate();
        (key, var keyError) = SubmissionKeys.Check(key);
        if (keyError is not null)
        {
            errors["idempotencyKey"] = [keyError];
        }

        if (errors.Count > 0)
        {
            return isForm
                ? await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status400BadRequest, "留言未提交，请修改后再试：",
                    details: errors.SelectMany(e => e.Value).ToList(), messageForm: Form(recipient, request, SubmissionKeys.NewKey()), back: recipient.Back)
                : TypedResults.ValidationProblem(errors, title: "提交的内容有误");
        }

        var fingerprint = request.Fingerprint();
        key ??= isForm ? SubmissionKeys.FormKey($"{kind.Code()}:{recipient.Id}", fingerprint, http, now) : null;
        var message = new NewMessage(
            kind, recipient.Id, recipient.Station, request.Text!, request.Name, request.Contact, request.Publish == true,
            key, SubmissionKeys.Participant(request.Contact, key), now, fingerprint, request.WantsReply == true);

        Receipt receipt;
        try
        {
            receipt = await writer.WriteAsync(message);
        }
        catch (Exception ex)
        {
            log.LogError(ex, "message to {Kind} {Id} not stored", kind, recipient.Id);
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status503ServiceUnavailable, StoreDown,
                retryAfter: StoreUnavailableFilter.RetryAfterSeconds, messageForm: Form(recipient, request, key ?? SubmissionKeys.NewKey()), back: recipient.Back);
        }

        if (receipt.KeyReused)
        {
            return await SubmissionAnswers.RefuseAsync(http, StatusCodes.Status422UnprocessableEntity,
                "刚才已经提交过一条内容不同的留言（可能网络中断，没有收到回执），这次的内容没有保存。请刷新页面后重新提交",
                messageForm: Form(recipient, request, SubmissionKeys.NewKey()), back: recipient.Back);
        }

        if (isForm)
        {
            return SeeOther(Receipts.ReceiptsApi.PageUrl(receipt.Number, justSent: true));
        }

        return TypedResults.Created($"/api/receipts/{receipt.Number}", new MessageReceipt(
            receipt.Number, kind.Code(), recipient.Id, recipient.Name, receipt.CreatedAt, receipt.Replayed,
            Receipts.ReceiptsApi.PageUrl(receipt.Number, justSent: false),
            request.Contact is null ? "没有留联系方式：工作人员无法联系您，答复会显示在回执查询里" : null));
    }

    /// <summary>
    /// GET /api/deputies/{id}/messages (and stations): the messages whose sender agreed to publish and
    /// the office marked public, newest first (text, reply, dates; never name, contact or receipt), at
    /// most <see cref="MaxPublished"/>; and the figures of the current year in Beijing. 404 unknown id.
    /// </summary>
    public static async Task<IResult> GetPublishedAsync(RecipientKind kind, string id, RecipientCatalog catalog, IMessageStore store, TimeProvider clock, HttpContext http)
    {
        if (Resolve(kind, id, catalog) is not { } recipient)
        {
            var what = kind == RecipientKind.Deputy ? "代表" : "代表家站点";
            return TypedResults.Problem($"没有编号为“{SubmissionText.Shown(id)}”的{what}", statusCode: StatusCodes.Status404NotFound, title: $"没有这个{what}");
        }

        var year = clock.GetUtcNow().ToOffset(Beijing).Year;
        var published = await store.PublishedAsync(kind, recipient.Id, MaxPublished, http.RequestAborted);
        var figures = await store.FiguresAsync(kind, recipient.Id, year, http.RequestAborted);
        return Revalidated(http, new PublishedAnswer(
            kind.Code(), recipient.Id, recipient.Name,
            new FiguresAnswer(figures.Year, figures.Received, figures.Answered, figures.MedianDaysToAnswer),
            published.Select(m => new PublishedItem(
                m.Text, Day(m.CreatedAt), m.Status.Code(), m.Status.Label(), m.Unit, m.Reply, m.RepliedOn)).ToList()));
    }

    /// <summary>
    /// A published answer changes the moment the office imports a reply, and the deputy expects to see
    /// it at once: caches (the browser, a CDN) must ask every time (<c>no-cache</c>), and the ETag (the
    /// first 128 bits of the JSON's SHA-256) lets them ask cheaply: an unchanged answer is a 304 without a body.
    /// </summary>
    private static IResult Revalidated<T>(HttpContext http, T answer)
    {
        var options = http.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions
            ?? System.Text.Json.JsonSerializerOptions.Web;
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(answer, options);
        var tag = "\"" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(json).AsSpan(0, 16)) + "\"";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = tag;
        var asked = http.Request.Headers.IfNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return asked.Any(t => t == "*" || t == tag || t == "W/" + tag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(json, "application/json; charset=utf-8");
    }

    /// <summary>The endpoint's page of a recipient's published messages (what a page without script links to).</summary>
    public static string PublishedPageUrl(RecipientKind kind, string id) => $"/api/{Segment(kind)}/{Uri.EscapeDataString(id)}/messages/page";

    /// <summary>
    /// GET /api/deputies/{id}/messages/page (and stations): the answer of <see cref="GetPublishedAsync"/>
    /// as an HTML page in the site's layout, for a browser without JavaScript: the year's figures and
    /// the published messages with their replies. 404 unknown id, as a page in Chinese.
    /// </summary>
    public static async Task<IResult> GetPublishedPageAsync(RecipientKind kind, string id, RecipientCatalog catalog, IMessageStore store, TimeProvider clock, HttpContext http, SubmissionPages pages)
    {
        if (Resolve(kind, id, catalog) is not { } recipient)
        {
            var what = kind == RecipientKind.Deputy ? "代表" : "代表家站点";
            return await pages.RefusedAsync($"没有这个{what}", $"没有编号为“{SubmissionText.Shown(id)}”的{what}。", [],
                StatusCodes.Status404NotFound, back: new Crumb(kind == RecipientKind.Deputy ? "查看代表名单" : "查看代表家站点", kind == RecipientKind.Deputy ? "/deputies/" : "/stations/"));
        }

        var year = clock.GetUtcNow().ToOffset(Beijing).Year;
        var published = await store.PublishedAsync(kind, recipient.Id, MaxPublished, http.RequestAborted);
        var figures = await store.FiguresAsync(kind, recipient.Id, year, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-cache";
        var who = kind == RecipientKind.Deputy ? $"{recipient.Name}代表" : recipient.Name;
        var section = kind == RecipientKind.Deputy ? new Crumb("代表", "/deputies/") : new Crumb("家站点", "/stations/");
        var title = $"{who}：留言和答复";
        var meta = new PageMeta(title, $"{who}收到的公开留言和答复，以及{year}年的留言办理数据。", PublishedPageUrl(kind, recipient.Id), Segment(kind),
            [section, new Crumb(who, recipient.Url), new Crumb("留言和答复", null)]);
        return await pages.PublishedAsync(new PublishedMessagesPage(
            meta, who, recipient.Url, figures.Year, figures.Received, figures.Answered,
            figures.MedianDaysToAnswer is { } median ? Math.Round(median, 1).ToString("0.#", CultureInfo.InvariantCulture) : "—",
            published.Select(m => new PublishedMessageView(
                ChineseDate(Day(m.CreatedAt)), Day(m.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Paragraphs(m.Text), m.Status.Label(),
                m.Reply is null ? null : (m.Unit ?? "") + "答复" + (m.RepliedOn is { } on ? $"（{ChineseDate(on)}）" : ""),
                Paragraphs(m.Reply))).ToList(),
            MaxPublished));
    }

    private static string ChineseDate(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Paragraphs(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>The day in Beijing of an instant.</summary>
    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Beijing).DateTime);

    private const string TooLarge = "提交的内容过大，无法接收。留言内容最多 2000 字，请删减后再提交";

    private const string StoreDown = "留言库暂时无法访问，您的留言没有保存。请稍后再试，您填写的内容仍在本页";

    /// <summary>A deputy or a station as a message sees it: id, name, page, and the station it goes through.</summary>
    internal sealed record Recipient(RecipientKind Kind, string Id, string Name, string Url, string? Station)
    {
        public Crumb Back => new(Kind == RecipientKind.Deputy ? $"返回{Name}代表的页面" : $"返回{Name}", Url);
    }

    internal static Recipient? Resolve(RecipientKind kind, string id, RecipientCatalog catalog) => kind == RecipientKind.Deputy
        ? catalog.Deputy(id) is { } d ? new Recipient(kind, d.Id, d.Name, d.Url, d.Station) : null
        : catalog.Station(id) is { } s ? new Recipient(kind, s.Id, s.Name, s.Url, s.Id) : null;

    private static MessageFormView Form(Recipient recipient, PostMessageRequest request, string key) => new(
        Segment(recipient.Kind), recipient.Id, recipient.Name, request.Text, request.Name, request.Contact,
        request.WantsReply == true, request.Publish == true, key, "再次提交");

    /// <summary>303 See Other: the browser follows with a GET, so reloading the receipt never posts again.</summary>
    public static IResult SeeOther(string url) => new SeeOtherResult(url);

    private sealed class SeeOtherResult(string url) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            http.Response.Headers.Location = url;
            return Task.CompletedTask;
        }
    }
}

/// <summary>The JSON answer to an accepted message: the receipt, whom it went to, and the page to look it up.</summary>
public sealed record MessageReceipt(string Receipt, string Kind, string Recipient, string RecipientName, DateTimeOffset CreatedAt, bool Replayed, string Lookup, string? Note);

/// <summary>GET …/messages: the recipient, the year's figures and the published messages.</summary>
public sealed record PublishedAnswer(string Kind, string Id, string Name, FiguresAnswer Figures, IReadOnlyList<PublishedItem> Messages);

/// <summary>Messages received in <paramref name="Year"/> (Beijing), answered, and the median days from receipt to answer (null: none answered).</summary>
public sealed record FiguresAnswer(int Year, long Received, long Answered, double? MedianDaysToAnswer);

/// <summary>One published message: text, the day received, status (code and label), handling unit, reply and its date.</summary>
public sealed record PublishedItem(string Text, DateOnly Date, string Status, string StatusLabel, string? Unit, string? Reply, DateOnly? RepliedOn);
