namespace Site.Theme.ViewModels;

/// <summary>
/// The message form (给Ta留言) to a deputy or a station: on their pages (empty) and on the endpoint's
/// page when a plain form post is refused (filled with what was typed). <see cref="Kind"/> is the URL
/// segment, "deputies" or "stations"; the form posts to /api/{Kind}/{RecipientId}/messages.
/// <see cref="IdempotencyKey"/> is empty on the static page and generated when the endpoint renders it.
/// </summary>
public sealed record MessageFormView(
    string Kind,
    string RecipientId,
    string RecipientName,
    string? Text = null,
    string? Name = null,
    string? Contact = null,
    bool WantsReply = false,
    bool Publish = false,
    string IdempotencyKey = "",
    string SubmitLabel = "提交留言")
{
    public string Action => $"/api/{Kind}/{Uri.EscapeDataString(RecipientId)}/messages";
}

/// <summary>
/// 查询回执: the endpoint's page for a receipt number (a comment's or a message's), with the lookup form.
/// <see cref="Receipt"/> is what was found; <see cref="Problem"/> says why nothing is shown (not found,
/// not a receipt number); neither: the empty form. <see cref="JustSent"/>: the page a form post landed on.
/// </summary>
public sealed record ReceiptPage(PageMeta Meta, string? Number, ReceiptView? Receipt, string? Problem, bool JustSent = false);

/// <summary>
/// What a receipt says, never who sent it or how to reach them. <see cref="Kind"/> 意见 or 留言;
/// <see cref="About"/> the draft, deputy or station (with its page); dates as 2026年3月2日.
/// </summary>
public sealed record ReceiptView(
    string Number,
    string Kind,
    string About,
    string? AboutUrl,
    string Received,
    string Status,
    IReadOnlyList<ReceiptStep> Steps,
    ReceiptReply? Reply,
    Crumb? Report,
    IReadOnlyList<string> Notes);

/// <summary>One step of the history: its date, status (已收到, 已转办 …) and the unit handling it.</summary>
public sealed record ReceiptStep(string Date, string Status, string? Unit);

/// <summary>The answer: its text, date and who gave it (the feedback outcome, for a comment).</summary>
public sealed record ReceiptReply(string Text, string? Date, string? Unit);

/// <summary>
/// 留言和答复, rendered by the endpoint for a page without JavaScript (the deputy's or station's page
/// links here): the year's figures and the messages the sender agreed to publish and the office marked
/// public, newest first. <see cref="Recipient"/> reads "陈美华代表" or a station's name;
/// <see cref="Median"/> is "—" when nothing was answered; never a name, contact or receipt number.
/// </summary>
public sealed record PublishedMessagesPage(
    PageMeta Meta,
    string Recipient,
    string RecipientUrl,
    int Year,
    long Received,
    long Answered,
    string Median,
    IReadOnlyList<PublishedMessageView> Messages,
    int Limit);

/// <summary>
/// One published message: the day received (2026年3月2日 and ISO), its paragraphs, status label, and
/// the reply's paragraphs with who gave it and when ("县住建局答复（2026年3月9日）"); no reply: empty.
/// </summary>
public sealed record PublishedMessageView(string Date, string IsoDate, IReadOnlyList<string> Text, string Status, string? ReplyFrom, IReadOnlyList<string> Reply);
