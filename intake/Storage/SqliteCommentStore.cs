using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Site.Intake.Storage;

/// <summary>
/// Comments in one SQLite file: WAL so readers never block the writer, synchronous=FULL so a
/// committed comment survives a power cut. Only the <see cref="BatchWriter{TItem, TResult}"/> writes.
/// <para>
/// Checkpoints (copying the WAL back into the database file, with fsyncs of their own) are taken off
/// the writer: by default SQLite runs one inside whichever commit crosses 1,000 pages, and every
/// request waiting on that commit waits for the checkpoint too. A background loop checkpoints
/// instead, on its own connection, which WAL lets run beside the writer.
/// </para>
/// </summary>
public sealed class SqliteCommentStore(string path, ReceiptNumbers? numbers = null, Action<Exception>? checkpointFailed = null) : ICommentStore, IDisposable
{
    private static readonly TimeSpan CheckpointEvery = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The backstop: should the loop fall behind or stop, a commit that finds this many pages in the
    /// WAL checkpoints it itself (<see cref="SqliteFile.BackstopCheckpointPages"/>).
    /// </summary>
    public const int BackstopCheckpointPages = SqliteFile.BackstopCheckpointPages;

    private readonly CancellationTokenSource _stopping = new();
    private readonly ReceiptNumbers _numbers = numbers ?? ReceiptNumbers.Comments;
    private readonly SqliteFile _file = new(path);
    private readonly DraftTallies _tallies = new(idsCommitInOrder: true);
    private Task? _checkpoints;
    private WriterStatements? _statements;
    private SqliteConnection? _writer;
    private StoreReady? _ready;

    /// <summary>Opens the writer (schema, durability) and starts the checkpoint loop; every other call does it first if it is not done, so calling it is optional.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken) => ReadyAsync(cancellationToken);

    private Task ReadyAsync(CancellationToken cancellationToken) =>
        LazyInitializer.EnsureInitialized(ref _ready, () => new StoreReady(SetUpAsync)).EnsureAsync(cancellationToken);

    private async Task SetUpAsync(CancellationToken cancellationToken)
    {
        var writer = await _file.OpenWriterAsync(cancellationToken);
        _statements = new WriterStatements(writer);
        _writer = writer;
        _checkpoints = Task.Run(CheckpointLoopAsync);
    }

    /// <summary>The writer connection's auto-checkpoint threshold in pages (the backstop), for tests.</summary>
    internal async Task<long> AutoCheckpointPagesAsync()
    {
        await using var command = _writer!.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task CheckpointLoopAsync()
    {
        using var timer = new PeriodicTimer(CheckpointEvery);
        await RepeatAsync(() => timer.WaitForNextTickAsync(_stopping.Token), CheckpointOnceAsync, checkpointFailed ?? (_ => { }), _stopping.Token);
    }

    /// <summary>
    /// Runs <paramref name="step"/> at every tick until <paramref name="stopping"/>. A failed step
    /// (disk full, file locked) is reported and the loop goes on: once the disk has room again the
    /// next checkpoint succeeds, instead of the WAL growing until a restart.
    /// </summary>
    internal static async Task RepeatAsync(Func<ValueTask<bool>> tick, Func<CancellationToken, Task> step, Action<Exception> failed, CancellationToken stopping)
    {
        try
        {
            while (await tick())
            {
                try
                {
                    await step(stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    failed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointOnceAsync(CancellationToken cancellationToken)
    {
        // A pooled connection each time: one broken by a disk-full episode is not kept.
        await using var connection = await _file.OpenAsync(cancellationToken);

        // PASSIVE never waits for the writer or readers; what it cannot copy now, it copies next time.
        await SqliteFile.ExecuteAsync(connection, "PRAGMA wal_checkpoint(PASSIVE);", cancellationToken);
    }

    public async Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewComment> comments, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken);
        var connection = _writer!;
        var (find, insert) = (_statements!.Find, _statements.Insert);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        find.Transaction = transaction;
        insert.Transaction = transaction;
        var findDraft = find.Parameters["$draft"];
        var findKey = find.Parameters["$key"];

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
                    var fingerprint = reader.IsDBNull(2) ? null : reader.GetString(2);
                    receipts.Add(new Receipt(
                        reader.GetString(0),
                        DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture),
                        Replayed: true,
                        KeyReused: fingerprint is not null && comment.Fingerprint is not null && fingerprint != comment.Fingerprint));
                    continue;
                }
            }

            insert.Parameters["$draft"].Value = comment.Draft;
            insert.Parameters["$article"].Value = (object?)comment.Article ?? DBNull.Value;
            insert.Parameters["$text"].Value = comment.Text;
            insert.Parameters["$name"].Value = (object?)comment.Name ?? DBNull.Value;
            insert.Parameters["$contact"].Value = (object?)comment.Contact ?? DBNull.Value;
            insert.Parameters["$identity"].Value = (object?)comment.Identity ?? DBNull.Value;
            insert.Parameters["$participant"].Value = comment.Participant;
            insert.Parameters["$key"].Value = (object?)comment.IdempotencyKey ?? DBNull.Value;
            insert.Parameters["$created"].Value = comment.CreatedAt.ToString("O", CultureInfo.InvariantCulture);
            insert.Parameters["$fingerprint"].Value = (object?)comment.Fingerprint ?? DBNull.Value;
            insert.Parameters["$textKey"].Value = comment.TextKey;
            insert.Parameters["$channel"].Value = (object?)comment.Channel ?? DBNull.Value;
            insert.Parameters["$contactPoint"].Value = (object?)comment.ContactPoint ?? DBNull.Value;
            insert.Parameters["$people"].Value = (object?)comment.People ?? DBNull.Value;

            // A receipt number already taken inserts nothing: draw another.
            for (var attempt = 1; ; attempt++)
            {
                var receipt = _numbers.New(comment.CreatedAt);
                insert.Parameters["$receipt"].Value = receipt;
                if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                {
                    receipts.Add(new Receipt(receipt, comment.CreatedAt, Replayed: false));
                    break;
                }

                if (attempt == ReceiptNumbers.Attempts)
                {
                    throw new InvalidOperationException($"no free receipt number after {attempt} attempts");
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return receipts;
    }

    public async Task<DraftStats> StatsAsync(string draft, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        return await CommentQueries.StatsAsync(connection, draft, _tallies, cancellationToken);
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

    public async Task<T> InTransactionAsync<T>(Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenReaderAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        try
        {
            _checkpoints?.Wait();
        }
        catch (AggregateException)
        {
            // A failed checkpoint leaves the WAL as it was; the next start checkpoints it.
        }

        _stopping.Dispose();
        _statements?.Dispose();
        _writer?.Dispose();
    }

    /// <summary>Reads use their own pooled connections; WAL lets them run beside the writer.</summary>
    private async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken);
        return await _file.OpenAsync(cancellationToken);
    }

    /// <summary>
    /// The writer's two statements, prepared once for the life of its connection. Preparing them per
    /// batch, and leaving the commands to the finalizer, was a large share of the endpoint's CPU: each
    /// finalized statement takes the connection's lock from under the writer.
    /// </summary>
    private sealed class WriterStatements : IDisposable
    {
        public WriterStatements(SqliteConnection connection)
        {
            Find = Prepare(connection, "SELECT receipt, created_at, fingerprint FROM comments WHERE draft = $draft AND idempotency_key = $key", "$draft", "$key");
            Insert = Prepare(connection, """
                INSERT INTO comments (receipt, draft, article, text, name, contact, identity, participant, idempotency_key, created_at, fingerprint, text_key, channel, contact_point, people)
                VALUES ($receipt, $draft, $article, $text, $name, $contact, $identity, $participant, $key, $created, $fingerprint, $textKey, $channel, $contactPoint, $people)
                ON CONFLICT (receipt) DO NOTHING
                """, "$receipt", "$draft", "$article", "$text", "$name", "$contact", "$identity", "$participant", "$key", "$created", "$fingerprint", "$textKey", "$channel", "$contactPoint", "$people");
        }

        public SqliteCommand Find { get; }

        public SqliteCommand Insert { get; }

        public void Dispose()
        {
            Find.Dispose();
            Insert.Dispose();
        }

        private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in names)
            {
                command.Parameters.Add(name, SqliteType.Text);
            }

            command.Prepare();
            return command;
        }
    }
}
