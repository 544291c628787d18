using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>What each store guarantees under the writer, on a real SQLite file and a real PostgreSQL.</summary>
public abstract class StoreTests
{
    protected abstract Task<ICommentStore> CreateAsync(ReceiptNumbers? numbers = null);

    protected static NewComment Comment(string text, string? key = null) =>
        new("open-draft", null, text, null, null, null, key, Guid.NewGuid().ToString("N")[..16], DateTimeOffset.UtcNow, "fp-" + text.GetHashCode());

    // #20 case 16: a receipt number already taken failed the whole batch on its unique key.
    [PostgresFact]
    public async Task WriteBatch_ReceiptNumberCollides_IsRetriedWithANewNumberAndNothingFails()
    {
        var numbers = new CollidingNumbers(times: 3);
        var store = await CreateAsync(numbers);
        try
        {
            var first = await store.WriteBatchAsync([Comment("第一条意见的内容。")], CancellationToken.None);
            var batch = await store.WriteBatchAsync([Comment("第二条意见的内容。"), Comment("第三条意见的内容。")], CancellationToken.None);

            Assert.Equal(CollidingNumbers.Taken, first[0].Number);
            Assert.Equal(2, batch.Count);
            Assert.All(batch, r => Assert.NotEqual(CollidingNumbers.Taken, r.Number));
            Assert.NotEqual(batch[0].Number, batch[1].Number);
            Assert.Equal(3, (await store.StatsAsync("open-draft", CancellationToken.None)).Comments);
            Assert.True(numbers.Calls >= 5);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    // #20 case 8: one comment the database refuses must not fail the others queued with it.
    [PostgresFact]
    public async Task Writer_OneItemTheDatabaseRefuses_FailsOnlyThatItem()
    {
        var store = await CreateAsync();
        var blocker = new TaskCompletionSource();
        await using var writer = new BatchWriter<NewComment, Receipt>(new HeldStore(store, blocker.Task), maxBatch: 64);
        try
        {
            // Held at the store, so all of them queue and go in one batch.
            var first = writer.WriteAsync(Comment("先到的一条意见。"));
            var queued = Enumerable.Range(0, 9).Select(i => writer.WriteAsync(Comment($"排队的第{i}条意见。"))).ToList();
            var unstorable = writer.WriteAsync(Comment("含有\u0000的意见，绕过了校验。"));
            blocker.SetResult();

            await first;
            var receipts = await Task.WhenAll(queued);

            Assert.Equal(9, receipts.Select(r => r.Number).Distinct().Count());
            await Task.WhenAny(unstorable);
            Assert.True(unstorable.IsCompletedSuccessfully || unstorable.IsFaulted);
            Assert.Equal(unstorable.IsCompletedSuccessfully ? 11 : 10, (await store.StatsAsync("open-draft", CancellationToken.None)).Comments);
        }
        finally
        {
            await writer.DisposeAsync();
            (store as IDisposable)?.Dispose();
        }
    }

    /// <summary>Hands out <see cref="Taken"/> the first <paramref name="times"/> times, then random numbers.</summary>
    private sealed class CollidingNumbers(int times) : ReceiptNumbers("YJ")
    {
        public const string Taken = "YJ260101-AAAAAAAA";

        public int Calls { get; private set; }

        public override string New(DateTimeOffset now) => ++Calls <= times ? Taken : base.New(now);
    }

    /// <summary>The real store, whose first batch waits for <paramref name="release"/>.</summary>
    private sealed class HeldStore(ICommentStore store, Task release) : IBatchStore<NewComment, Receipt>
    {
        public async Task<IReadOnlyList<Receipt>> WriteBatchAsync(IReadOnlyList<NewComment> items, CancellationToken cancellationToken)
        {
            await release;
            return await store.WriteBatchAsync(items, cancellationToken);
        }
    }
}

public sealed class SqliteStoreTests : StoreTests
{
    protected override async Task<ICommentStore> CreateAsync(ReceiptNumbers? numbers = null)
    {
        var store = new SqliteCommentStore(Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "comments.db"), numbers);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    // #20 case 6: the checkpoint loop died at its first non-cancellation error (a full disk) for good.
    [Fact]
    public async Task CheckpointLoop_AfterAFailedCheckpoint_KeepsCheckpointing()
    {
        var ticks = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        var steps = 0;
        var failures = new List<Exception>();
        for (var i = 0; i < 3; i++)
        {
            ticks.Writer.TryWrite(true);
        }

        ticks.Writer.Complete();
        await SqliteCommentStore.RepeatAsync(
            async () => await ticks.Reader.WaitToReadAsync() && ticks.Reader.TryRead(out _),
            _ => ++steps == 1 ? throw new IOException("database or disk is full") : Task.CompletedTask,
            failures.Add,
            CancellationToken.None);

        Assert.Equal(3, steps);
        Assert.IsType<IOException>(Assert.Single(failures));
    }

    // #20 case 6: with auto-checkpoints off, nothing checkpointed once the loop had stopped.
    [Fact]
    public async Task Store_WriterKeepsABackstopAutoCheckpoint()
    {
        using var store = (SqliteCommentStore)await CreateAsync();

        Assert.Equal(SqliteCommentStore.BackstopCheckpointPages, await store.AutoCheckpointPagesAsync());
    }

    [Fact]
    public async Task Store_FileFromBeforeFingerprints_GetsTheColumnAndKeepsItsComments()
    {
        var file = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "comments.db");
        await using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Pooling=false"))
        {
            await old.OpenAsync();
            await using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE comments (id INTEGER PRIMARY KEY AUTOINCREMENT, receipt TEXT NOT NULL UNIQUE, draft TEXT NOT NULL, article TEXT NULL,
                    text TEXT NOT NULL, name TEXT NULL, contact TEXT NULL, identity TEXT NULL, participant TEXT NOT NULL, idempotency_key TEXT NULL, created_at TEXT NOT NULL);
                INSERT INTO comments (receipt, draft, text, participant, created_at) VALUES ('YJ250101-OLD00000', 'open-draft', '旧版本存下的意见。', 'p', '2025-01-01T00:00:00.0000000+00:00');
                """;
            await create.ExecuteNonQueryAsync();
        }

        using var store = new SqliteCommentStore(file);
        await store.InitializeAsync(CancellationToken.None);
        await store.WriteBatchAsync([Comment("新版本存下的意见。", key: "k1")], CancellationToken.None);

        Assert.Equal(2, (await store.StatsAsync("open-draft", CancellationToken.None)).Comments);
        Assert.NotNull(await store.FindAsync("YJ250101-OLD00000", CancellationToken.None));
    }
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresStoreTests(PostgresServer server) : StoreTests
{
    protected override async Task<ICommentStore> CreateAsync(ReceiptNumbers? numbers = null)
    {
        var store = new PostgresCommentStore(await server.CreateDatabaseAsync(), numbers: numbers);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    // #20 case 7: 150 concurrent count requests held all 100 server connections.
    [PostgresFact]
    public void Pools_AreBoundedPerInstance_AndAConnectionStringCanOnlyLowerThem()
    {
        using var store = new PostgresCommentStore(server.ConnectionString());
        using var smaller = new PostgresCommentStore(server.ConnectionString() + ";Maximum Pool Size=4", readConnections: 6);

        Assert.Equal((PostgresCommentStore.WriteConnections, PostgresCommentStore.DefaultReadConnections), store.PoolSizes);
        Assert.Equal((2, 4), smaller.PoolSizes);
    }
}
