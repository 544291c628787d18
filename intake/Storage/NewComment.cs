namespace Site.Intake.Storage;

/// <summary>意见: a comment as accepted, before it is stored. <paramref name="Fingerprint"/> identifies what was said, for Idempotency-Key reuse.</summary>
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
    string? Fingerprint = null);

/// <summary>
/// 回执: what the submitter gets back once the item is durably stored. <paramref name="Replayed"/>:
/// the Idempotency-Key was already stored and this is the earlier receipt; <paramref name="KeyReused"/>:
/// it was stored for something else (a different text), and nothing new was stored.
/// </summary>
public sealed record Receipt(string Number, DateTimeOffset CreatedAt, bool Replayed, bool KeyReused = false);

/// <summary>
/// A stored comment, for staff export and the receipt lookup. <see cref="RemovedAt"/> set: deleted at
/// the commenter's request (text blank, name, contact and identity null; never exported).
/// </summary>
public sealed record StoredComment(string Receipt, string Draft, string? Article, string Text, string? Name, string? Contact, string? Identity, DateTimeOffset CreatedAt, DateTimeOffset? RemovedAt = null);

/// <summary>Public counts for one draft.</summary>
public sealed record DraftStats(string Draft, long Comments, long Participants, IReadOnlyDictionary<string, long> Articles);
