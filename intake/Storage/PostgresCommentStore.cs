using System.Runtime.CompilerServices;
using Npgsql;

namespace Site.Intake.Storage;

/// <summary>
/// Comments in PostgreSQL, for deployments where several endpoint instances share one database.
/// Writes and reads draw from two small pools of their own: a flood of reads (counts, receipts,
/// exports) waits for one of its few connections instead of taking the server's, so posts, on this
/// instance or another, always find one.
/// </summary>
public sealed class PostgresCommentStore : ICommentStore, IDisposable
{
    /// <summary>Connections for the writer loop (it uses one at a time; one more for a retry beside it).</summary>
    public const int WriteConnections = 2;

    /// <summary>Default bound on connections for reads per instance (Intake:PostgresReadConnections).</summary>
    public const int DefaultReadConnections = 10;

    private readonly NpgsqlDataSource _writes;
    private readonly NpgsqlDataSource _reads;
    private readonly ReceiptNumbers _numbers;

    /// <param name="connectionString">An Npgsql connection string; its Maximum Pool Size, if smaller, still applies.</param>
    /// <param name="readConnections">At most this many connections serve reads at once.</param>
    /// <param name="numbers">Receipt numbers (tests give one that collides).</param>
    public PostgresCommentStore(string connectionString, int readConnections = DefaultReadConnections, ReceiptNumbers? numbers = null)
    {
        _writes = Source(connectionString, WriteConnections);
        _reads = Source(connectionString, Math.Max(1, readConnections));
        _numbers = numbers ?? ReceiptNumbers.Comments;
    }

    /// <summary>The bound on each pool, as opened.</summary>
    public (int Writes, int Reads) PoolSizes => (MaxPool(_writes), MaxPool(_reads));

    private static int MaxPool(NpgsqlDataSource source) => new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize;

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

    private const string Insert = """
        INSERT INTO comments (receipt, draft, article, text, name, contact, identity, participant, idempotency_key, created_at, fingerprint, text_key, channel, contact_point, people)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT DO NOTHING
        RETURNING receipt
        """;

    /// <summary>
    /// One round trip for the whole batch: every insert goes in one <see cref="NpgsqlBatch"/>, each
    /// insert-or-nothing (another instance may hold the same key; a random receipt number may be
    /// taken). An insert that stored nothing is a retry, and rare: its key is looked up, and if the
    /// key is not there it was the receipt number, and the comment is inserted again with a new one.
    /// </summary>
    public async Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken)
    {
        try
        {
            return await WriteOnceAsync(comments, cancellationToken);
        }
        catch (NpgsqlException)
        {
            // After a server restart the pool's idle connections are dead: the next batch opens a new one.
            _writes.Clear();
            throw;
        }
    }

    private async Task<IReadOnlyList<Receipt>> WriteOnceAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken)
    {
        await using var connection = await _writes.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var numbers = new string[comments.Count];
        for (var i = 0; i < comments.Count; i++)
        {
            numbers[i] = _numbers.New(comments[i].CreatedAt);
            var insert = new NpgsqlBatchCommand(Insert);
            AddParameters(insert.Parameters, comments[i], numbers[i]);
            batch.BatchCommands.Add(insert);
        }

        // Each insert answers with its receipt, or with no row when it stored nothing.
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
                : await FindByKeyAsync(connection, transaction, comments[i], cancellationToken)
                    ?? await InsertOneAsync(connection, transaction, comments[i], cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return receipts;
    }

    /// <summary>Inserts one comment whose first receipt number was taken, drawing new numbers.</summary>
    private async Task<Receipt> InsertOneAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewComment comment, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt < ReceiptNumbers.Attempts; attempt++)
        {
            var number = _numbers.New(comment.CreatedAt);
            await using var insert = new NpgsqlCommand(Insert, connection, transaction);
            AddParameters(insert.Parameters, comment, number);
            if (await insert.ExecuteScalarAsync(cancellationToken) is string receipt)
            {
                return new Receipt(receipt, comment.CreatedAt, Replayed: false);
            }

            // Another instance may have stored the same key in between.
            if (await FindByKeyAsync(connection, transaction, comment, cancellationToken) is { } earlier)
            {
                return earlier;
            }
        }

        throw new InvalidOperationException($"no free receipt number after {ReceiptNumbers.Attempts} attempts");
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, NewComment comment, string receipt)
    {
        parameters.Add(new NpgsqlParameter { Value = receipt });
        parameters.Add(new NpgsqlParameter { Value = comment.Draft });
        parameters.Add(Nullable(comment.Article));
        parameters.Add(new NpgsqlParameter { Value = comment.Text });
        parameters.Add(Nullable(comment.Name));
        parameters.Add(Nullable(comment.Contact));
        parameters.Add(Nullable(comment.Identity));
        parameters.Add(new NpgsqlParameter { Value = comment.Participant });
        parameters.Add(Nullable(comment.IdempotencyKey));
        parameters.Add(new NpgsqlParameter { Value = comment.CreatedAt.ToUniversalTime() });
        parameters.Add(Nullable(comment.Fingerprint));
        parameters.Add(new NpgsqlParameter { Value = comment.TextKey });
        parameters.Add(Nullable(comment.Channel));
        parameters.Add(Nullable(comment.ContactPoint));
        parameters.Add(new NpgsqlParameter { Value = (object?)comment.People ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer });
    }

    private static NpgsqlParameter Nullable(string? value) =>
        new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text };

    private static async Task<Receipt?> FindByKeyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewComment comment, CancellationToken cancellationToken)
    {
        if (comment.IdempotencyKey is null)
        {
            return null;
        }

        await using var find = new NpgsqlCommand("SELECT receipt, created_at, fingerprint FROM comments WHERE draft = @draft AND idempotency_key = @key", connection, transaction);
        find.Parameters.AddWithValue("draft", comment.Draft);
        find.Parameters.AddWithValue("key", comment.IdempotencyKey);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var fingerprint = reader.IsDBNull(2) ? null : reader.GetString(2);
        return new Receipt(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), Replayed: true,
            KeyReused: fingerprint is not null && comment.Fingerprint is not null && fingerprint != comment.Fingerprint);
    }

    /// <summary>
    /// An error the server reported (such as a text it cannot store) rolled the batch back; a broken
    /// connection may have lost the answer to a commit that succeeded, so its items are not retried.
    /// </summary>
    public bool StoredNothing(Exception failure) => failure is PostgresException;

    public Task<DraftStats> StatsAsync(string draft, CancellationToken cancellationToken) =>
        ReadAsync(connection => CommentQueries.StatsAsync(connection, draft, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<StoredComment> ExportAsync(string draft, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Read whole inside the retry (the export renders every row into one file anyway).
        var rows = await ReadAsync(async connection =>
        {
            var list = new List<StoredComment>();
            await foreach (var comment in CommentQueries.ExportAsync(connection, draft, cancellationToken))
            {
                list.Add(comment);
            }

            return list;
        }, cancellationToken);
        foreach (var row in rows)
        {
            yield return row;
        }
    }

    public Task<StoredComment?> FindAsync(string receipt, CancellationToken cancellationToken) =>
        ReadAsync(connection => CommentQueries.FindAsync(connection, receipt, cancellationToken), cancellationToken);

    /// <summary>
    /// Runs a read on a pooled connection. After the server restarted, the pool's idle connections are
    /// dead and the first use of each fails: the pool is emptied and the read tried once more (reads
    /// change nothing, so running one twice is harmless).
    /// </summary>
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
