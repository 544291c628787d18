using System.Runtime.CompilerServices;
using Npgsql;

namespace Site.Intake.Storage;

/// <summary>Comments in PostgreSQL, for deployments where several endpoint instances share one database. Same schema as SQLite.</summary>
public sealed class PostgresCommentStore(string connectionString) : ICommentStore
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

    public async Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var receipts = new List<Receipt>(comments.Count);
        foreach (var comment in comments)
        {
            // Another instance may hold the same key: insert-or-nothing, then read back whichever row won.
            var receipt = ReceiptNumbers.New(comment.CreatedAt);
            await using var insert = new NpgsqlCommand("""
                INSERT INTO comments (receipt, draft, article, text, name, contact, identity, participant, idempotency_key, created_at)
                VALUES (@receipt, @draft, @article, @text, @name, @contact, @identity, @participant, @key, @created)
                ON CONFLICT (draft, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
                RETURNING receipt
                """, connection, transaction);
            insert.Parameters.AddWithValue("receipt", receipt);
            insert.Parameters.AddWithValue("draft", comment.Draft);
            insert.Parameters.AddWithValue("article", (object?)comment.Article ?? DBNull.Value);
            insert.Parameters.AddWithValue("text", comment.Text);
            insert.Parameters.AddWithValue("name", (object?)comment.Name ?? DBNull.Value);
            insert.Parameters.AddWithValue("contact", (object?)comment.Contact ?? DBNull.Value);
            insert.Parameters.AddWithValue("identity", (object?)comment.Identity ?? DBNull.Value);
            insert.Parameters.AddWithValue("participant", comment.Participant);
            insert.Parameters.AddWithValue("key", (object?)comment.IdempotencyKey ?? DBNull.Value);
            insert.Parameters.AddWithValue("created", comment.CreatedAt.ToUniversalTime());
            if (await insert.ExecuteScalarAsync(cancellationToken) is string stored)
            {
                receipts.Add(new Receipt(stored, comment.CreatedAt, Replayed: false));
                continue;
            }

            await using var find = new NpgsqlCommand("SELECT receipt, created_at FROM comments WHERE draft = @draft AND idempotency_key = @key", connection, transaction);
            find.Parameters.AddWithValue("draft", comment.Draft);
            find.Parameters.AddWithValue("key", comment.IdempotencyKey!);
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            receipts.Add(new Receipt(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), Replayed: true));
        }

        await transaction.CommitAsync(cancellationToken);
        return receipts;
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
}
