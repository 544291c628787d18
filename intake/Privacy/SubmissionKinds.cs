using Site.Intake.Comments;
using Site.Intake.Messages;

namespace Site.Intake.Privacy;

/// <summary>
/// What the privacy tools need to know of one kind of submission: its receipt prefix, its table
/// (with columns receipt, text, created_at, removed_at), the columns that hold personal details,
/// how long they are kept, and the text's length limits.
/// </summary>
/// <param name="Prefix">The receipt numbers' prefix (<see cref="Storage.ReceiptNumbers"/>).</param>
/// <param name="Label">The kind's Chinese name in messages: 意见, 留言.</param>
/// <param name="Table">The table.</param>
/// <param name="ContactColumns">Columns the purge clears (name, contact) once the retention period is over.</param>
/// <param name="PersonalColumns">Columns a deletion clears, besides the text (the contact columns and any other about the person).</param>
/// <param name="ParticipantColumn">A column holding a hash of the contact (counts of people), re-keyed by the purge; null if none.</param>
/// <param name="GroupColumn">The column the retention period may count from instead of the submission's date (the draft); null if none.</param>
public sealed record SubmissionKind(
    string Prefix,
    string Label,
    string Table,
    string[] ContactColumns,
    string[] PersonalColumns,
    string? ParticipantColumn,
    string? GroupColumn,
    int MinLength,
    int MaxLength,
    int ContactYears)
{
    /// <summary>意见: comments on drafts, contacts kept until <see cref="RetentionPeriods.CommentContactYears"/> after the draft's comment period closes.</summary>
    public static readonly SubmissionKind Comments = new(
        Storage.ReceiptNumbers.Comments.Prefix, "意见", "comments", ["name", "contact"], ["name", "contact", "identity", "fingerprint"], "participant", "draft",
        PostCommentRequest.MinLength, PostCommentRequest.MaxLength, RetentionPeriods.CommentContactYears);

    /// <summary>留言: messages to deputies and stations, contacts kept <see cref="RetentionPeriods.MessageContactYears"/> from receipt.</summary>
    public static readonly SubmissionKind Messages = new(
        Storage.ReceiptNumbers.Messages.Prefix, "留言", "messages", ["name", "contact"], ["name", "contact", "fingerprint"], "participant", null,
        PostMessageRequest.MinLength, PostMessageRequest.MaxLength, RetentionPeriods.MessageContactYears);

    /// <summary>Every kind, for finding one by its receipt number.</summary>
    public static IReadOnlyList<SubmissionKind> All { get; } = [Comments, Messages];

    /// <summary>The kind whose receipts look like <paramref name="receipt"/> (prefix, six digits, a dash), or null.</summary>
    public static SubmissionKind? Of(string receipt) =>
        All.FirstOrDefault(k => receipt.StartsWith(k.Prefix, StringComparison.Ordinal)
                                && receipt.Length > k.Prefix.Length + 7 && receipt[k.Prefix.Length + 6] == '-');
}
