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
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "staff-token");
        var csv = await client.GetByteArrayAsync("/api/drafts/open-draft/export.csv");
        var anonymous = await second.CreateClient().GetAsync("/api/drafts/open-draft/export.csv");

        var text = System.Text.Encoding.UTF8.GetString(csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Contains(receipt, text);
        Assert.Contains("13800000000", text);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

public sealed class SqliteCommentsApiTests : CommentsApiTests
{
    protected override Task<IntakeApplication> StartAsync(string? folder = null) => Task.FromResult(new IntakeApplication(folder));
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
}
