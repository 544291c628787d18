using Site.Intake.Comments;

namespace Site.Intake.Privacy;

/// <summary>
/// What the privacy tools need to know of one kind of submission: its receipt prefix, its table,
/// the columns that hold personal details, how long they are kept, and the tables whose rows
/// belong to one submission (deleted with it).
/// </summary>
/// <param name="Prefix">The receipt numbers' prefix (<see cref="Storage.ReceiptNumbers"/>).</param>
/// <param name="Label">The kind's Chinese name in messages: 意见, 留言.</param>
/// <param name="Table">The table, with columns receipt, text, created_at.</param>
/// <param name="ContactColumns">Columns cleared by the purge (name, contact).</param>
/// <param name="ParticipantColumn">A column holding a hash of the contact (counts of people), re-keyed by the purge; null if none.</param>
/// <param name="GroupColumn">The column the retention period may count from instead of the submission's date (the draft); null if none.</param>
/// <param name="DependentTables">Tables with a receipt column whose rows are deleted with the submission.</param>
public sealed record SubmissionKind(
    string Prefix,
    string Label,
    string Table,
    string[] ContactColumns,
    string? ParticipantColumn,
    string? GroupColumn,
    string[] DependentTables,
    int MinLength,
    int MaxLength,
    int ContactYears)
{
    /// <summary>意见: comments on drafts, kept until <see cref="RetentionPeriods.CommentContactYears"/> after the draft's comment period closes.</summary>
    public static readonly SubmissionKind Comments = new(
        Storage.ReceiptNumbers.Comments.Prefix, "意见", "comments", ["name", "contact"], "participant", "draft", [],
        PostCommentRequest.MinLength, PostCommentRequest.MaxLength, RetentionPeriods.CommentContactYears);

    /// <summary>Every kind, for finding one by its receipt number.</summary>
    public static IReadOnlyList<SubmissionKind> All { get; } = [Comments];

    /// <summary>The kind whose receipts look like <paramref name="receipt"/> (prefix, six digits, a dash), or null.</summary>
    public static SubmissionKind? Of(string receipt) =>
        All.FirstOrDefault(k => receipt.StartsWith(k.Prefix, StringComparison.Ordinal)
                                && receipt.Length > k.Prefix.Length + 7 && receipt[k.Prefix.Length + 6] == '-');
}
