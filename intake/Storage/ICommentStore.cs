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

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on a connection of its own beside the writer, and
    /// commits it when <paramref name="work"/> returns (rolls back when it throws): the office's actions
    /// that are not posts (<see cref="Import.ImportBatches"/>), written once for both dialects with named
    /// parameters. SQLite takes the write lock at the start (BEGIN IMMEDIATE), waiting for the writer.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task<T>> work, CancellationToken cancellationToken);
}
