namespace Site.Intake.Storage;

/// <summary>
/// Where comments live. An interface because there really are two: SQLite (the default, a file)
/// and PostgreSQL (several endpoint instances over one database). Both share one schema.
/// </summary>
public interface ICommentStore
{
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores a batch in one transaction and returns one receipt per comment, in order.
    /// A comment whose idempotency key is already stored gets the earlier receipt back.</summary>
    Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken);

    Task<DraftStats> StatsAsync(string draft, CancellationToken cancellationToken);

    IAsyncEnumerable<StoredComment> ExportAsync(string draft, CancellationToken cancellationToken);

    Task<StoredComment?> FindAsync(string receipt, CancellationToken cancellationToken);
}
