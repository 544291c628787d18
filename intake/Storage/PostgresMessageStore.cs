using System.Runtime.CompilerServices;
using Npgsql;

namespace Site.Intake.Storage;

/// <summary>
/// Messages in PostgreSQL, beside the comments (<see cref="PostgresCommentStore"/>), on pools of
/// their own in the same shape (<see cref="PostgresPools"/>): the writer loop and the office's updates
/// write, and a flood of receipt lookups never takes the connections posts need.
/// </summary>
public sealed class PostgresMessageStore(string connectionString, int readConnections = PostgresPools.DefaultReadConnections, ReceiptNumbers? numbers = null) : IMessageStore, IDisposable
{
    private readonly PostgresPools _pools = new(connectionString, readConnections);
    private readonly ReceiptNumbers _numbers = numbers ?? ReceiptNumbers.Messages;

    /// <summary>Runs the schema unless it has run; every other call does it first, so calling it is optional.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _pools.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewMessage> items, CancellationToken cancellationToken) =>
        _pools.WriteAsync((connection, transaction) => MessageQueries.WriteAsync(connection, transaction, StoreDialect.PostgreSql, _numbers, items, cancellationToken), cancellationToken);

    /// <summary>An error the server reported rolled the batch back; a broken connection may have lost the answer to a commit that succeeded.</summary>
    public bool StoredNothing(Exception failure) => failure is PostgresException;

    public Task<IReadOnlyList<UpdateOutcome>> ApplyAsync(IReadOnlyList<MessageStatusUpdate> updates, CancellationToken cancellationToken) =>
        _pools.WriteAsync((connection, transaction) => MessageQueries.ApplyAsync(connection, transaction, StoreDialect.PostgreSql, updates, cancellationToken), cancellationToken);

    public Task<StoredMessage?> FindAsync(string receipt, CancellationToken cancellationToken) =>
        _pools.ReadAsync(connection => MessageQueries.FindAsync(connection, receipt, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<StoredMessage> ListAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var message in await _pools.ReadAsync(connection => MessageQueries.ListAsync(connection, StoreDialect.PostgreSql, since, cancellationToken), cancellationToken))
        {
            yield return message;
        }
    }

    public Task<IReadOnlyList<PublishedMessage>> PublishedAsync(RecipientKind kind, string recipient, int limit, CancellationToken cancellationToken) =>
        _pools.ReadAsync(connection => MessageQueries.PublishedAsync(connection, StoreDialect.PostgreSql, kind, recipient, limit, cancellationToken), cancellationToken);

    public Task<MessageFigures> FiguresAsync(RecipientKind kind, string recipient, int year, CancellationToken cancellationToken) =>
        _pools.ReadAsync(connection => MessageQueries.FiguresAsync(connection, StoreDialect.PostgreSql, kind, recipient, year, cancellationToken), cancellationToken);

    public Task<bool> RemoveAsync(string receipt, DateTimeOffset at, CancellationToken cancellationToken) =>
        _pools.WriteAsync((connection, _) => MessageQueries.RemoveAsync(connection, StoreDialect.PostgreSql, receipt, at, cancellationToken), cancellationToken);

    public Task<int> PurgeContactsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        _pools.WriteAsync((connection, _) => MessageQueries.PurgeContactsAsync(connection, StoreDialect.PostgreSql, before, cancellationToken), cancellationToken);

    public void Dispose() => _pools.Dispose();
}
