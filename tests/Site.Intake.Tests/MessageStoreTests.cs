using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>The message store's contract (留言, status history, published lists, figures), on a real SQLite file and a real PostgreSQL.</summary>
public abstract class MessageStoreTests
{
    protected abstract Task<IMessageStore> CreateAsync(ReceiptNumbers? numbers = null);

    private static readonly DateTimeOffset Sent = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero); // 3月2日 9:30 in Beijing

    internal static NewMessage Message(string text, string recipient = "D0001", string? key = null, bool consent = false, DateTimeOffset? at = null, RecipientKind kind = RecipientKind.Deputy) =>
        new(kind, recipient, "S01", text, "王秀兰", "13800000000", consent, key, Guid.NewGuid().ToString("N")[..16], at ?? Sent, "fp-" + text);

    private async Task<T> WithStoreAsync<T>(Func<IMessageStore, Task<T>> test, ReceiptNumbers? numbers = null)
    {
        var store = await CreateAsync(numbers);
        try
        {
            return await test(store);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    [PostgresFact]
    public Task Write_ThenFind_GivesTheMessageWithItsReceiptPrefixAndNoHistory() => WithStoreAsync(async store =>
    {
        var receipt = (await store.WriteBatchAsync([Message("村口路灯坏了三个月，请代表帮忙反映。")], CancellationToken.None))[0];

        var found = await store.FindAsync(receipt.Number, CancellationToken.None);

        Assert.Matches("^LY260302-[0-9A-HJKMNP-TV-Z]{8}$", receipt.Number);
        Assert.NotNull(found);
        Assert.Equal(("D0001", RecipientKind.Deputy, "S01", MessageStatus.Received), (found.Recipient, found.Kind, found.Station, found.Status));
        Assert.Equal("13800000000", found.Contact);
        Assert.Equal(Sent, found.CreatedAt);
        Assert.Empty(found.History);
        Assert.Null(await store.FindAsync("LY260302-00000000", CancellationToken.None));
        return 0;
    });

    [PostgresFact]
    public Task Write_WantsReply_IsStoredAndReadBack() => WithStoreAsync(async store =>
    {
        var receipts = await store.WriteBatchAsync([Message("请联系我答复。") with { WantsReply = true }, Message("不必答复。")], CancellationToken.None);

        Assert.True((await store.FindAsync(receipts[0].Number, CancellationToken.None))!.WantsReply);
        Assert.False((await store.FindAsync(receipts[1].Number, CancellationToken.None))!.WantsReply);
        return 0;
    });

    [PostgresFact]
    public Task Write_SameIdempotencyKey_ReplaysTheReceipt_AndADifferentTextIsKeyReused() => WithStoreAsync(async store =>
    {
        var first = (await store.WriteBatchAsync([Message("第一次提交的留言内容。", key: "k-1")], CancellationToken.None))[0];
        var again = await store.WriteBatchAsync([Message("第一次提交的留言内容。", key: "k-1"), Message("换了内容的留言。", key: "k-1")], CancellationToken.None);
        var elsewhere = (await store.WriteBatchAsync([Message("第一次提交的留言内容。", recipient: "D0002", key: "k-1")], CancellationToken.None))[0];

        Assert.Equal((first.Number, true, false), (again[0].Number, again[0].Replayed, again[0].KeyReused));
        Assert.True(again[1].KeyReused);
        Assert.NotEqual(first.Number, elsewhere.Number);
        Assert.Equal(2, await store.ListAsync(null, CancellationToken.None).CountAsync());
        return 0;
    });

    [PostgresFact]
    public Task Write_ReceiptNumberTaken_DrawsAnother() => WithStoreAsync(async store =>
    {
        var first = await store.WriteBatchAsync([Message("第一条留言的内容。")], CancellationToken.None);
        var second = await store.WriteBatchAsync([Message("第二条留言的内容。")], CancellationToken.None);

        Assert.Equal(CollidingNumbers.Taken, first[0].Number);
        Assert.NotEqual(CollidingNumbers.Taken, second[0].Number);
        return 0;
    }, new CollidingNumbers(times: 3));

    [PostgresFact]
    public Task Apply_RecordsHistory_IsIdempotent_AndKeepsWhatABlankCellDoesNotSay() => WithStoreAsync(async store =>
    {
        var receipt = (await store.WriteBatchAsync([Message("小区门口积水严重，希望尽快修排水沟。", consent: true)], CancellationToken.None))[0].Number;
        var at = Sent.AddDays(1);
        MessageStatusUpdate[] sheet =
        [
            new(receipt, MessageStatus.Referred, "县住建局", null, null, null, at, "第一批.xlsx"),
            new("LY260302-ZZZZZZZZ", MessageStatus.Referred, "县住建局", null, null, null, at),
        ];

        var first = await store.ApplyAsync(sheet, CancellationToken.None);
        var second = await store.ApplyAsync(sheet, CancellationToken.None);
        var answered = await store.ApplyAsync([new(receipt, MessageStatus.Answered, null, "排水沟已列入本月维修计划。", new DateOnly(2026, 3, 12), true, at.AddDays(9))], CancellationToken.None);
        var found = (await store.FindAsync(receipt, CancellationToken.None))!;

        Assert.Equal([UpdateOutcome.Applied, UpdateOutcome.NotFound], first);
        Assert.Equal([UpdateOutcome.Unchanged, UpdateOutcome.NotFound], second);
        Assert.Equal([UpdateOutcome.Applied], answered);
        Assert.Equal([MessageStatus.Referred, MessageStatus.Answered], found.History.Select(e => e.Status));
        Assert.Equal("第一批.xlsx", found.History[0].Source);
        Assert.Equal(("县住建局", "排水沟已列入本月维修计划。", new DateOnly(2026, 3, 12), true), (found.Unit, found.Reply, found.RepliedOn, found.OfficePublic));
        Assert.Equal(("县住建局", true), (found.History[1].Unit, found.History[1].OfficePublic));
        return 0;
    });

    [PostgresFact]
    public Task Published_NeedsBothConsents_NewestFirst_AndFiguresCountTheYear() => WithStoreAsync(async store =>
    {
        var receipts = await store.WriteBatchAsync(
        [
            Message("同意公开、办公室也公开的较早留言。", consent: true, at: Sent),
            Message("同意公开、办公室也公开的较晚留言。", consent: true, at: Sent.AddDays(5)),
            Message("本人不同意公开的留言内容。", consent: false, at: Sent.AddDays(6)),
            Message("同意公开但办公室未公开的留言。", consent: true, at: Sent.AddDays(7)),
            Message("去年的留言，不计入今年数字。", at: new DateTimeOffset(2025, 12, 31, 15, 59, 0, TimeSpan.Zero)),
            Message("给家站点的留言，不算在代表名下。", recipient: "S01", kind: RecipientKind.Station, consent: true),
        ], CancellationToken.None);
        var numbers = receipts.Select(r => r.Number).ToList();
        await store.ApplyAsync(
        [
            new(numbers[0], MessageStatus.Answered, "县交通局", "已答复。", new DateOnly(2026, 3, 6), true, Sent.AddDays(4)),
            new(numbers[1], MessageStatus.Closed, "县交通局", "已办结。", new DateOnly(2026, 3, 17), true, Sent.AddDays(10)),
            new(numbers[2], MessageStatus.Answered, "县交通局", "已答复。", new DateOnly(2026, 3, 18), true, Sent.AddDays(10)),
            new(numbers[3], MessageStatus.Referred, "县交通局", null, null, false, Sent.AddDays(10)),
        ], CancellationToken.None);

        var published = await store.PublishedAsync(RecipientKind.Deputy, "D0001", 10, CancellationToken.None);
        var figures = await store.FiguresAsync(RecipientKind.Deputy, "D0001", 2026, CancellationToken.None);
        var lastYear = await store.FiguresAsync(RecipientKind.Deputy, "D0001", 2025, CancellationToken.None);

        Assert.Equal(["同意公开、办公室也公开的较晚留言。", "同意公开、办公室也公开的较早留言。"], published.Select(p => p.Text));
        Assert.Equal(("已办结。", MessageStatus.Closed), (published[0].Reply, published[0].Status));

        // Days to answer: 4 (3月2日→6日), 10 (7日→17日), 10 (8日→18日): median 10.
        Assert.Equal(new MessageFigures(2026, 4, 3, 10), figures);
        Assert.Equal(new MessageFigures(2025, 1, 0, null), lastYear);
        return 0;
    });

    [PostgresFact]
    public Task Remove_BlanksTheMessage_AndPurgeClearsOldContacts() => WithStoreAsync(async store =>
    {
        var receipts = await store.WriteBatchAsync([Message("请删除我的这条留言内容。", consent: true), Message("较新的留言，联系方式保留。", at: Sent.AddDays(30)), Message("较早的留言，联系方式到期清除。")], CancellationToken.None);

        Assert.True(await store.RemoveAsync(receipts[0].Number, Sent.AddDays(2), CancellationToken.None));
        Assert.False(await store.RemoveAsync("LY260302-ZZZZZZZZ", Sent, CancellationToken.None));
        var purged = await store.PurgeContactsAsync(Sent.AddDays(10), CancellationToken.None);
        var removed = (await store.FindAsync(receipts[0].Number, CancellationToken.None))!;
        var kept = (await store.FindAsync(receipts[1].Number, CancellationToken.None))!;
        var old = (await store.FindAsync(receipts[2].Number, CancellationToken.None))!;
        var update = await store.ApplyAsync([new(receipts[0].Number, MessageStatus.Answered, null, "答复。", null, true, Sent.AddDays(3))], CancellationToken.None);

        Assert.Equal(("", null, null, Sent.AddDays(2)), (removed.Text, removed.Name, removed.Contact, removed.RemovedAt));
        Assert.Equal("13800000000", kept.Contact);
        Assert.Equal(("较早的留言，联系方式到期清除。", null), (old.Text, old.Contact));
        Assert.Equal(1, purged);
        Assert.Equal([UpdateOutcome.Removed], update);
        Assert.Equal(2, (await store.ListAsync(null, CancellationToken.None).ToListAsync()).Count);
        Assert.Single(await store.ListAsync(Sent.AddDays(30), CancellationToken.None).ToListAsync());
        Assert.Empty(await store.ListAsync(Sent.AddDays(31), CancellationToken.None).ToListAsync());
        return 0;
    });

    private sealed class CollidingNumbers(int times) : ReceiptNumbers("LY")
    {
        public const string Taken = "LY260101-AAAAAAAA";

        private int _calls;

        public override string New(DateTimeOffset now) => ++_calls <= times ? Taken : base.New(now);
    }
}

public sealed class SqliteMessageStoreTests : MessageStoreTests
{
    [Fact]
    public async Task Initialize_AFileFromBeforeWantsReply_GetsTheColumn_AndKeepsItsMessages()
    {
        var path = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "comments.db");
        string old;
        using (var store = new SqliteMessageStore(path))
        {
            await store.InitializeAsync(CancellationToken.None);
            old = (await store.WriteBatchAsync([Message("旧库里的留言。")], CancellationToken.None))[0].Number;
        }

        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "ALTER TABLE messages DROP COLUMN wants_reply";
            await drop.ExecuteNonQueryAsync();
        }

        using var upgraded = new SqliteMessageStore(path);
        await upgraded.InitializeAsync(CancellationToken.None);
        var fresh = (await upgraded.WriteBatchAsync([Message("新留言。") with { WantsReply = true }], CancellationToken.None))[0].Number;

        Assert.False((await upgraded.FindAsync(old, CancellationToken.None))!.WantsReply);
        Assert.True((await upgraded.FindAsync(fresh, CancellationToken.None))!.WantsReply);
    }

    protected override async Task<IMessageStore> CreateAsync(ReceiptNumbers? numbers = null)
    {
        var store = new SqliteMessageStore(Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "comments.db"), numbers);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresMessageStoreTests(PostgresServer server) : MessageStoreTests
{
    protected override async Task<IMessageStore> CreateAsync(ReceiptNumbers? numbers = null)
    {
        var store = new PostgresMessageStore(await server.CreateDatabaseAsync(), numbers: numbers);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}
