using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>
/// Messages to deputies and stations (给Ta留言) and the receipt lookup, through the real endpoint; run
/// once per store (SQLite file, real PostgreSQL) by the classes below. Contacts never come back.
/// </summary>
public abstract class MessagesApiTests
{
    protected abstract Task<IntakeApplication> StartAsync();

    protected const string Contact = "13912345678";

    private static HttpClient NoRedirects(IntakeApplication application) =>
        application.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected static async Task<string> PostAsync(HttpClient client, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    protected static string ReceiptOf(string json) => JsonDocument.Parse(json).RootElement.GetProperty("receipt").GetString()!;

    [PostgresFact]
    public async Task Post_ToADeputyAndAStation_GivesAnLYReceiptTheLookupFindsWithoutContact()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var toDeputy = await PostAsync(client, "/api/deputies/D0001/messages", new { text = "村口路灯坏了三个月，晚上接孩子很不方便。", name = "王秀兰", contact = Contact, wantsReply = true });
        var toStation = await PostAsync(client, "/api/stations/S02/messages", new { text = "希望联络站周末也能开放接待。" });
        var deputyReceipt = await client.GetFromJsonAsync<JsonElement>($"/api/receipts/{ReceiptOf(toDeputy)}");
        var stationReceipt = await client.GetFromJsonAsync<JsonElement>($"/api/receipts/{ReceiptOf(toStation)}");
        var raw = await client.GetStringAsync($"/api/receipts/{ReceiptOf(toDeputy)}");

        Assert.Matches(@"^LY\d{6}-[0-9A-HJKMNP-TV-Z]{8}$", ReceiptOf(toDeputy));
        Assert.Equal(("message", "留言", "王建国代表", "/deputies/D0001/"), (deputyReceipt.GetProperty("kind").GetString(), deputyReceipt.GetProperty("kindLabel").GetString(),
            deputyReceipt.GetProperty("subject").GetProperty("title").GetString(), deputyReceipt.GetProperty("subject").GetProperty("url").GetString()));
        Assert.Equal("已收到", deputyReceipt.GetProperty("statusLabel").GetString());
        Assert.Equal("花石镇代表之家", stationReceipt.GetProperty("subject").GetProperty("title").GetString());
        Assert.DoesNotContain(Contact, raw);
        Assert.DoesNotContain("王秀兰", raw);
        Assert.Contains("答复会显示在回执查询里", toStation);
    }

    [PostgresFact]
    public async Task Post_BadFields_NamesEveryFieldInChinese_AndStoresNothing()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var response = await PostAsync(client, "/api/deputies/D0001/messages", new { text = "短", name = new string('名', 51), wantsReply = true }, HttpStatusCode.BadRequest);
        var invisible = await PostAsync(client, "/api/deputies/D0001/messages", new { text = "\u200b\u200b\u200b\u200b\u200b\u200b" }, HttpStatusCode.BadRequest);
        var tooLong = await PostAsync(client, "/api/deputies/D0001/messages", new { text = new string('长', 2001) }, HttpStatusCode.BadRequest);
        var errors = JsonDocument.Parse(response).RootElement.GetProperty("errors");

        Assert.Contains("留言内容至少 5 个字", errors.GetProperty("text")[0].GetString());
        Assert.Contains("姓名最多 50 个字", errors.GetProperty("name")[0].GetString());
        Assert.Contains("请填写联系方式", errors.GetProperty("contact")[0].GetString());
        Assert.Contains("看不见的字符", invisible);
        Assert.Contains("留言内容最多 2000 个字，当前 2001 个字", tooLong);
        var store = application.Services.GetRequiredService<IMessageStore>();
        Assert.Empty(await store.ListAsync(null, CancellationToken.None).ToListAsync());
    }

    [PostgresFact]
    public async Task Post_WrongJsonTypes_SayWhichField()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var number = await client.PostAsync("/api/deputies/D0001/messages", new StringContent("{\"text\":123}", System.Text.Encoding.UTF8, "application/json"));
        var flag = await client.PostAsync("/api/deputies/D0001/messages", new StringContent("{\"text\":\"足够长的留言内容。\",\"publish\":\"同意\"}", System.Text.Encoding.UTF8, "application/json"));
        var comment = await client.PostAsync("/api/drafts/open-draft/comments", new StringContent("{\"text\":[1,2]}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, number.StatusCode);
        Assert.Contains("留言内容（text）的值类型不对，应为文字", (await number.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Contains("同意公开（publish）的值类型不对，应为true 或 false", (await flag.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("publish")[0].GetString());
        Assert.Contains("意见内容（text）的值类型不对", (await comment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [PostgresTheory]
    [InlineData("/api/deputies/D9999/messages", "没有编号为“D9999”的代表")]
    [InlineData("/api/stations/S99/messages", "没有编号为“S99”的代表家站点")]
    public async Task Post_UnknownRecipient_Is404InChinese(string path, string detail)
    {
        await using var application = await StartAsync();

        var response = await PostAsync(application.CreateClient(), path, new { text = "这是一条足够长的留言。" }, HttpStatusCode.NotFound);

        Assert.Contains(detail, response);
    }

    [PostgresFact]
    public async Task Post_DeputyWhoseTermEnded_Is410PointingToTheStation_AndOneWhoseTermEndsLaterTakesIt()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var ended = JsonDocument.Parse(await PostAsync(client, "/api/deputies/D0002/messages", new { text = "这是一条足够长的留言。" }, HttpStatusCode.Gone)).RootElement;
        var noStation = await PostAsync(client, "/api/deputies/D0003/messages", new { text = "这是一条足够长的留言。" }, HttpStatusCode.Gone);
        await PostAsync(client, "/api/deputies/D0004/messages", new { text = "这是一条足够长的留言。" });

        Assert.Contains("李秀英代表已于", ended.GetProperty("detail").GetString());
        Assert.Contains("离任，不再接收留言。请给易俗河镇代表联络站留言", ended.GetProperty("detail").GetString());
        Assert.Equal(("S01", "/stations/S01/"), (ended.GetProperty("station").GetString(), ended.GetProperty("stationUrl").GetString()));
        Assert.Contains("请给所在地的代表家站点留言", noStation);
    }

    [PostgresTheory]
    [InlineData("/api/deputies/D0002/messages", HttpStatusCode.Gone, "代表", "/deputies/")]
    [InlineData("/api/deputies/D9999/messages", HttpStatusCode.NotFound, "代表", "/deputies/")]
    [InlineData("/api/deputies/D%20%3Cb%3E/messages", HttpStatusCode.NotFound, "代表", "/deputies/")]
    [InlineData("/api/stations/S99/messages", HttpStatusCode.NotFound, "家站点", "/stations/")]
    [InlineData("/api/stations/%E2%80%A6/messages", HttpStatusCode.NotFound, "家站点", "/stations/")]
    public async Task PostForm_ToADepartedUnknownOrMalformedRecipient_IsAPageUnderDeputiesOrStations_NotDrafts(string path, HttpStatusCode expected, string section, string sectionUrl)
    {
        await using var application = await StartAsync();

        var response = await NoRedirects(application).PostAsync(path,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "这是一条足够长的留言。" }));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        var crumbs = page.QuerySelectorAll("nav.crumbs li");
        Assert.Equal(["首页", section, "留言未提交"], crumbs.Select(li => li.TextContent.Trim()));
        Assert.Equal(sectionUrl, crumbs[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("征求意见", page.Body!.TextContent);
    }

    [PostgresFact]
    public async Task Post_SameIdempotencyKey_StoresOnce_AndADifferentTextUnderItIs422()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();
        async Task<HttpResponseMessage> SendAsync(string text)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deputies/D0001/messages") { Content = JsonContent.Create(new { text }) };
            request.Headers.Add("Idempotency-Key", "retry-1");
            return await client.SendAsync(request);
        }

        var first = await SendAsync("同一条留言，网络断了重试。");
        var again = await SendAsync("同一条留言，网络断了重试。");
        var other = await SendAsync("换了内容，却用了同一个编号。");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(ReceiptOf(await first.Content.ReadAsStringAsync()), ReceiptOf(await again.Content.ReadAsStringAsync()));
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Single(await application.Services.GetRequiredService<IMessageStore>().ListAsync(null, CancellationToken.None).ToListAsync());
    }

    [PostgresFact]
    public async Task PostForm_RedirectsWith303ToTheReceiptPage_AndASecondClickStoresOnce()
    {
        await using var application = await StartAsync();
        var client = NoRedirects(application);
        var form = new Dictionary<string, string> { ["text"] = "小区门口积水严重，\r\n希望尽快修排水沟。", ["contact"] = Contact, ["wantsReply"] = "yes", ["publish"] = "yes" };

        var first = await client.PostAsync("/api/stations/S01/messages", new FormUrlEncodedContent(form));
        var second = await client.PostAsync("/api/stations/S01/messages", new FormUrlEncodedContent(form));
        var page = await client.GetAsync(first.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.StartsWith("/api/receipts/lookup?number=LY", first.Headers.Location!.OriginalString);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("留言已提交", html);
        Assert.Contains("易俗河镇代表联络站", html);
        Assert.DoesNotContain(Contact, html);
        var stored = Assert.Single(await application.Services.GetRequiredService<IMessageStore>().ListAsync(null, CancellationToken.None).ToListAsync());
        Assert.True(stored.PublishConsent);
        Assert.Equal("小区门口积水严重，\n希望尽快修排水沟。", stored.Text);
    }

    [PostgresFact]
    public async Task PostForm_WithErrors_GivesTheMessageFormBackWithWhatWasTyped()
    {
        await using var application = await StartAsync();

        var response = await NoRedirects(application).PostAsync("/api/deputies/D0001/messages",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "太短", ["name"] = "赵六", ["wantsReply"] = "on" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("留言未提交", html);
        Assert.Contains("留言内容至少 5 个字", html);
        Assert.Contains("请填写联系方式", html);
        Assert.Contains("action=\"/api/deputies/D0001/messages\"", html);
        Assert.Contains(">太短</textarea>", html);
        Assert.Contains("value=\"赵六\"", html);
        Assert.Contains("name=\"idempotencyKey\" value=\"page-", html);
        Assert.Contains("href=\"/deputies/D0001/\"", html);
    }

    [PostgresFact]
    public async Task Published_OnlyWhatBothAgreed_NewestFirst_WithTheYearsFigures()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();
        var agreed = ReceiptOf(await PostAsync(client, "/api/deputies/D0001/messages", new { text = "同意公开的留言：路灯坏了。", name = "王秀兰", contact = Contact, publish = true }));
        var notAgreed = ReceiptOf(await PostAsync(client, "/api/deputies/D0001/messages", new { text = "不同意公开的留言内容。", publish = false }));
        var notMarked = ReceiptOf(await PostAsync(client, "/api/deputies/D0001/messages", new { text = "同意公开但办公室未公开。", publish = true }));
        var store = application.Services.GetRequiredService<IMessageStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await store.ApplyAsync(
        [
            new(agreed, MessageStatus.Answered, "县住建局", "路灯已于本周修复。", today, true, DateTimeOffset.UtcNow),
            new(notAgreed, MessageStatus.Answered, "县住建局", "已答复。", today, true, DateTimeOffset.UtcNow),
            new(notMarked, MessageStatus.Referred, "县住建局", null, null, false, DateTimeOffset.UtcNow),
        ], CancellationToken.None);

        var answer = await client.GetFromJsonAsync<JsonElement>("/api/deputies/D0001/messages");
        var raw = await client.GetStringAsync("/api/deputies/D0001/messages");
        var station = await client.GetFromJsonAsync<JsonElement>("/api/stations/S01/messages");
        var unknown = await client.GetAsync("/api/deputies/D9999/messages");

        var message = Assert.Single(answer.GetProperty("messages").EnumerateArray());
        Assert.Equal(("同意公开的留言：路灯坏了。", "路灯已于本周修复。", "已答复"), (message.GetProperty("text").GetString(), message.GetProperty("reply").GetString(), message.GetProperty("statusLabel").GetString()));
        Assert.DoesNotContain(Contact, raw);
        Assert.DoesNotContain("王秀兰", raw);
        Assert.DoesNotContain(agreed, raw);
        var figures = answer.GetProperty("figures");
        Assert.Equal((3, 2, 0.0), (figures.GetProperty("received").GetInt32(), figures.GetProperty("answered").GetInt32(), figures.GetProperty("medianDaysToAnswer").GetDouble()));
        Assert.Equal(0, station.GetProperty("figures").GetProperty("received").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("没有编号为“D9999”的代表", await unknown.Content.ReadAsStringAsync());
    }

    // Published answers were cached 60 s, so a reply the office had just imported did not show.
    [PostgresFact]
    public async Task Published_IsRevalidatedEveryTime_ANewReplyShowsAtOnce_AnUnchangedAnswerIs304()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();
        var number = ReceiptOf(await PostAsync(client, "/api/deputies/D0001/messages", new { text = "同意公开的留言：桥头的护栏松了。", publish = true }));
        var store = application.Services.GetRequiredService<IMessageStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await store.ApplyAsync([new(number, MessageStatus.Referred, "县交通运输局", null, null, true, DateTimeOffset.UtcNow)], CancellationToken.None);

        var first = await client.GetAsync("/api/deputies/D0001/messages");
        var tag = first.Headers.ETag;
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/deputies/D0001/messages") { Headers = { { "If-None-Match", tag!.ToString() } } };
        var unchanged = await client.SendAsync(again);
        await store.ApplyAsync([new(number, MessageStatus.Answered, "县交通运输局", "护栏已于当天加固。", today, true, DateTimeOffset.UtcNow)], CancellationToken.None);
        using var afterReply = new HttpRequestMessage(HttpMethod.Get, "/api/deputies/D0001/messages") { Headers = { { "If-None-Match", tag.ToString() } } };
        var replied = await client.SendAsync(afterReply);
        var page = await client.GetAsync("/api/deputies/D0001/messages/page");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());
        Assert.False(tag.IsWeak);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType?.ToString());
        var before = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("messages")[0];
        Assert.False(before.TryGetProperty("reply", out var none) && none.ValueKind == JsonValueKind.String);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, replied.StatusCode);
        Assert.NotEqual(tag, replied.Headers.ETag);
        Assert.Equal("护栏已于当天加固。", JsonDocument.Parse(await replied.Content.ReadAsStringAsync()).RootElement.GetProperty("messages")[0].GetProperty("reply").GetString());
        Assert.Equal("no-cache", page.Headers.CacheControl?.ToString());
    }

    [PostgresFact]
    public async Task Lookup_Message_ShowsTheHistoryAndTheReply_AsJsonAndAsAPage()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();
        var number = ReceiptOf(await PostAsync(client, "/api/deputies/D0001/messages", new { text = "村里的垃圾转运站气味太大。", contact = Contact, wantsReply = true }));
        await application.Services.GetRequiredService<IMessageStore>().ApplyAsync(
        [
            new(number, MessageStatus.Referred, "县城管局", null, null, null, DateTimeOffset.UtcNow),
        ], CancellationToken.None);
        await application.Services.GetRequiredService<IMessageStore>().ApplyAsync(
        [
            new(number, MessageStatus.Answered, null, "转运站已加装除臭设备，每日清运两次。", new DateOnly(2026, 11, 20), null, DateTimeOffset.UtcNow),
        ], CancellationToken.None);

        var json = await client.GetFromJsonAsync<JsonElement>($"/api/receipts/{number.ToLowerInvariant().Replace("-", " ")}");
        var page = await client.GetAsync($"/api/receipts/lookup?number={number}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(["已收到", "已转办", "已答复"], json.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("statusLabel").GetString()));
        Assert.Equal(("转运站已加装除臭设备，每日清运两次。", "县城管局"), (json.GetProperty("reply").GetProperty("text").GetString(), json.GetProperty("reply").GetProperty("from").GetString()));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("转运站已加装除臭设备", html);
        Assert.Contains("2026年11月20日", html);
        Assert.Contains("已转办（县城管局）", html);
        Assert.Contains("noindex", html);
        Assert.DoesNotContain(Contact, html);
        Assert.DoesNotContain("垃圾转运站气味", html);
    }

    [PostgresFact]
    public async Task Lookup_Comment_ShowsTheDraftAndAfterTheReportItsOutcomeAndLink()
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();
        var open = ReceiptOf(await PostAsync(client, "/api/drafts/open-draft/comments", new { article = "article-3", text = "建议允许线上表决。", contact = Contact }));
        var store = application.Services.GetRequiredService<ICommentStore>();
        var reported = (await store.WriteBatchAsync([new NewComment("reported-draft", "article-2", "办理时限太长，建议缩短。", null, Contact, null, null, "p", DateTimeOffset.UtcNow.AddDays(-70))], CancellationToken.None))[0].Number;

        var openAnswer = await client.GetFromJsonAsync<JsonElement>($"/api/receipts/{open}");
        var reportedAnswer = await client.GetFromJsonAsync<JsonElement>($"/api/receipts/{reported}");
        var html = await client.GetStringAsync($"/api/receipts/lookup?number={reported}");

        Assert.Equal(("comment", "某某条例（草案） 第三条", "open"), (openAnswer.GetProperty("kind").GetString(), openAnswer.GetProperty("subject").GetProperty("title").GetString(), openAnswer.GetProperty("status").GetString()));
        Assert.Equal("feedback", reportedAnswer.GetProperty("status").GetString());
        Assert.Equal("部分采纳：将办理时限由三十日缩短为十五日", reportedAnswer.GetProperty("reply").GetProperty("text").GetString());
        Assert.Equal("/drafts/reported-draft/#feedback", reportedAnswer.GetProperty("report").GetProperty("url").GetString());
        Assert.Contains("href=\"/drafts/reported-draft/#feedback\"", html);
        Assert.DoesNotContain(Contact, html);
    }

    [PostgresTheory]
    [InlineData("LY261130-ZZZZZZZZ", HttpStatusCode.NotFound, "没有找到这个回执编号")]
    [InlineData("YJ261130-ZZZZZZZZ", HttpStatusCode.NotFound, "没有找到这个回执编号")]
    [InlineData("AB261130-ZZZZZZZZ", HttpStatusCode.BadRequest, "这不是有效的回执编号")]
    [InlineData("LY2611-ZZ", HttpStatusCode.BadRequest, "这不是有效的回执编号")]
    [InlineData("LY261130-ZZZZZZZU", HttpStatusCode.BadRequest, "这不是有效的回执编号")]
    public async Task Lookup_UnknownOrMalformed_Is404Or400InChinese_AsJsonAndAsAPage(string number, HttpStatusCode expected, string detail)
    {
        await using var application = await StartAsync();
        var client = application.CreateClient();

        var json = await client.GetAsync($"/api/receipts/{number}");
        var page = await client.GetAsync($"/api/receipts/lookup?number={Uri.EscapeDataString(number)}");

        Assert.Equal(expected, json.StatusCode);
        Assert.Contains(detail, await json.Content.ReadAsStringAsync());
        Assert.Equal(expected, page.StatusCode);
        Assert.Contains(detail, await page.Content.ReadAsStringAsync());
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
    }
}

public sealed class SqliteMessagesApiTests : MessagesApiTests
{
    protected override Task<IntakeApplication> StartAsync() => Task.FromResult(new IntakeApplication(withSearch: true));

    [Fact]
    public async Task Post_FromAnotherSite_Is403_AndTooManyPostsOrLookupsAre429WithAType()
    {
        await using var application = new IntakeApplication(settings: new Dictionary<string, string?> { ["Intake:PostsPerMinute"] = "2", ["Intake:LookupsPerMinute"] = "2" });
        var client = application.CreateClient();
        async Task<HttpResponseMessage> SendAsync(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/deputies/D0001/messages") { Content = JsonContent.Create(new { text = "这是一条足够长的留言。" }) };
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            return await client.SendAsync(request);
        }

        var crossSite = await SendAsync("https://evil.example");
        var posts = new[] { await SendAsync(null), await SendAsync(null), await SendAsync(null) };
        // Lookups of real receipts never count (people behind one address look up their own); misses do.
        var receipt = (await posts[0].Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString();
        var found = new[] { await client.GetAsync($"/api/receipts/{receipt}"), await client.GetAsync($"/api/receipts/{receipt}"), await client.GetAsync($"/api/receipts/lookup?number={receipt}&sent=1") };
        var lookups = new[] { await client.GetAsync("/api/receipts/LY261130-ZZZZZZZZ"), await client.GetAsync("/api/receipts/lookup?number=x"), await client.GetAsync("/api/receipts/LY261130-ZZZZZZZZ") };
        var page = await client.GetAsync($"/api/receipts/lookup?number={receipt}");

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("不接受来自其他网站的提交", await crossSite.Content.ReadAsStringAsync());
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], posts.Select(p => p.StatusCode));
        Assert.All(found, f => Assert.Equal(HttpStatusCode.OK, f.StatusCode));
        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], lookups.Select(l => l.StatusCode));
        // The no-JS lookup page over the limit is a page, in Chinese, not JSON.
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("查询过于频繁", await page.Content.ReadAsStringAsync());
        foreach (var refused in new[] { posts[2], lookups[2] })
        {
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-4", problem.GetProperty("type").GetString());
            Assert.Contains("过于频繁", problem.GetProperty("detail").GetString());
            Assert.NotNull(refused.Headers.RetryAfter);
        }
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413InChinese()
    {
        await using var application = new IntakeApplication(withSearch: false);

        var response = await application.CreateClient().PostAsJsonAsync("/api/stations/S01/messages", new { text = new string('长', 500_000) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("留言内容最多 2000 字", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownApiRoute_IsAJson404InChinese()
    {
        await using var application = new IntakeApplication(withSearch: false);

        var response = await application.CreateClient().GetAsync("/api/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("没有这个接口", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PublishedPage_WithoutScript_ShowsTheFiguresAndThePublishedMessagesInChinese_NeverANameOrContact()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();
        var agreed = ReceiptOf(await PostAsync(client, "/api/deputies/D0001/messages", new { text = "同意公开的留言：村口路灯坏了。\n晚上接孩子看不清路。", name = "王秀兰", contact = Contact, publish = true }));
        var notAgreed = ReceiptOf(await PostAsync(client, "/api/deputies/D0001/messages", new { text = "不同意公开的留言内容。", publish = false }));
        var store = application.Services.GetRequiredService<IMessageStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await store.ApplyAsync(
        [
            new(agreed, MessageStatus.Answered, "县住建局", "路灯已于本周修复。", today, true, DateTimeOffset.UtcNow),
            new(notAgreed, MessageStatus.Answered, "县住建局", "已答复不公开的那条。", today, true, DateTimeOffset.UtcNow),
        ], CancellationToken.None);

        var page = await client.GetAsync("/api/deputies/D0001/messages/page");
        var html = await page.Content.ReadAsStringAsync();
        var station = await client.GetAsync("/api/stations/S01/messages/page");
        var unknown = await client.GetAsync("/api/deputies/D9999/messages/page");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("王建国代表：留言和答复", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(
            [$"2{today.Year}年收到留言", "2已答复", "0 天答复用时中位数"],
            document.QuerySelectorAll("[data-message-figures] li").Select(li => li.TextContent.Trim()));
        // The unit beside the number, not at the end of the label (where a phone put "（天）" on a line of its own).
        Assert.Equal(" 天", document.QuerySelector("[data-message-figures] li:last-child strong small")!.TextContent);
        var item = Assert.Single(document.QuerySelectorAll("[data-message-list] > li"));
        Assert.Equal(["同意公开的留言：村口路灯坏了。", "晚上接孩子看不清路。"], item.Children.Where(c => c.LocalName == "p" && !c.HasAttribute("class")).Select(p => p.TextContent));
        Assert.Equal($"县住建局答复（{today.Year}年{today.Month}月{today.Day}日）：", item.QuerySelector(".reply .meta")!.TextContent);
        Assert.Contains("路灯已于本周修复。", item.QuerySelector(".reply")!.TextContent);
        Assert.NotNull(document.QuerySelector("a[href='/deputies/D0001/#message']"));
        Assert.DoesNotContain(Contact, html);
        Assert.DoesNotContain("王秀兰", html);
        Assert.DoesNotContain(agreed, html);
        Assert.DoesNotContain("不同意公开", html);
        Assert.Equal(HttpStatusCode.OK, station.StatusCode);
        Assert.Contains("还没有公开的留言", await station.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("没有编号为“D9999”的代表", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LookupPage_WithoutANumber_IsTheEmptyForm()
    {
        await using var application = new IntakeApplication();

        var response = await application.CreateClient().GetAsync("/api/receipts/lookup");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("action=\"/api/receipts/lookup\"", html);
        Assert.Contains("name=\"number\"", html);
    }
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresMessagesApiTests(PostgresServer server) : MessagesApiTests
{
    protected override async Task<IntakeApplication> StartAsync() => new(postgres: await server.CreateDatabaseAsync());
}
