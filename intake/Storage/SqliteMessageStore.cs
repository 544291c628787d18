using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Site.Intake.Storage;

/// <summary>
/// Messages in the same SQLite file as comments (<see cref="SqliteCommentStore"/>), opened the same
/// way (<see cref="SqliteFile"/>): one writer connection that only the
/// <see cref="BatchWriter{TItem, TResult}"/> uses, beside the comment store's; the office's updates
/// take a pooled connection of their own, and wait their turn to write the same way.
/// </summary>
public sealed class SqliteMessageStore(string path, ReceiptNumbers? numbers = null) : IMessageStore, IDisposable
{
    private readonly ReceiptNumbers _numbers = numbers ?? ReceiptNumbers.Messages;
    private readonly SqliteFile _file = new(path);
    private SqliteConnection? _writer;
    private StoreReady? _ready;

    /// <summary>Opens the writer (schema, durability); every other call does it first if it is not done, so calling it is optional.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _ready, () => new StoreReady(async ct => _writer = await _file.OpenWriterAsync(ct))).EnsureAsync(cancellationToken);

    public async Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewMessage> items, CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        var connection = _writer!;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var receipts = await MessageQueries.WriteAsync(connection, transaction, StoreDialect.Sqlite, _numbers, items, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return receipts;
    }

    public async Task<StoredMessage?> FindAsync(string receipt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await MessageQueries.FindAsync(connection, receipt, cancellationToken);
    }

    public async IAsyncEnumerable<StoredMessage> ListAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var message in await MessageQueries.ListAsync(connection, StoreDialect.Sqlite, since, cancellationToken))
        {
            yield return message;
        }
    }

    public async Task<IReadOnlyList<UpdateOutcome>> ApplyAsync(IReadOnlyList<MessageStatusUpdate> updates, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);

        // BEGIN IMMEDIATE: the write lock is taken before the reads the comparison needs.
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var outcomes = await MessageQueries.ApplyAsync(connection, transaction, StoreDialect.Sqlite, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcomes;
    }

    public async Task<IReadOnlyList<PublishedMessage>> PublishedAsync(RecipientKind kind, string recipient, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await MessageQueries.PublishedAsync(connection, StoreDialect.Sqlite, kind, recipient, limit, cancellationToken);
    }

    public async Task<MessageFigures> FiguresAsync(RecipientKind kind, string recipient, int year, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await MessageQueries.FiguresAsync(connection, StoreDialect.Sqlite, kind, recipient, year, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string receipt, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await MessageQueries.RemoveAsync(connection, StoreDialect.Sqlite, receipt, at, cancellationToken);
    }

    public async Task<int> PurgeContactsAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await MessageQueries.PurgeContactsAsync(connection, StoreDialect.Sqlite, before, cancellationToken);
    }

    public void Dispose() => _writer?.Dispose();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await _file.OpenAsync(cancellationToken);
    }
}
