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
    Crumb Back,
    MessageFormView? MessageForm = null);

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
/// The messages block of a deputy's or a station's page: the form (or, for a deputy whose term
/// ended, where to go instead) and the published messages with their figures, which the script
/// fills from <see cref="MessagesUrl"/> (JSON); without script, a link to the endpoint's page of the
/// same (<see cref="PageUrl"/>).
/// </summary>
/// <param name="Ended">Said instead of the form when the deputy's term ended (离任).</param>
/// <param name="Instead">Where to leave a message instead: the deputy's station (or the stations list).</param>
public sealed record MessageBox(MessageFormView? Form, string MessagesUrl, string? Ended = null, LinkCard? Instead = null)
{
    /// <summary>The endpoint's HTML page of the published messages and figures (…/messages/page).</summary>
    public string PageUrl => MessagesUrl + "/page";
}
