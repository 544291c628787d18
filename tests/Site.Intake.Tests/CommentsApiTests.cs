using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Site.Intake.Tests;

/// <summary>The whole comment API; run once per store (SQLite file, real PostgreSQL) by the classes below.</summary>
public abstract class CommentsApiTests
{
    /// <summary>A fresh endpoint on an empty store; with <paramref name="folder"/>, one that reuses that data (a restart).</summary>
    protected abstract Task<IntakeApplication> StartAsync(string? folder = null);

    [PostgresFact]
    public async Task PostComment_OnArticleOfOpenDraft_ReturnsReceiptAndCountsGoUp()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var response = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { article = "article-3", text = "建议允许线上表决，老旧小区业主分散。" });
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches(@"^YJ\d{6}-[0-9A-Z]{8}$", body.GetProperty("receipt").GetString());
        Assert.Equal(1, stats.GetProperty("comments").GetInt32());
        Assert.Equal(1, stats.GetProperty("articles").GetProperty("article-3").GetInt32());
    }

    [PostgresFact]
    public async Task PostComment_BadFields_ReturnsEveryFieldErrorAndStoresNothing()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var response = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { article = "article-99", text = "短" });
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("article", out _));
        Assert.Equal(0, stats.GetProperty("comments").GetInt32());
    }

    [PostgresFact]
    public async Task PostComment_ArticleAsPeopleWriteIt_IsStoredUnderItsAnchor_AndAMissingOneNamesTheArticlesThatExist()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var answers = new List<JsonElement>();
        foreach (var article in new[] { "第三条", "第3条", "3", "三", "article-3" })
        {
            var response = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { article, text = $"按“{article}”写的条文，意见内容不同。" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            answers.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var missing = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { article = "第六条", text = "草案没有第六条。" });
        var words = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { article = "物业费", text = "不是条文的写法。" });
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.All(answers, a => Assert.Equal("article-3", a.GetProperty("article").GetString()));
        Assert.Equal(5, stats.GetProperty("articles").GetProperty("article-3").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var problem = await missing.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty("article")[0].GetString()!;
        Assert.StartsWith("草案中没有第六条：本草案共有第一条至第三条", message);
        var other = (await words.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("article")[0].GetString()!;
        Assert.StartsWith("草案中没有“物业费”：本草案共有第一条至第三条", other);
        Assert.Equal(5, stats.GetProperty("comments").GetInt32());
    }

    [PostgresTheory]
    [InlineData("closed-draft", HttpStatusCode.Conflict)]
    [InlineData("no-such-draft", HttpStatusCode.NotFound)]
    public async Task PostComment_ClosedOrUnknownDraft_IsRefused(string draft, HttpStatusCode expected)
    {
        await using var application = await StartAsync();

        var response = await application.CreateClient().PostAsJsonAsync($"/api/drafts/{draft}/comments", new { text = "这是一条足够长的意见。" });

        Assert.Equal(expected, response.StatusCode);
    }

    [PostgresFact]
    public async Task PostComment_OversizedOrMalformed_IsRefused()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var oversized = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = new string('长', 5001) });
        var malformed = await client.PostAsync("/api/drafts/open-draft/comments", new StringContent("{\"text\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, oversized.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [PostgresFact]
    public async Task PostComment_RetriedWithSameIdempotencyKey_ReturnsSameReceiptOnce()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        async Task<string> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drafts/open-draft/comments") { Content = JsonContent.Create(new { text = "同一条意见，网络重试。" }) };
            request.Headers.Add("Idempotency-Key", "retry-1");
            var response = await client.SendAsync(request);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        }

        var first = await PostAsync();
        var second = await PostAsync();
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal(first, second);
        Assert.Equal(1, stats.GetProperty("comments").GetInt32());
    }

    [PostgresFact]
    public async Task PostComment_FromAnotherOrigin_IsForbidden()
    {
        await using var application = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drafts/open-draft/comments") { Content = JsonContent.Create(new { text = "跨站提交的意见内容。" }) };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await application.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [PostgresFact]
    public async Task PostForm_WithoutJavaScript_RedirectsToReceiptPageWithEscapedText()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.PostAsync("/api/drafts/open-draft/comments", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["article"] = "article-1", ["text"] = "<script>alert(1)</script>这是表单提交的意见",
        }));
        var page = await client.GetStringAsync(response.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("回执编号", page);
        Assert.DoesNotContain("<script>", page);
    }

    [PostgresFact]
    public async Task PostComment_AfterRestart_IsStillThereAndExported()
    {
        string folder;
        string receipt;
        await using (var first = await StartAsync())
        {
            folder = first.Folder;
            var response = await first.CreateClient().PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "重启之后这条意见还在。", contact = "13800000000" });
            receipt = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
        }

        await using var second = await StartAsync(folder);
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);
        var csv = await client.GetByteArrayAsync("/api/drafts/open-draft/export.csv");
        var anonymous = await second.CreateClient().GetAsync("/api/drafts/open-draft/export.csv");

        var text = System.Text.Encoding.UTF8.GetString(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains(receipt, text);
        Assert.Contains("13800000000", text);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>Makes the application's store fail every write from now on, as a full disk or a stopped server would.</summary>
    protected abstract Task BreakStoreAsync(IntakeApplication application);

    // #20 case 8: U+0000 was stored by SQLite and failed a whole PostgreSQL batch; now both refuse it alike.
    [PostgresTheory]
    [InlineData(@"意见内容\u0000后面还有字")]
    [InlineData(@"从别处复制的\u0007意见内容")]
    [InlineData(@"换页符\f也是控制字符的意见")]
    public async Task PostComment_WithControlCharacter_IsRefusedOnEitherStore(string jsonText)
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var response = await client.PostAsync("/api/drafts/open-draft/comments",
            new StringContent("{\"text\":\"" + jsonText + "\",\"name\":\"张\\u0000三\"}", System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(0, stats.GetProperty("comments").GetInt32());
    }

    // #20 case 11: a key reused for another text used to answer 201 replayed and drop the new text.
    [PostgresFact]
    public async Task PostComment_IdempotencyKeyReusedWithAnotherText_Answers422AndStoresNothingNew()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        async Task<HttpResponseMessage> PostAsync(string text)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drafts/open-draft/comments") { Content = JsonContent.Create(new { text }) };
            request.Headers.Add("Idempotency-Key", "edited-after-error");
            return await client.SendAsync(request);
        }

        var first = await PostAsync("第一次写的意见内容。");
        var edited = await PostAsync("改过之后的意见内容，多了一句。");
        var again = await PostAsync("第一次写的意见内容。");
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal((HttpStatusCode)422, edited.StatusCode);
        Assert.Contains("刚才已经提交过一条内容不同的意见", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetBoolean());
        Assert.Equal(1, stats.GetProperty("comments").GetInt32());
    }

    // #20 case 10: store failures answered 500 with an empty body.
    [PostgresFact]
    public async Task PostComment_WhenTheStoreFails_Answers503WithAChineseProblemAndRetryAfter()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();
        await client.GetAsync("/api/drafts/open-draft/stats");
        await BreakStoreAsync(application);

        var json = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "存储出故障时提交的意见。" });
        var form = await client.PostAsync("/api/drafts/open-draft/comments", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "存储出故障时用表单提交的意见。" }));
        var page = await form.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, json.StatusCode);
        Assert.NotNull(json.Headers.RetryAfter);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
        Assert.Contains("暂时无法访问", (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, form.StatusCode);
        Assert.NotNull(form.Headers.RetryAfter);
        Assert.Contains("存储出故障时用表单提交的意见。</textarea>", page);
    }
}

public sealed class SqliteCommentsApiTests : CommentsApiTests
{
    protected override Task<IntakeApplication> StartAsync(string? folder = null) => Task.FromResult(new IntakeApplication(folder));

    /// <summary>Another process takes the table away: every write of the endpoint's writer now fails in SQLite.</summary>
    protected override async Task BreakStoreAsync(IntakeApplication application)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(application.Folder, "comments.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP TABLE comments";
        await command.ExecuteNonQueryAsync();
    }
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresCommentsApiTests(PostgresServer server) : CommentsApiTests
{
    private readonly Dictionary<string, string> _databases = [];

    protected override async Task<IntakeApplication> StartAsync(string? folder = null)
    {
        // A restart reuses the folder and the database it was given.
        var database = folder is not null && _databases.TryGetValue(folder, out var existing) ? existing : await server.CreateDatabaseAsync();
        var application = new IntakeApplication(folder, postgres: database);
        _databases[application.Folder] = database;
        return application;
    }

    /// <summary>The database stops taking connections and its sessions are ended, as when the server goes down.</summary>
    protected override async Task BreakStoreAsync(IntakeApplication application)
    {
        var name = new Npgsql.NpgsqlConnectionStringBuilder(_databases[application.Folder]).Database;
        await using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"ALTER DATABASE {name} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'", connection);
        await command.ExecuteNonQueryAsync();
    }
}
