namespace Site.Intake.Storage;

/// <summary>意见: a comment as accepted, before it is stored.</summary>
public sealed record NewComment(
    string Draft,
    string? Article,
    string Text,
    string? Name,
    string? Contact,
    string? Identity,
    string? IdempotencyKey,
    string Participant,
    DateTimeOffset CreatedAt);

/// <summary>回执: what the commenter gets back once the comment is durably stored.</summary>
public sealed record Receipt(string Number, DateTimeOffset CreatedAt, bool Replayed);

/// <summary>A stored comment, for staff export.</summary>
public sealed record StoredComment(string Receipt, string Draft, string? Article, string Text, string? Name, string? Contact, string? Identity, DateTimeOffset CreatedAt);

/// <summary>Public counts for one draft.</summary>
public sealed record DraftStats(string Draft, long Comments, long Participants, IReadOnlyDictionary<string, long> Articles);
