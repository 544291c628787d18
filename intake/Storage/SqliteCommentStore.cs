using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Site.Intake.Storage;

/// <summary>
/// Comments in one SQLite file: WAL so readers never block the writer, synchronous=FULL so a
/// committed comment survives a power cut. Only the <see cref="CommentWriter"/> writes.
/// </summary>
public sealed class SqliteCommentStore(string path) : ICommentStore, IDisposable
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    private SqliteConnection? _writer;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = new SqliteConnection(_connectionString);
        await _writer.OpenAsync(cancellationToken);
        await ExecuteAsync(_writer, """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS comments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                receipt TEXT NOT NULL UNIQUE,
                draft TEXT NOT NULL,
                article TEXT NULL,
                text TEXT NOT NULL,
                name TEXT NULL,
                contact TEXT NULL,
                identity TEXT NULL,
                participant TEXT NOT NULL,
                idempotency_key TEXT NULL,
                created_at TEXT NOT NULL
            );
            CREATE UNIQUE INDEX IF NOT EXISTS ux_comments_idempotency ON comments (draft, idempotency_key) WHERE idempotency_key IS NOT NULL;
            CREATE INDEX IF NOT EXISTS ix_comments_draft ON comments (draft, article);
            """, cancellationToken);
    }

    public async Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken)
    {
        var connection = _writer ?? throw new InvalidOperationException("InitializeAsync was not called.");
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var find = connection.CreateCommand();
        find.Transaction = transaction;
        find.CommandText = "SELECT receipt, created_at FROM comments WHERE draft = $draft AND idempotency_key = $key";
        var findDraft = find.Parameters.Add("$draft", SqliteType.Text);
        var findKey = find.Parameters.Add("$key", SqliteType.Text);

        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO comments (receipt, draft, article, text, name, contact, identity, participant, idempotency_key, created_at)
            VALUES ($receipt, $draft, $article, $text, $name, $contact, $identity, $participant, $key, $created)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$receipt", "$draft", "$article", "$text", "$name", "$contact", "$identity", "$participant", "$key", "$created" })
        {
            p[name] = insert.Parameters.Add(name, SqliteType.Text);
        }

        var receipts = new List<Receipt>(comments.Count);
        foreach (var comment in comments)
        {
            if (comment.IdempotencyKey is not null)
            {
                findDraft.Value = comment.Draft;
                findKey.Value = comment.IdempotencyKey;
                await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    receipts.Add(new Receipt(reader.GetString(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture), Replayed: true));
                    continue;
                }
            }

            var receipt = ReceiptNumbers.New(comment.CreatedAt);
            p["$receipt"].Value = receipt;
            p["$draft"].Value = comment.Draft;
            p["$article"].Value = (object?)comment.Article ?? DBNull.Value;
            p["$text"].Value = comment.Text;
            p["$name"].Value = (object?)comment.Name ?? DBNull.Value;
            p["$contact"].Value = (object?)comment.Contact ?? DBNull.Value;
            p["$identity"].Value = (object?)comment.Identity ?? DBNull.Value;
            p["$participant"].Value = comment.Participant;
            p["$key"].Value = (object?)comment.IdempotencyKey ?? DBNull.Value;
            p["$created"].Value = comment.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            receipts.Add(new Receipt(receipt, comment.CreatedAt, Replayed: false));
        }

        await transaction.CommitAsync(cancellationToken);
        return receipts;
    }

    public async Task<DraftStats> StatsAsync(string draft, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        return await CommentQueries.StatsAsync(connection, draft, cancellationToken);
    }

    public async IAsyncEnumerable<StoredComment> ExportAsync(string draft, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await foreach (var comment in CommentQueries.ExportAsync(connection, draft, cancellationToken))
        {
            yield return comment;
        }
    }

    public async Task<StoredComment?> FindAsync(string receipt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        return await CommentQueries.FindAsync(connection, receipt, cancellationToken);
    }

    public void Dispose() => _writer?.Dispose();

    /// <summary>Reads use their own pooled connections; WAL lets them run beside the writer.</summary>
    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
