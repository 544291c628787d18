using System.Runtime.CompilerServices;
using Npgsql;

namespace Site.Intake.Storage;

/// <summary>
/// Messages in PostgreSQL, beside the comments (<see cref="PostgresCommentStore"/>), with pools of
/// their own in the same shape: <see cref="PostgresCommentStore.WriteConnections"/> for the writer
/// loop and the office's updates, a bounded pool for reads, so a flood of receipt lookups never takes
/// the connections posts need.
/// </summary>
public sealed class PostgresMessageStore : IMessageStore, IDisposable
{
    private readonly NpgsqlDataSource _writes;
    private readonly NpgsqlDataSource _reads;
    private readonly ReceiptNumbers _numbers;

    public PostgresMessageStore(string connectionString, int readConnections = PostgresCommentStore.DefaultReadConnections, ReceiptNumbers? numbers = null)
    {
        _writes = Source(connectionString, PostgresCommentStore.WriteConnections);
        _reads = Source(connectionString, Math.Max(1, readConnections));
        _numbers = numbers ?? ReceiptNumbers.Messages;
    }

    private static NpgsqlDataSource Source(string connectionString, int bound)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, bound);
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, builder.MaxPoolSize);
        return NpgsqlDataSource.Create(builder);
    }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var command = _writes.CreateCommand(Schema.StoreSchema.PostgreSql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewMessage> items, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) => MessageQueries.WriteAsync(connection, transaction, StoreDialect.PostgreSql, _numbers, items, cancellationToken), cancellationToken);

    /// <summary>An error the server reported rolled the batch back; a broken connection may have lost the answer to a commit that succeeded.</summary>
    public bool StoredNothing(Exception failure) => failure is PostgresException;

    public Task<IReadOnlyList<UpdateOutcome>> ApplyAsync(IReadOnlyList<MessageStatusUpdate> updates, CancellationToken cancellationToken) =>
        WriteAsync((connection, transaction) => MessageQueries.ApplyAsync(connection, transaction, StoreDialect.PostgreSql, updates, cancellationToken), cancellationToken);

    public Task<StoredMessage?> FindAsync(string receipt, CancellationToken cancellationToken) =>
        ReadAsync(connection => MessageQueries.FindAsync(connection, receipt, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<StoredMessage> ListAsync(DateTimeOffset? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var message in await ReadAsync(connection => MessageQueries.ListAsync(connection, StoreDialect.PostgreSql, since, cancellationToken), cancellationToken))
        {
            yield return message;
        }
    }

    public Task<IReadOnlyList<PublishedMessage>> PublishedAsync(RecipientKind kind, string recipient, int limit, CancellationToken cancellationToken) =>
        ReadAsync(connection => MessageQueries.PublishedAsync(connection, StoreDialect.PostgreSql, kind, recipient, limit, cancellationToken), cancellationToken);

    public Task<MessageFigures> FiguresAsync(RecipientKind kind, string recipient, int year, CancellationToken cancellationToken) =>
        ReadAsync(connection => MessageQueries.FiguresAsync(connection, StoreDialect.PostgreSql, kind, recipient, year, cancellationToken), cancellationToken);

    public Task<bool> RemoveAsync(string receipt, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync((connection, _) => MessageQueries.RemoveAsync(connection, StoreDialect.PostgreSql, receipt, at, cancellationToken), cancellationToken);

    public Task<int> PurgeContactsAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        WriteAsync((connection, _) => MessageQueries.PurgeContactsAsync(connection, StoreDialect.PostgreSql, before, cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="write"/> in a transaction on a writer connection and commits it; a dead pooled connection empties the pool.</summary>
    private async Task<T> WriteAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _writes.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var result = await write(connection, transaction);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (NpgsqlException)
        {
            _writes.Clear();
            throw;
        }
    }

    /// <summary>A read on a pooled connection, tried once more after the pool is emptied (the server restarted).</summary>
    private async Task<T> ReadAsync<T>(Func<NpgsqlConnection, Task<T>> read, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var connection = await _reads.OpenConnectionAsync(cancellationToken);
                return await read(connection);
            }
            catch (NpgsqlException) when (attempt == 0 && !cancellationToken.IsCancellationRequested)
            {
                _reads.Clear();
            }
        }
    }

    public void Dispose()
    {
        _writes.Dispose();
        _reads.Dispose();
    }
}
