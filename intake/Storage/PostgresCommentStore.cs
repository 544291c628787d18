using System.Runtime.CompilerServices;
using Npgsql;

namespace Site.Intake.Storage;

/// <summary>
/// Comments in PostgreSQL, for deployments where several endpoint instances share one database, on
/// pools of their own (<see cref="PostgresPools"/>): a flood of reads never takes the connections
/// posts need.
/// </summary>
public sealed class PostgresCommentStore : ICommentStore, IDisposable
{
    /// <summary>Connections for the writer loop (it uses one at a time; one more for a retry beside it).</summary>
    public const int WriteConnections = PostgresPools.WriteConnections;

    /// <summary>Default bound on connections for reads per instance (Intake:PostgresReadConnections).</summary>
    public const int DefaultReadConnections = PostgresPools.DefaultReadConnections;

    private readonly PostgresPools _pools;
    private readonly ReceiptNumbers _numbers;
    private readonly DraftTallies _tallies = new(idsCommitInOrder: false);

    /// <param name="connectionString">An Npgsql connection string; its Maximum Pool Size, if smaller, still applies.</param>
    /// <param name="readConnections">At most this many connections serve reads at once.</param>
    /// <param name="numbers">Receipt numbers (tests give one that collides).</param>
    public PostgresCommentStore(string connectionString, int readConnections = DefaultReadConnections, ReceiptNumbers? numbers = null)
    {
        _pools = new PostgresPools(connectionString, readConnections);
        _numbers = numbers ?? ReceiptNumbers.Comments;
    }

    /// <summary>The bound on each pool, as opened.</summary>
    public (int Writes, int Reads) PoolSizes => _pools.Sizes;

    /// <summary>Runs the schema unless it has run; every other call does it first, so calling it is optional.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => _pools.InitializeAsync(cancellationToken);

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
    public Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken) =>
        _pools.WriteAsync((connection, transaction) => WriteOnceAsync(connection, transaction, comments, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<Receipt>> WriteOnceAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NewComment> comments, CancellationToken cancellationToken)
    {
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
        _pools.ReadAsync(connection => CommentQueries.StatsAsync(connection, draft, _tallies, cancellationToken), cancellationToken);

    public async IAsyncEnumerable<StoredComment> ExportAsync(string draft, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Read whole inside the retry (the export renders every row into one file anyway).
        var rows = await _pools.ReadAsync(async connection =>
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
        _pools.ReadAsync(connection => CommentQueries.FindAsync(connection, receipt, cancellationToken), cancellationToken);

    public Task<T> InTransactionAsync<T>(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task<T>> work, CancellationToken cancellationToken) =>
        _pools.WriteAsync((connection, transaction) => work(connection, transaction), cancellationToken);

    public void Dispose() => _pools.Dispose();
}
