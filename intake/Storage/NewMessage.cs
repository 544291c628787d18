namespace Site.Intake.Storage;

/// <summary>Whom a message (留言) is addressed to: a deputy (代表) or a liaison station (家站点).</summary>
public enum RecipientKind
{
    Deputy,
    Station,
}

/// <summary>
/// Where a message stands. 已收到 (<see cref="Received"/>) is where every message starts; the office
/// moves it on with its import (<see cref="MessageStatusUpdate"/>).
/// </summary>
public enum MessageStatus
{
    /// <summary>已收到.</summary>
    Received,

    /// <summary>已转办: passed to the unit that handles it.</summary>
    Referred,

    /// <summary>办理中.</summary>
    InProgress,

    /// <summary>已答复: the office or deputy answered.</summary>
    Answered,

    /// <summary>已办结.</summary>
    Closed,
}

/// <summary>The stored codes and the Chinese labels of <see cref="RecipientKind"/> and <see cref="MessageStatus"/>.</summary>
public static class MessageVocabulary
{
    /// <summary>The code stored in messages.recipient_kind: "deputy" or "station".</summary>
    public static string Code(this RecipientKind kind) => kind == RecipientKind.Deputy ? "deputy" : "station";

    /// <summary>The code stored in messages.status and message_events.status.</summary>
    public static string Code(this MessageStatus status) => status switch
    {
        MessageStatus.Received => "received",
        MessageStatus.Referred => "referred",
        MessageStatus.InProgress => "in-progress",
        MessageStatus.Answered => "answered",
        _ => "closed",
    };

    /// <summary>已收到, 已转办, 办理中, 已答复, 已办结: the labels the office's sheet and the receipt page use.</summary>
    public static string Label(this MessageStatus status) => status switch
    {
        MessageStatus.Received => "已收到",
        MessageStatus.Referred => "已转办",
        MessageStatus.InProgress => "办理中",
        MessageStatus.Answered => "已答复",
        _ => "已办结",
    };

    /// <summary>代表 or 家站点.</summary>
    public static string Label(this RecipientKind kind) => kind == RecipientKind.Deputy ? "代表" : "家站点";

    public static RecipientKind ParseKind(string code) => code == "deputy" ? RecipientKind.Deputy : RecipientKind.Station;

    public static MessageStatus ParseStatus(string code) => Statuses.First(s => s.Code() == code);

    /// <summary>A status from its Chinese label (已转办 …), trimmed; null when it is none of them.</summary>
    public static MessageStatus? FromLabel(string? label) =>
        Statuses.Cast<MessageStatus?>().FirstOrDefault(s => s!.Value.Label() == label?.Trim());

    public static readonly IReadOnlyList<MessageStatus> Statuses = Enum.GetValues<MessageStatus>();
}

/// <summary>
/// 留言: a message as accepted, before it is stored. <paramref name="Station"/> is the deputy's
/// station (for a station, the station itself); <paramref name="PublishConsent"/> the sender's yes to
/// publishing text and reply; <paramref name="Fingerprint"/> identifies what was said, for
/// Idempotency-Key reuse; <paramref name="WantsReply"/> the sender's 希望工作人员联系我答复.
/// </summary>
public sealed record NewMessage(
    RecipientKind Kind,
    string Recipient,
    string? Station,
    string Text,
    string? Name,
    string? Contact,
    bool PublishConsent,
    string? IdempotencyKey,
    string Participant,
    DateTimeOffset CreatedAt,
    string? Fingerprint = null,
    bool WantsReply = false);

/// <summary>One step of a message's history after 已收到: what the office recorded, and when it was applied.</summary>
public sealed record MessageEvent(
    MessageStatus Status,
    string? Unit,
    string? Reply,
    DateOnly? RepliedOn,
    bool? OfficePublic,
    DateTimeOffset RecordedAt,
    string? Source);

/// <summary>
/// A stored message with its current state and history (oldest first), for the office's export and
/// the receipt lookup. The lookup must never show <see cref="Contact"/> or <see cref="Name"/>.
/// <see cref="RemovedAt"/> set: deleted at the sender's request (text, name and contact are blank).
/// <see cref="WantsReply"/>: the sender asked to be contacted with the answer (希望工作人员联系我答复).
/// </summary>
public sealed record StoredMessage(
    string Receipt,
    RecipientKind Kind,
    string Recipient,
    string? Station,
    string Text,
    string? Name,
    string? Contact,
    bool PublishConsent,
    DateTimeOffset CreatedAt,
    MessageStatus Status,
    string? Unit,
    string? Reply,
    DateOnly? RepliedOn,
    bool OfficePublic,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? RemovedAt,
    IReadOnlyList<MessageEvent> History,
    bool WantsReply = false);

/// <summary>
/// What the office's import says of one message (its row): the new status, 承办单位, 答复内容, 答复日期
/// and 是否公开 (null: leave as it is). Applied only when it differs from the message's current state,
/// so importing the same sheet twice records nothing the second time.
/// </summary>
public sealed record MessageStatusUpdate(
    string Receipt,
    MessageStatus Status,
    string? Unit,
    string? Reply,
    DateOnly? RepliedOn,
    bool? OfficePublic,
    DateTimeOffset RecordedAt,
    string? Source = null);

/// <summary>What became of one <see cref="MessageStatusUpdate"/>.</summary>
public enum UpdateOutcome
{
    /// <summary>Recorded as a new event.</summary>
    Applied,

    /// <summary>The message already stood so: nothing recorded.</summary>
    Unchanged,

    /// <summary>No message has that receipt number.</summary>
    NotFound,

    /// <summary>The message was deleted at its sender's request: nothing recorded.</summary>
    Removed,
}

/// <summary>A message published on a deputy's or station's page: no name, no contact, no receipt number.</summary>
public sealed record PublishedMessage(string Text, DateTimeOffset CreatedAt, MessageStatus Status, string? Unit, string? Reply, DateOnly? RepliedOn);

/// <summary>
/// Figures for one deputy or station in one calendar year (Beijing time): messages received, how many
/// of them have been answered (a 答复日期 recorded), and the median of whole days from receipt to
/// 答复日期 (null when none is answered). Messages deleted at the sender's request still count.
/// </summary>
public sealed record MessageFigures(int Year, long Received, long Answered, double? MedianDaysToAnswer);
