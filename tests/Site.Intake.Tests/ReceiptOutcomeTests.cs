using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Site.Contracts;

namespace Site.Intake.Tests;

/// <summary>A comment's receipt says what the feedback report decided on its article, once a rebuild publishes the report.</summary>
public abstract class ReceiptOutcomeTests
{
    protected abstract Task<IntakeApplication> StartAsync();

    [PostgresFact]
    public async Task ReceiptPage_AfterTheReportIsPublished_ShowsTheArticlesOutcomeAndLinksTheReport()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();
        var posted = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { article = "article-2", text = "建议第二条写明适用于农村集中居住区。" });
        var whole = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "支持制定这部条例，希望尽快出台。" });
        var receipt = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString();
        var wholeReceipt = (await whole.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString();
        var before = await client.GetStringAsync($"/api/drafts/open-draft/receipts/{receipt}");

        // The comment period ends and the office publishes its report: the build rewrites drafts.json.
        var path = Path.Combine(application.Folder, DraftManifest.FileName);
        var manifest = DraftManifest.Load(path);
        var draft = manifest.Find("open-draft")!;
        var report = new DraftFeedbackEntry(new DateOnly(2026, 12, 28), "/drafts/open-draft/#feedback", 40, 6,
            [new ArticleOutcomeEntry("article-2", "采纳", "增加“农村集中居住区参照执行”的规定。")]);
        File.WriteAllText(path, JsonSerializer.Serialize(
            new DraftManifest([draft with { Feedback = report }, .. manifest.Drafts.Where(d => d.Id != "open-draft")]), DraftManifest.Json));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));

        var after = new HtmlParser().ParseDocument(await client.GetStringAsync($"/api/drafts/open-draft/receipts/{receipt}"));
        var onWhole = new HtmlParser().ParseDocument(await client.GetStringAsync($"/api/drafts/open-draft/receipts/{wholeReceipt}"));
        var lookup = await client.GetFromJsonAsync<JsonElement>($"/api/receipts/{receipt}");
        var lookupOnWhole = await client.GetFromJsonAsync<JsonElement>($"/api/receipts/{wholeReceipt}");
        var lookupPage = await client.GetStringAsync($"/api/receipts/lookup?number={receipt}");

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Contains("征求意见结束后", before);
        var text = after.Body!.TextContent;
        Assert.Contains("意见采纳情况（2026年12月28日公布）：第二条　采纳", text);
        Assert.Contains("说明：增加“农村集中居住区参照执行”的规定。", text);
        Assert.Contains(after.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/drafts/open-draft/#feedback" && a.TextContent == "查看意见采纳情况");
        Assert.Contains("报告没有逐条列出对草案整体的意见", onWhole.Body!.TextContent);

        // The receipt lookup (any receipt number) gives the outcome in fields of its own, and shows it.
        var outcome = lookup.GetProperty("outcome");
        Assert.Equal(("article-2", "第二条", "采纳"), (outcome.GetProperty("article").GetString(), outcome.GetProperty("label").GetString(), outcome.GetProperty("outcome").GetString()));
        Assert.Equal("增加“农村集中居住区参照执行”的规定。", outcome.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, lookupOnWhole.GetProperty("outcome").ValueKind);
        Assert.Equal("feedback", lookupOnWhole.GetProperty("status").GetString());
        Assert.Contains("采纳：增加“农村集中居住区参照执行”的规定。", lookupPage);
    }
}

public sealed class SqliteReceiptOutcomeTests : ReceiptOutcomeTests
{
    protected override Task<IntakeApplication> StartAsync() => Task.FromResult(new IntakeApplication(withSearch: false));
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresReceiptOutcomeTests(PostgresServer server) : ReceiptOutcomeTests
{
    protected override async Task<IntakeApplication> StartAsync() => new(withSearch: false, postgres: await server.CreateDatabaseAsync());
}
