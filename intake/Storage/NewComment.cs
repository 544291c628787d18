namespace Site.Intake.Storage;

/// <summary>
/// 意见: a comment as accepted, before it is stored. <paramref name="Fingerprint"/> identifies what was
/// said, for Idempotency-Key reuse. <paramref name="Channel"/>: how it reached the office when not
/// online (来信, 座谈会 … from <see cref="Import.OfflineImport"/>); null for a comment posted on the site.
/// <paramref name="ContactPoint"/>: the 基层立法联系点 that collected an offline view; <paramref name="People"/>:
/// how many people gave it (a meeting's view), counted as that many participants; both null online.
/// </summary>
public sealed record NewComment(
    string Draft,
    string? Article,
    string Text,
    string? Name,
    string? Contact,
    string? Identity,
    string? IdempotencyKey,
    string Participant,
    DateTimeOffset CreatedAt,
    string? Fingerprint = null,
    string? Channel = null,
    string? ContactPoint = null,
    int? People = null)
{
    /// <summary>The exact duplicate key of the text (<see cref="Comments.CommentGroups.Key"/>), stored as text_key.</summary>
    public string TextKey => Comments.CommentGroups.Key(Text);
}

/// <summary>
/// 回执: what the submitter gets back once the item is durably stored. <paramref name="Replayed"/>:
/// the Idempotency-Key was already stored and this is the earlier receipt; <paramref name="KeyReused"/>:
/// it was stored for something else (a different text), and nothing new was stored.
/// </summary>
public sealed record Receipt(string Number, DateTimeOffset CreatedAt, bool Replayed, bool KeyReused = false);

/// <summary>
/// A stored comment, for staff export and the receipt lookup. <paramref name="Channel"/>: null online;
/// <paramref name="TextKey"/>: its exact duplicate key; <paramref name="RemovedAt"/> set: deleted at the
/// commenter's request (text blank, name, contact and identity null; never exported);
/// <paramref name="ContactPoint"/>, <paramref name="People"/>: as in <see cref="NewComment"/>.
/// </summary>
public sealed record StoredComment(
    string Receipt, string Draft, string? Article, string Text, string? Name, string? Contact, string? Identity, DateTimeOffset CreatedAt,
    string? Channel = null, string TextKey = "", DateTimeOffset? RemovedAt = null, string? ContactPoint = null, int? People = null);

/// <summary>
/// Public counts for one draft. <paramref name="Groups"/>: distinct opinions (a comment with no
/// duplicate is a group of one, <see cref="Comments.CommentGroups"/>); <paramref name="Duplicated"/>:
/// comments in a group of two or more; <paramref name="Channels"/>: comments per channel
/// (<see cref="OnlineChannel"/> for the site's own); <paramref name="OfflineArticles"/>: per article, the
/// comments of <paramref name="Articles"/> that came through an offline channel; <paramref name="GroupsApproximate"/>:
/// <paramref name="Groups"/> and <paramref name="Duplicated"/> are an estimate (<see cref="Comments.NearGroupIndex.Approximate"/>).
/// </summary>
public sealed record DraftStats(
    string Draft, long Comments, long Participants, IReadOnlyDictionary<string, long> Articles,
    long Groups = 0, long Duplicated = 0, IReadOnlyDictionary<string, long>? Channels = null,
    IReadOnlyDictionary<string, long>? OfflineArticles = null, bool GroupsApproximate = false)
{
    /// <summary>The channel name of comments posted on the site (stored as null).</summary>
    public const string OnlineChannel = "网上征求意见";
}
