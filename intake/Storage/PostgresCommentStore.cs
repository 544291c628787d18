using System.Runtime.CompilerServices;
using Npgsql;

namespace Site.Intake.Storage;

/// <summary>Comments in PostgreSQL, for deployments where several endpoint instances share one database. Same schema as SQLite.</summary>
public sealed class PostgresCommentStore(string connectionString) : ICommentStore, IDisposable
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand("""
            CREATE TABLE IF NOT EXISTS comments (
                id BIGSERIAL PRIMARY KEY,
                receipt TEXT NOT NULL UNIQUE,
                draft TEXT NOT NULL,
                article TEXT NULL,
                text TEXT NOT NULL,
                name TEXT NULL,
                contact TEXT NULL,
                identity TEXT NULL,
                participant TEXT NOT NULL,
                idempotency_key TEXT NULL,
                created_at TIMESTAMPTZ NOT NULL
            );
            CREATE UNIQUE INDEX IF NOT EXISTS ux_comments_idempotency ON comments (draft, idempotency_key) WHERE idempotency_key IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_comments_draft ON comments (draft, article);
            """);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One round trip for the whole batch: every insert goes in one <see cref="NpgsqlBatch"/>, each
    /// insert-or-nothing on its idempotency key (another instance may hold the same key). Only the
    /// comments whose key was already there are read back, one by one; that is a retry, and rare.
    /// </summary>
    public async Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var comment in comments)
        {
            var insert = new NpgsqlBatchCommand("""
                INSERT INTO comments (receipt, draft, article, text, name, contact, identity, participant, idempotency_key, created_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (draft, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING receipt
                """);
            insert.Parameters.Add(new NpgsqlParameter { Value = ReceiptNumbers.New(comment.CreatedAt) });
            insert.Parameters.Add(new NpgsqlParameter { Value = comment.Draft });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)comment.Article ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = comment.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)comment.Name ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)comment.Contact ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)comment.Identity ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = comment.Participant });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)comment.IdempotencyKey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter { Value = comment.CreatedAt.ToUniversalTime() });
            batch.BatchCommands.Add(insert);
        }

        // Each insert answers with its receipt, or with no row when its key was already stored.
        var stored = new string?[comments.Count];
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            var i = 0;
            do
            {
                stored[i++] = await reader.ReadAsync(cancellationToken) ? reader.GetString(0) : null;
            }
            while (await reader.NextResultAsync(cancellationToken));
        }

        var receipts = new List<Receipt>(comments.Count);
        for (var i = 0; i < comments.Count; i++)
        {
            receipts.Add(stored[i] is { } receipt
                ? new Receipt(receipt, comments[i].CreatedAt, Replayed: false)
                : await FindByKeyAsync(connection, transaction, comments[i], cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return receipts;
    }

    private static async Task<Receipt> FindByKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewComment comment, CancellationToken cancellationToken)
    {
        await using var find = new NpgsqlCommand("SELECT receipt, created_at FROM comments WHERE draft = @draft AND idempotency_key = @key", connection, transaction);
        find.Parameters.AddWithValue("draft", comment.Draft);
        find.Parameters.AddWithValue("key", comment.IdempotencyKey!);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Receipt(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), Replayed: true);
    }

    public async Task<DraftStats> StatsAsync(string draft, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await CommentQueries.StatsAsync(connection, draft, cancellationToken);
    }

    public async IAsyncEnumerable<StoredComment> ExportAsync(string draft, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await foreach (var comment in CommentQueries.ExportAsync(connection, draft, cancellationToken))
        {
            yield return comment;
        }
    }

    public async Task<StoredComment?> FindAsync(string receipt, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        return await CommentQueries.FindAsync(connection, receipt, cancellationToken);
    }

    public void Dispose() => _source.Dispose();
}
