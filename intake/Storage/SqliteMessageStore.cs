using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Site.Intake.Storage;

/// <summary>
/// Messages in the same SQLite file as comments (<see cref="SqliteCommentStore"/>), with the same
/// durability: WAL, synchronous=FULL, one writer connection that only the
/// <see cref="BatchWriter{TItem, TResult}"/> uses. The comment store's writer is another connection on
/// the file; SQLite lets one write at a time and the other waits (the connection's busy timeout), so
/// neither ever sees the file locked. The office's updates take a connection of their own the same way.
/// </summary>
public sealed class SqliteMessageStore(string path, ReceiptNumbers? numbers = null) : IMessageStore, IDisposable
{
    private readonly ReceiptNumbers _numbers = numbers ?? ReceiptNumbers.Messages;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    private SqliteConnection? _writer;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = new SqliteConnection(_connectionString);
        await _writer.OpenAsync(cancellationToken);
        await ExecuteAsync(_writer, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", cancellationToken);
        await ExecuteAsync(_writer, Schema.StoreSchema.Sqlite, cancellationToken);

        // Files created before wants_reply existed (SQLite has no ADD COLUMN IF NOT EXISTS).
        await using (var columns = _writer.CreateCommand())
        {
            columns.CommandText = "SELECT COUNT(*) FROM pragma_table_info('messages') WHERE name = 'wants_reply'";
            if (Convert.ToInt64(await columns.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) == 0)
            {
                await ExecuteAsync(_writer, "ALTER TABLE messages ADD COLUMN wants_reply INTEGER NOT NULL DEFAULT 0", cancellationToken);
            }
        }

        await ExecuteAsync(_writer, $"PRAGMA wal_autocheckpoint = {SqliteCommentStore.BackstopCheckpointPages};", cancellationToken);
    }

    public async Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewMessage> items, CancellationToken cancellationToken)
    {
        var connection = _writer ?? throw new InvalidOperationException("InitializeAsync was not called.");
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
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
