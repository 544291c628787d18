namespace Site.Theme.ViewModels;

/// <summary>
/// A page the endpoint answers a submission with when the browser posted a plain form (no
/// JavaScript): the receipt, or why it was not accepted, with the form and everything typed given
/// back. Any kind of submission (comment on a draft, message to a deputy) uses it; a kind brings
/// its own form component as <see cref="CommentForm"/> does for comments.
/// </summary>
public sealed record SubmissionPage(
    PageMeta Meta,
    string Heading,
    SubmissionOutcome Outcome,
    string Lead,
    IReadOnlyList<string> Details,
    string? ReceiptNumber,
    CommentFormView? CommentForm,
    Crumb Back)
{
    /// <summary>A message's form (给Ta留言), given back with what was typed when a plain post is refused.</summary>
    public MessageFormView? MessageForm { get; init; }
}

public enum SubmissionOutcome
{
    /// <summary>Stored: the receipt number is shown.</summary>
    Stored,

    /// <summary>Refused or failed: the reasons are listed, and the form (when there is one) keeps the text.</summary>
    Refused,
}

/// <summary>
/// The comment form's fields and values. <see cref="IdempotencyKey"/> is empty on the static draft
/// page (the script or the endpoint supplies one) and generated when the endpoint renders the form.
/// </summary>
public sealed record CommentFormView(
    string DraftId,
    IReadOnlyList<ArticleOption> Articles,
    string? Article = null,
    string? Text = null,
    string? Name = null,
    string? Contact = null,
    string? Identity = null,
    string IdempotencyKey = "",
    string SubmitLabel = "提交意见",
    bool Hidden = false);

/// <summary>
/// 给Ta留言: the message form of a deputy's or a station's page, posted to
/// <c>/api/{Kind}/{Id}/messages</c> (JSON with the script, a plain form post without it: fields
/// <c>text</c>, <c>name</c>, <c>contact</c>, <c>publish</c> = "true" when ticked, <c>idempotencyKey</c>).
/// </summary>
/// <param name="Kind">"deputies" or "stations": the URL segment of the endpoint's route.</param>
/// <param name="Recipient">Whom the message goes to, as the form's heading names them (王建国代表, 易俗河镇人大代表联络站).</param>
public sealed record MessageFormView(
    string Kind,
    string Id,
    string Recipient,
    string? Text = null,
    string? Name = null,
    string? Contact = null,
    bool Publish = false,
    string IdempotencyKey = "",
    string SubmitLabel = "提交留言")
{
    /// <summary>Most characters a message may have, as a person counts them.</summary>
    public const int MaxLength = 2000;

    public const int MinLength = 5;

    public string Action => $"/api/{Kind}/{Id}/messages";
}

/// <summary>
/// The messages block of a deputy's or a station's page: the form (or, for a deputy whose term
/// ended, where to go instead) and the published messages with their figures, which the script
/// fills from <see cref="MessagesUrl"/> (JSON); without script, a link to the same address.
/// </summary>
/// <param name="Ended">Said instead of the form when the deputy's term ended (离任).</param>
/// <param name="Instead">Where to leave a message instead: the deputy's station (or the stations list).</param>
public sealed record MessageBox(MessageFormView? Form, string MessagesUrl, string? Ended = null, LinkCard? Instead = null);
