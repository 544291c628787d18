using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Site.Intake.Privacy;
using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>
/// The privacy page's promises kept by staff actions (correct, delete, purge), on a real SQLite file
/// and a real PostgreSQL: what changes, what is logged, and that nothing else is touched.
/// </summary>
public abstract class PrivacyTests
{
    /// <summary>A store with its schema run, and a way to open connections of one's own to it.</summary>
    protected abstract Task<(ICommentStore Store, Func<CancellationToken, Task<DbConnection>> Open)> CreateAsync();

    /// <summary>The message store on the same database as the last <see cref="CreateAsync"/>.</summary>
    protected abstract Task<IMessageStore> MessagesAsync();

    /// <summary>The build's data folder the last <see cref="CreateAsync"/> made (drafts.json …).</summary>
    protected string DataFolder { get; set; } = "";

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static NewComment Comment(string draft, string text, string? contact, DateTimeOffset at) =>
        new(draft, null, text, contact is null ? null : "王某", contact, "居民", null,
            contact is null ? Guid.NewGuid().ToString("N")[..16] : "p-" + contact, at);

    private static async Task<string> WriteAsync(ICommentStore store, NewComment comment) =>
        (await store.WriteBatchAsync([comment], CancellationToken.None))[0].Number;

    [PostgresFact]
    public async Task Correct_ReplacesTheTextAndLogsWhoAndWhenButNeitherText()
    {
        var (store, open) = await CreateAsync();
        using var _ = store as IDisposable;
        var receipt = await WriteAsync(store, Comment("open-draft", "第三条的罚款数额写错了一个零。", "13812345678", Now));
        var data = new PersonalData(open, new FixedClock(Now));

        var outcome = await data.CorrectAsync(receipt.ToLowerInvariant(), "第三条的罚款数额应为五百元。", " 李卫东 ", CancellationToken.None);

        Assert.True(outcome.Done, outcome.Message);
        var stored = await store.FindAsync(receipt, CancellationToken.None);
        Assert.Equal("第三条的罚款数额应为五百元。", stored!.Text);
        Assert.Equal("13812345678", stored.Contact);
        var entry = Assert.Single(await LogAsync(open));
        Assert.Equal(("李卫东", PrivacyLog.Actions.Correct, receipt, (string?)null), (entry.Staff, entry.Action, entry.Receipt, entry.Detail));
        Assert.Equal(Now, entry.At);
    }

    [PostgresFact]
    public async Task Correct_TextTooShortOrUnknownReceipt_ChangesAndLogsNothing()
    {
        var (store, open) = await CreateAsync();
        using var _ = store as IDisposable;
        var receipt = await WriteAsync(store, Comment("open-draft", "建议增加听证程序。", null, Now));
        var data = new PersonalData(open, new FixedClock(Now));

        var tooShort = await data.CorrectAsync(receipt, "好", "李卫东", CancellationToken.None);
        var unknown = await data.CorrectAsync("YJ261130-ZZZZZZZZ", "建议增加听证程序和公示。", "李卫东", CancellationToken.None);
        var malformed = await data.CorrectAsync("12345", "建议增加听证程序和公示。", "李卫东", CancellationToken.None);
        var nobody = await data.CorrectAsync(receipt, "建议增加听证程序和公示。", " ", CancellationToken.None);

        Assert.False(tooShort.Done);
        Assert.Contains("至少 5 个字", tooShort.Message);
        Assert.False(unknown.Done);
        Assert.Contains("没有回执编号为 YJ261130-ZZZZZZZZ 的意见", unknown.Message);
        Assert.False(malformed.Done);
        Assert.Contains("回执编号格式不对", malformed.Message);
        Assert.False(nobody.Done);
        Assert.Contains("--by", nobody.Message);
        Assert.Equal("建议增加听证程序。", (await store.FindAsync(receipt, CancellationToken.None))!.Text);
        Assert.Empty(await LogAsync(open));
    }

    [PostgresFact]
    public async Task Delete_RemovesTheCommentAndTheLogSaysWhenForTheReceiptLookup()
    {
        var (store, open) = await CreateAsync();
        using var _ = store as IDisposable;
        var receipt = await WriteAsync(store, Comment("open-draft", "我不想公开这条意见了。", "13812345678", Now));
        var other = await WriteAsync(store, Comment("open-draft", "另一位居民的意见。", "13900000000", Now));
        var data = new PersonalData(open, new FixedClock(Now));

        var outcome = await data.DeleteAsync(receipt, "李卫东", CancellationToken.None);
        var again = await data.DeleteAsync(receipt, "李卫东", CancellationToken.None);

        Assert.True(outcome.Done, outcome.Message);
        var removed = (await store.FindAsync(receipt, CancellationToken.None))!;
        Assert.Equal(("", (string?)null, (string?)null, (string?)null, (DateTimeOffset?)Now), (removed.Text, removed.Name, removed.Contact, removed.Identity, removed.RemovedAt));
        Assert.Null((await store.FindAsync(other, CancellationToken.None))!.RemovedAt);
        Assert.Equal([other], await store.ExportAsync("open-draft", CancellationToken.None).Select(c => c.Receipt).ToListAsync());
        var messages = await MessagesAsync();
        using var __ = messages as IDisposable;
        var lookup = await Receipts.ReceiptsApi.FindAsync(receipt, store, messages, new Drafts.DraftCatalog(DataFolder), new Recipients.RecipientCatalog(DataFolder), Now, CancellationToken.None);
        Assert.Equal(("removed", "已应本人要求删除", true), (lookup!.Status, lookup.StatusLabel, lookup.Removed));
        Assert.DoesNotContain("不想公开", System.Text.Json.JsonSerializer.Serialize(lookup));
        await using (var connection = await open(CancellationToken.None))
        {
            Assert.Equal(Now, await PrivacyLog.DeletedAtAsync(connection, receipt, CancellationToken.None));
        }

        Assert.False(again.Done);
        Assert.Contains("已于 2026-11-30 16:00 删除", again.Message);
        var entry = Assert.Single(await LogAsync(open));
        Assert.Equal((PrivacyLog.Actions.Delete, receipt), (entry.Action, entry.Receipt));
    }

    [PostgresFact]
    public async Task Purge_ClearsContactsPastTheRetentionPeriodOnly_KeepsCounts_AndASecondRunClearsNothing()
    {
        var (store, open) = await CreateAsync();
        using var _ = store as IDisposable;
        var closed = new DateTimeOffset(2024, 6, 30, 16, 0, 0, TimeSpan.Zero);
        var closes = new Dictionary<string, DateTimeOffset> { ["old-draft"] = closed, ["recent-draft"] = closed.AddYears(1) };
        // The same person twice on the old draft, someone else once, and anonymous.
        var expired = new[]
        {
            await WriteAsync(store, Comment("old-draft", "第一条意见：建议明确物业服务标准。", "13812345678", closed.AddDays(-20))),
            await WriteAsync(store, Comment("old-draft", "第二条意见：建议公开维修资金账目。", "13812345678", closed.AddDays(-10))),
            await WriteAsync(store, Comment("old-draft", "建议设立业主委员会指导机构。", "13900000000", closed.AddDays(-5))),
        };
        var anonymous = await WriteAsync(store, Comment("old-draft", "没有留下联系方式的意见。", null, closed.AddDays(-5)));
        var kept = await WriteAsync(store, Comment("recent-draft", "截止不满两年的草案的意见。", "13700000000", closed.AddDays(300)));
        var gone = await WriteAsync(store, Comment("removed-draft", "草案已不在网站上，按意见日期算。", "13600000000", closed.AddDays(-1)));
        var before = await store.StatsAsync("old-draft", CancellationToken.None);
        var clock = new FixedClock(closed.AddYears(RetentionPeriods.CommentContactYears).AddHours(1));
        var data = new PersonalData(open, clock);

        var preview = await data.PurgeAsync(d => closes.TryGetValue(d, out var c) ? c : null, "李卫东", dryRun: true, CancellationToken.None);
        Assert.Equal(4, preview.Single(c => c.Kind == SubmissionKind.Comments).Cleared);
        Assert.Equal("13812345678", (await store.FindAsync(expired[0], CancellationToken.None))!.Contact);

        var first = await data.PurgeAsync(d => closes.TryGetValue(d, out var c) ? c : null, "李卫东", dryRun: false, CancellationToken.None);
        var second = await data.PurgeAsync(d => closes.TryGetValue(d, out var c) ? c : null, "李卫东", dryRun: false, CancellationToken.None);

        Assert.Equal(4, first.Single(c => c.Kind == SubmissionKind.Comments).Cleared);
        Assert.All(second, c => Assert.Equal(0, c.Cleared));
        foreach (var receipt in expired.Append(gone))
        {
            var comment = (await store.FindAsync(receipt, CancellationToken.None))!;
            Assert.Null(comment.Name);
            Assert.Null(comment.Contact);
            Assert.Equal("居民", comment.Identity);
            Assert.False(string.IsNullOrEmpty(comment.Text));
        }

        Assert.NotNull((await store.FindAsync(anonymous, CancellationToken.None))!.Text);
        Assert.Equal("13700000000", (await store.FindAsync(kept, CancellationToken.None))!.Contact);
        var after = await store.StatsAsync("old-draft", CancellationToken.None);
        Assert.Equal((before.Comments, before.Participants), (after.Comments, after.Participants));
        await using (var connection = await open(CancellationToken.None))
        {
            await using var hashes = connection.CreateCommand();
            hashes.CommandText = "SELECT COUNT(*) FROM comments WHERE participant LIKE 'p-%'";
            Assert.Equal(1L, Convert.ToInt64(await hashes.ExecuteScalarAsync()));
        }

        var entry = Assert.Single(await LogAsync(open));
        Assert.Equal((PrivacyLog.Actions.Purge, (string?)null), (entry.Action, entry.Receipt));
        Assert.Contains("意见 4 条", entry.Detail);
    }

    [PostgresFact]
    public async Task Message_CorrectThenDelete_TheReceiptSaysRemoved_AndTheOfficesHistoryStays()
    {
        var (comments, open) = await CreateAsync();
        using var _ = comments as IDisposable;
        var messages = await MessagesAsync();
        using var __ = messages as IDisposable;
        var receipt = (await messages.WriteBatchAsync([MessageStoreTests.Message("村口路灯坏了三个月，我家住在村口第三户。", consent: true, at: Now.AddDays(-10))], CancellationToken.None))[0].Number;
        await messages.ApplyAsync([new MessageStatusUpdate(receipt, MessageStatus.Referred, "县住建局", null, null, null, Now.AddDays(-5))], CancellationToken.None);
        var data = new PersonalData(open, new FixedClock(Now));

        var corrected = await data.CorrectAsync(receipt, "村口路灯坏了三个月，请代表帮忙反映。", "李卫东", CancellationToken.None);
        Assert.True(corrected.Done, corrected.Message);
        Assert.Equal("村口路灯坏了三个月，请代表帮忙反映。", (await messages.FindAsync(receipt, CancellationToken.None))!.Text);

        var deleted = await data.DeleteAsync(receipt, "李卫东", CancellationToken.None);
        var correctedAfter = await data.CorrectAsync(receipt, "删除以后再更正的内容。", "李卫东", CancellationToken.None);

        Assert.True(deleted.Done, deleted.Message);
        var message = (await messages.FindAsync(receipt, CancellationToken.None))!;
        Assert.Equal(("", (string?)null, (string?)null, (DateTimeOffset?)Now), (message.Text, message.Name, message.Contact, message.RemovedAt));
        Assert.Single(message.History);
        Assert.Empty(await messages.ListAsync(null, CancellationToken.None).ToListAsync());
        Assert.False(correctedAfter.Done);
        Assert.Contains("已于", correctedAfter.Message);
        var lookup = await Receipts.ReceiptsApi.FindAsync(receipt, comments, messages, new Drafts.DraftCatalog(DataFolder), new Recipients.RecipientCatalog(DataFolder), Now, CancellationToken.None);
        Assert.True(lookup!.Removed);
        Assert.Equal([PrivacyLog.Actions.Correct, PrivacyLog.Actions.Delete], (await LogAsync(open)).Select(e => e.Action));
    }

    [PostgresFact]
    public async Task Purge_Messages_ClearsNameAndContactPastTheirPeriodFromReceipt()
    {
        var (comments, open) = await CreateAsync();
        using var _ = comments as IDisposable;
        var messages = await MessagesAsync();
        using var __ = messages as IDisposable;
        var years = RetentionPeriods.MessageContactYears;
        var old = (await messages.WriteBatchAsync([MessageStoreTests.Message("两年多以前的留言内容。", at: Now.AddYears(-years).AddDays(-1))], CancellationToken.None))[0].Number;
        var recent = (await messages.WriteBatchAsync([MessageStoreTests.Message("去年的留言内容，还在保存期内。", at: Now.AddYears(-years).AddDays(1))], CancellationToken.None))[0].Number;

        var counts = await new PersonalData(open, new FixedClock(Now)).PurgeAsync(_ => null, "李卫东", dryRun: false, CancellationToken.None);

        Assert.Equal(1, counts.Single(c => c.Kind == SubmissionKind.Messages).Cleared);
        var purged = (await messages.FindAsync(old, CancellationToken.None))!;
        Assert.Equal(((string?)null, (string?)null, "两年多以前的留言内容。"), (purged.Name, purged.Contact, purged.Text));
        Assert.Equal("13800000000", (await messages.FindAsync(recent, CancellationToken.None))!.Contact);
    }

    private static async Task<IReadOnlyList<PrivacyLog.Entry>> LogAsync(Func<CancellationToken, Task<DbConnection>> open)
    {
        await using var connection = await open(CancellationToken.None);
        return await PrivacyLog.ReadAsync(connection, CancellationToken.None);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

public sealed class SqlitePrivacyTests : PrivacyTests
{
    private string _file = "";

    protected override async Task<IMessageStore> MessagesAsync()
    {
        var store = new SqliteMessageStore(_file);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    protected override async Task<(ICommentStore Store, Func<CancellationToken, Task<DbConnection>> Open)> CreateAsync()
    {
        DataFolder = IntakeApplication.CreateDataFolder(withSearch: false);
        _file = Path.Combine(DataFolder, "comments.db");
        var file = _file;
        var store = new SqliteCommentStore(file);
        await store.InitializeAsync(CancellationToken.None);
        return (store, async token =>
        {
            var connection = new SqliteConnection($"Data Source={file};Pooling=false");
            await connection.OpenAsync(token);
            return connection;
        }
        );
    }
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresPrivacyTests(PostgresServer server) : PrivacyTests
{
    private string _connectionString = "";

    protected override async Task<IMessageStore> MessagesAsync()
    {
        var store = new PostgresMessageStore(_connectionString);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    protected override async Task<(ICommentStore Store, Func<CancellationToken, Task<DbConnection>> Open)> CreateAsync()
    {
        DataFolder = IntakeApplication.CreateDataFolder(withSearch: false);
        var connectionString = _connectionString = await server.CreateDatabaseAsync();
        var store = new PostgresCommentStore(connectionString);
        await store.InitializeAsync(CancellationToken.None);
        return (store, async token =>
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(token);
            return connection;
        }
        );
    }
}
