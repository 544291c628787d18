using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Site.Intake.Tests;

/// <summary>#20 cases 7, 9, 11, 13, 14: what a submission may be, and what the counts answer says.</summary>
public sealed class SubmissionLimitsTests
{
    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    // Case 9: bodies of 28 MB were read whole before the length check.
    [Fact]
    public async Task PostComment_BodyOverTheLimit_Answers413InChinese()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient();

        var json = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = new string('长', 200_000) });
        using var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 500_000) + "\"}")));
        chunked.Headers.ContentType = new("application/json");
        var streamed = await client.PostAsync("/api/drafts/open-draft/comments", chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);
        Assert.Contains("提交的内容过大", (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
    }

    // Case 9: a form with 20,000 fields, or one field over 4 MB, answered 500.
    [Fact]
    public async Task PostForm_ManyFieldsOrHugeField_Answers413PageNotAServerError()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient();

        var many = await client.PostAsync("/api/drafts/open-draft/comments",
            new StringContent(string.Join('&', Enumerable.Range(0, 20_000).Select(i => $"f{i}=1")), Encoding.UTF8, "application/x-www-form-urlencoded"));
        var huge = await client.PostAsync("/api/drafts/open-draft/comments", Form(("text", new string('a', 4_200_000))));
        var fewButLong = await client.PostAsync("/api/drafts/open-draft/comments",
            new StringContent(string.Join('&', Enumerable.Range(0, 40).Select(i => $"f{i}=1")), Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, fewButLong.StatusCode);
        Assert.Equal("text/html", huge.Content.Headers.ContentType?.MediaType);
        Assert.Contains("提交的内容过大", await huge.Content.ReadAsStringAsync());
    }

    // A form with U+0000 in a field, and one with too many fields, both answered "提交的内容过大".
    [Fact]
    public async Task PostForm_ControlCharacterIs400LikeJson_TooManyFieldsSaysSo()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient();
        const string text = "对第三条的意见\u0000请补充。";

        var form = await client.PostAsync("/api/drafts/open-draft/comments", Form(("text", text)));
        var json = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text });
        var many = await client.PostAsync("/api/drafts/open-draft/comments",
            new StringContent(string.Join('&', Enumerable.Range(0, 40).Select(i => $"f{i}=1")), Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        var expected = (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString()!;
        Assert.Contains("控制字符（U+0000）", expected);
        Assert.Contains(expected, WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, many.StatusCode);
        var manyBody = WebUtility.HtmlDecode(await many.Content.ReadAsStringAsync());
        Assert.Contains("字段过多", manyBody);
        Assert.DoesNotContain("5000 字", manyBody);
    }

    // The 409 problem carried two "status" keys: the HTTP status and the comment period.
    [Fact]
    public async Task PostComment_ClosedDraft_ProblemHasOneStatusAndThePeriod()
    {
        await using var application = new IntakeApplication(withSearch: false);

        var response = await application.CreateClient().PostAsJsonAsync("/api/drafts/closed-draft/comments", new { text = "截止以后提交的意见。" });
        var raw = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(raw).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(raw, "\"status\"\\s*:"));
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal("closed", problem.GetProperty("period").GetString());
    }

    // 5,000 family emoji were refused by the body limit with "最多 5000 字". Since the cap in UTF-16
    // units (Excel's cell), 2,900 of them (31,900 units) fit; 5,000 (55,000 units) are refused by name.
    [Fact]
    public async Task PostComment_FamilyEmojiUpToTheCellLimit_FitAsFormAndJson_MoreAreRefusedInChinese()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var text = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 2900));
        var name = new string('名', 50);

        var form = await client.PostAsync("/api/drafts/open-draft/comments", Form(("text", text), ("name", name), ("idempotencyKey", "")));
        var json = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text, name = "另一人" });
        var fiveThousand = await client.PostAsync("/api/drafts/open-draft/comments", Form(("text", string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 5000))), ("idempotencyKey", "")));

        Assert.Equal(2900, new System.Globalization.StringInfo(text).LengthInTextElements);
        Assert.True(form.StatusCode == HttpStatusCode.Redirect, await form.Content.ReadAsStringAsync());
        Assert.True(json.StatusCode == HttpStatusCode.Created, await json.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, fiveThousand.StatusCode);
        Assert.Contains("意见内容过长", WebUtility.HtmlDecode(await fiveThousand.Content.ReadAsStringAsync()));
    }

    // One character followed by 33,000 combining accents counted as one character and was accepted,
    // beyond what an Excel cell of the office's export holds.
    [Fact]
    public async Task Post_CombiningMarksBeyondTheCellLimit_AreRefusedNamingTheField_TwoThousandFamilyEmojiMessageFits()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient();
        var accents = "请补充第三条" + new string('\u0301', 33_000);

        var comment = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = accents });
        var message = await client.PostAsJsonAsync("/api/stations/S01/messages", new { text = accents });
        var name = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "对第三条的意见。", name = "王" + new string('\u0301', 900) });
        var family = await client.PostAsJsonAsync("/api/stations/S01/messages", new { text = string.Concat(Enumerable.Repeat("👨‍👩‍👧‍👦", 2000)) });

        Assert.Equal(6, Site.Intake.Submissions.SubmissionText.Length(accents));
        Assert.Equal(HttpStatusCode.BadRequest, comment.StatusCode);
        Assert.Contains("意见内容过长", (await comment.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, message.StatusCode);
        Assert.Contains("留言内容过长", (await message.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        Assert.Contains("姓名过长", await name.Content.ReadAsStringAsync());
        Assert.True(family.StatusCode == HttpStatusCode.Created, await family.Content.ReadAsStringAsync());
    }

    // A cross-site Referer with no Origin header was taken as same-site.
    [Fact]
    public async Task PostComment_CrossSiteRefererWithoutOrigin_IsForbidden()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient();
        async Task<HttpResponseMessage> PostAsync(string text, string? referer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/drafts/open-draft/comments") { Content = JsonContent.Create(new { text }) };
            if (referer is not null)
            {
                request.Headers.Referrer = new Uri(referer);
            }

            return await client.SendAsync(request);
        }

        var crossSite = await PostAsync("别的网站替人提交的意见。", "https://evil.example/drafts/open-draft/");
        var sameSite = await PostAsync("本站页面提交的意见内容。", "http://localhost/drafts/open-draft/");
        var neither = await PostAsync("脚本提交的另一条意见。", null);

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Contains("不接受来自其他网站的提交", await crossSite.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, sameSite.StatusCode);
        Assert.Equal(HttpStatusCode.Created, neither.StatusCode);
    }

    // Case 13: a 5,000-character post with 19 line breaks was refused as 5,019; "好👍👍" passed the minimum of 5.
    [Fact]
    public async Task PostComment_LengthIsCountedInCharactersAPersonSees()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var paragraphs = string.Join("\r\n", Enumerable.Range(0, 20).Select(i => new string('段', i < 19 ? 249 : 250)));

        var withBreaks = await client.PostAsync("/api/drafts/open-draft/comments", Form(("text", paragraphs)));
        var emoji = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "好👍👍" });
        var flags = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "赞成🇨🇳🇨🇳🇨🇳" });
        var overByOne = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = new string('字', 4999) + "👨‍👩‍👧" + "多" });

        Assert.Equal(5000, new System.Globalization.StringInfo(paragraphs.Replace("\r\n", "\n", StringComparison.Ordinal)).LengthInTextElements);
        Assert.Equal(HttpStatusCode.Redirect, withBreaks.StatusCode);
        var receipt = await client.GetStringAsync(withBreaks.Headers.Location);
        Assert.Contains("回执编号", receipt);
        Assert.Equal(HttpStatusCode.BadRequest, emoji.StatusCode);
        Assert.Contains("当前 3 个字", await emoji.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, flags.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, overByOne.StatusCode);
        Assert.Contains("当前 5001 个字", await overByOne.Content.ReadAsStringAsync());

        // Stored as LF: the export has the text's paragraphs with single line breaks.
        client.DefaultRequestHeaders.Authorization = new("Bearer", IntakeApplication.StaffToken);
        var csv = await client.GetStringAsync("/api/drafts/open-draft/export.csv");
        Assert.Contains(paragraphs.Replace("\r\n", "\n", StringComparison.Ordinal), csv);
    }

    // Case 13: a comment of only zero-width or direction-override characters was accepted.
    [Theory]
    [InlineData("\u200B\u200B\u200B\u200B\u200B\u200B")]
    [InlineData("\u202E\u202D\u2066\u2069\u200F\u200E")]
    [InlineData("\uFEFF\u3164\u3164\u2800\u2800\u00A0\u3000")]
    [InlineData("\u00AD\u00AD\u00AD\u034F\u034F\u034F")]
    [InlineData("\u061C\u17B4\u17B5\u180B\u180E\uFE0F\U000E0041\U0001D173\U0001BCA0")]
    public async Task PostComment_OnlyInvisibleCharacters_IsRefused(string text)
    {
        await using var application = new IntakeApplication(withSearch: false);

        var response = await application.CreateClient().PostAsJsonAsync("/api/drafts/open-draft/comments", new { text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("看不见的字符", await response.Content.ReadAsStringAsync());
    }

    // Case 11: without JavaScript the form sent no key, so a second click stored the comment twice.
    [Fact]
    public async Task PostForm_SubmittedTwiceWithoutAKey_IsStoredOnce()
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var fields = new[] { ("article", "article-2"), ("text", "双击了提交按钮的意见。"), ("idempotencyKey", "") };

        var first = await client.PostAsync("/api/drafts/open-draft/comments", Form(fields));
        var second = await client.PostAsync("/api/drafts/open-draft/comments", Form(fields));
        var other = await client.PostAsync("/api/drafts/open-draft/comments", Form(("text", "另一条不同的意见。")));
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.NotEqual(first.Headers.Location, other.Headers.Location);
        Assert.Equal(2, stats.GetProperty("comments").GetInt32());
    }

    // Case 11 and #19: the page a refused form post gets is the site's layout, with the text and a fresh key.
    [Fact]
    public async Task PostForm_WithErrors_GivesTheFormBackInTheSiteLayoutWithAKey()
    {
        await using var application = new IntakeApplication();
        var client = application.CreateClient();

        var response = await client.PostAsync("/api/drafts/open-draft/comments", Form(("article", "article-3"), ("text", "短<b>"), ("name", "李\"明")));
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("测试县人大", document.QuerySelector(".site-header .brand")?.TextContent);
        Assert.NotNull(document.QuerySelector("footer.site-footer"));
        Assert.Contains("意见内容至少 5 个字", document.QuerySelector(".error")?.TextContent);
        Assert.Equal("短<b>", document.QuerySelector("#comment-text")?.TextContent);
        Assert.Equal("李\"明", document.QuerySelector("#comment-name")?.GetAttribute("value"));
        Assert.Equal("article-3", document.QuerySelector("#comment-article option[selected]")?.GetAttribute("value"));
        Assert.StartsWith("page-", document.QuerySelector("input[name=idempotencyKey]")?.GetAttribute("value"));
    }

    // Case 7: every count request ran a query on its own connection.
    [Fact]
    public async Task Stats_AreKeptForASecondPerDraft()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var application = new IntakeApplication(withSearch: false, clock: clock);
        var client = application.CreateClient();

        var before = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");
        await InsertBehindTheEndpointAsync(application.Folder);
        var cached = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");
        clock.Advance(TimeSpan.FromSeconds(2));
        var later = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal(0, before.GetProperty("comments").GetInt32());
        Assert.Equal(0, cached.GetProperty("comments").GetInt32());
        Assert.Equal(1, later.GetProperty("comments").GetInt32());
    }

    // Case 14: the page's status was frozen at build time; the counts answer now carries it by the live clock.
    [Fact]
    public async Task Stats_CarryTheCommentPeriodByTheLiveClock()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddDays(-5));
        await using var application = new IntakeApplication(withSearch: false, clock: clock);
        var client = application.CreateClient();

        var early = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");
        var refused = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "开始之前提交的意见。" });
        clock.Set(DateTimeOffset.UtcNow);
        var open = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");
        clock.Set(DateTimeOffset.UtcNow.AddDays(31));
        var late = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal("not-yet-open", early.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("尚未开始征求意见", await refused.Content.ReadAsStringAsync());
        Assert.Equal("open", open.GetProperty("status").GetString());
        Assert.Equal("closed", late.GetProperty("status").GetString());
        Assert.True(late.GetProperty("closes").GetDateTimeOffset() < clock.GetUtcNow());
        Assert.True(late.GetProperty("opens").GetDateTimeOffset() < late.GetProperty("closes").GetDateTimeOffset());
    }

    /// <summary>A comment another endpoint instance stored: straight into the SQLite file.</summary>
    private static async Task InsertBehindTheEndpointAsync(string folder)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "comments.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO comments (receipt, draft, text, participant, created_at) VALUES ('YJ260101-OTHER000', 'open-draft', '另一台实例存下的意见。', 'p', '2026-01-01T00:00:00.0000000+00:00')";
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task PostForm_MalformedMultipart_Is400InChinese_AndAMessageOverTheLimitNamesTheMessageLimit()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteRecipients(folder);
        await using var application = new IntakeApplication(folder);
        var client = application.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/api/drafts/open-draft/comments", "/api/deputies/D0001/messages" })
        {
            var noBoundary = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n意见\r\n--x--\r\n"u8.ToArray());
            noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
            var truncated = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n意见"u8.ToArray());
            truncated.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");

            foreach (var answer in new[] { await client.PostAsync(path, noBoundary), await client.PostAsync(path, truncated) })
            {
                Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
                Assert.Contains("提交的表单格式不对", await answer.Content.ReadAsStringAsync());
            }
        }

        var message = await client.PostAsync("/api/deputies/D0001/messages", Form(("text", new string('长', 200_000))));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, message.StatusCode);
        var page = await message.Content.ReadAsStringAsync();
        Assert.Contains("留言内容最多 2000 字", page);
        Assert.DoesNotContain("意见内容", page);
    }

    [Fact]
    public async Task CommentReceiptPage_IsBehindTheLookupLimit()
    {
        await using var application = new IntakeApplication(withSearch: false, settings: new Dictionary<string, string?> { ["Intake:LookupsPerMinute"] = "2" });
        var client = application.CreateClient();

        var pages = new[]
        {
            await client.GetAsync("/api/drafts/open-draft/receipts/YJ261130-ZZZZZZZZ"),
            await client.GetAsync("/api/drafts/open-draft/receipts/YJ261130-ZZZZZZZY"),
            await client.GetAsync("/api/drafts/open-draft/receipts/YJ261130-ZZZZZZZX"),
        };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, pages[1].StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, pages[2].StatusCode);
        Assert.Contains("过于频繁", await pages[2].Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("\u202E")]
    [InlineData("\u202A")]
    [InlineData("\u2066")]
    [InlineData("\u2069")]
    public async Task PostComment_BidiControlInTextOrName_IsRefusedNamingTheField(string bidi)
    {
        await using var application = new IntakeApplication(withSearch: false);
        var client = application.CreateClient();

        var text = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "对第三条的意见" + bidi + "请补充。" });
        var name = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "对第三条的意见请补充。", name = "王" + bidi + "明" });

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Contains("改变文字显示方向", (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, name.StatusCode);
        var nameError = (await name.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString();
        Assert.Contains("姓名", nameError);
        Assert.Contains("改变文字显示方向", nameError);
    }
}
