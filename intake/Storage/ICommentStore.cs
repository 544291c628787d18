namespace Site.Intake.Storage;

/// <summary>
/// Where comments live. An interface because there really are two: SQLite (the default, a file)
/// and PostgreSQL (several endpoint instances over one database). Each runs its dialect's schema
/// file (Storage/Schema).
/// </summary>
public interface ICommentStore : IBatchStore<NewComment, Receipt>
{
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<DraftStats> StatsAsync(string draft, CancellationToken cancellationToken);

    /// <summary>A draft's comments (not removed), oldest first: by created_at, then receipt.</summary>
    IAsyncEnumerable<StoredComment> ExportAsync(string draft, CancellationToken cancellationToken);

    Task<StoredComment?> FindAsync(string receipt, CancellationToken cancellationToken);
}
