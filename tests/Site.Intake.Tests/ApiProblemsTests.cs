using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Site.Intake.Http;

namespace Site.Intake.Tests;

/// <summary>
/// Fresh testers' findings on a real Kestrel at 127.0.0.1: answers without a Chinese problem (Kestrel's
/// own refusals, values that do not bind, a wrong method), a lone surrogate reported as a type error,
/// and a GBK form stored percent-encoded.
/// </summary>
public sealed class ApiProblemsTests
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage answer)
    {
        Assert.Equal("application/problem+json", answer.Content.MediaType());
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Sends <paramref name="request"/> as bytes on a socket (HttpClient will not send a "%00" path) and reads the answer to the end.</summary>
    private static async Task<string> RawAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    [Fact]
    public async Task KestrelsOwnRefusals_AreChineseProblemJsonWithTheSecurityHeaders()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));

        var nul = await RawAsync(server.BaseAddress, "GET /api/drafts/a%00b/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var longUrl = await RawAsync(server.BaseAddress, $"GET /api/search?q={new string('a', 9000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var bigHeaders = await RawAsync(server.BaseAddress, $"GET /api/search HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Filler: {new string('a', 40_000)}\r\n\r\n");
        // ~1,000 pasted characters in the no-JavaScript search form: a page the citizen can read, not JSON.
        var longSearchPage = await RawAsync(server.BaseAddress, $"GET /api/search/page?q={Uri.EscapeDataString(new string('长', 1000))} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        foreach (var (answer, status, title) in new[] { (nul, 400, "请求有误"), (longUrl, 414, "网址过长"), (bigHeaders, 431, "请求头过大") })
        {
            var (head, body) = (answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)], answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
            Assert.StartsWith($"HTTP/1.1 {status} ", head);
            Assert.Contains("Content-Type: application/problem+json; charset=utf-8", head);
            Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", head);
            Assert.All(SecurityHeaders.Values, h => Assert.Contains($"{h.Key}: {h.Value}", head));
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.Equal(status, problem.GetProperty("status").GetInt32());
            Assert.Equal(title, problem.GetProperty("title").GetString());
            Assert.Matches("\\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString()!);
        }

        Assert.StartsWith("HTTP/1.1 414 ", longSearchPage);
        Assert.Contains("Content-Type: text/html; charset=utf-8", longSearchPage);
        Assert.Contains("搜索词最多 100 个字", longSearchPage);
        Assert.Contains("href=\"/search/\"", longSearchPage);

        // The connection's answers that are not Kestrel's refusals pass as they were written.
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var stats = await client.GetAsync("/api/drafts/open-draft/stats");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        Assert.Equal("open-draft", (await stats.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("draft").GetString());
    }

    // A body sent too slowly is the client's failure (Kestrel's minimum data rate), not the store's: 408 in
    // Chinese, not 503 "the store is down" with an error in the log.
    [Fact]
    public async Task ABodySentTooSlowly_Answers408InChinese_NotAStoreFailure()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));

        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var answer = await RawAsync(server.BaseAddress,
            "POST /api/drafts/open-draft/comments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"text\":\"").WaitAsync(deadline.Token);

        var head = answer[..answer.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        var body = answer[(answer.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        Assert.StartsWith("HTTP/1.1 408 ", head);
        Assert.DoesNotContain("Retry-After", head);
        Assert.Contains("application/problem+json", head);
        Assert.Contains("内容发送得太慢", body); // the body may come in chunks
    }

    [Fact]
    public async Task ValuesThatDoNotBind_AndAWrongMethod_AnswerInChinese()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);

        var all = await client.GetAsync("/api/messages/export.xlsx?all=maybe");
        var page = await client.GetAsync("/api/search?q=%E8%81%94%E7%BB%9C%E7%AB%99&page=abc");
        var delete = await client.DeleteAsync("/api/drafts/open-draft/stats");
        var postToSearch = await client.PostAsync("/api/search", new StringContent(""));
        var getComments = await client.GetAsync("/api/drafts/open-draft/comments");
        var nowhere = await client.GetAsync("/api/nowhere");

        Assert.Equal(HttpStatusCode.BadRequest, all.StatusCode);
        Assert.Equal("参数 all 的值“maybe”不对，应为 true 或 false", (await ProblemAsync(all)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var pageProblem = await ProblemAsync(page);
        Assert.Equal("参数 page 的值“abc”不对，应为整数（如 2）", pageProblem.GetProperty("detail").GetString());
        Assert.Equal("请求有误", pageProblem.GetProperty("title").GetString());

        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Equal(["GET", "HEAD"], delete.Content.Headers.Allow);
        Assert.Contains("不接受 DELETE 请求", (await ProblemAsync(delete)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postToSearch.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, getComments.StatusCode);
        Assert.Equal(["POST"], getComments.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Equal("没有这个接口", (await ProblemAsync(nowhere)).GetProperty("title").GetString());
    }

    // A lone surrogate ("\ud800") is text no store can keep: reported as a character the field cannot
    // hold, naming the field, not as "the value has the wrong type".
    [Theory]
    [InlineData("text", "意见内容")]
    [InlineData("name", "姓名")]
    public async Task LoneSurrogateInJson_IsAnInvalidCharacterOfThatField(string field, string label)
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var json = field == "text"
            ? """{"text":"建议增加\ud800停车位。"}"""
            : """{"text":"建议增加小区停车位。","name":"李\udc00明"}""";

        var answer = await client.PostAsync("/api/drafts/open-draft/comments", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var message = Assert.Single((await ProblemAsync(answer)).GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;
        Assert.Contains(label, message);
        Assert.Contains("无法识别的字符", message);
        Assert.DoesNotContain("类型", message);
    }

    // Old feature phones and some in-app browsers post forms in GBK and say so in the charset; the
    // form reader decoded %XX as UTF-8 and kept the rest percent-encoded, and that was stored.
    [Fact]
    public async Task FormInGbk_IsStoredAsTheTextTyped_OtherCharsetsAndBadBytesAreRefused()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseAddress };
        var gbk = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        const string Text = "建议在易俗河镇增设公交站点，方便老人出行。";
        const string Name = "李明";

        HttpContent Form(string body, string contentType)
        {
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            return content;
        }

        string Encode(string value) => System.Web.HttpUtility.UrlEncode(value, gbk);

        var body = $"article=article-1&text={Encode(Text)}&name={Encode(Name)}";
        Assert.Contains("%bd%a8%d2%e9", body); // 建议 in GBK: real GBK bytes, not UTF-8 (%e5%bb%ba%e8%ae%ae)
        var stored = await client.PostAsync("/api/drafts/open-draft/comments", Form(body, "application/x-www-form-urlencoded; charset=gbk"));
        var gb18030 = await client.PostAsync("/api/drafts/open-draft/comments", Form($"text={Encode("第二条意见：路灯太暗。")}", "application/x-www-form-urlencoded; charset=GB18030"));
        var withoutCharset = await client.PostAsync("/api/drafts/open-draft/comments", Form($"text={Encode("没有说明编码的意见。")}", "application/x-www-form-urlencoded"));
        var shiftJis = await client.PostAsync("/api/drafts/open-draft/comments", Form("text=%82%A0%82%A2", "application/x-www-form-urlencoded; charset=shift_jis"));
        var notGbk = await client.PostAsync("/api/drafts/open-draft/comments", Form("text=%FF%FF%FF%FF", "application/x-www-form-urlencoded; charset=gbk"));

        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, gb18030.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutCharset.StatusCode);
        Assert.Contains("编码无法识别", await withoutCharset.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, shiftJis.StatusCode);
        var shiftJisPage = await shiftJis.Content.ReadAsStringAsync();
        Assert.Contains("无法识别提交内容的字符编码", shiftJisPage);
        Assert.Contains("shift_jis", shiftJisPage);
        Assert.Equal(HttpStatusCode.BadRequest, notGbk.StatusCode);
        Assert.Contains("不是有效的 GBK 编码", await notGbk.Content.ReadAsStringAsync());

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);
        var csv = await client.GetStringAsync("/api/drafts/open-draft/export.csv");
        Assert.Contains(Text, csv);
        Assert.Contains(Name, csv);
        Assert.Contains("第二条意见：路灯太暗。", csv);
        Assert.DoesNotContain("%", csv);
        Assert.DoesNotContain("\uFFFD", csv);
        Assert.Equal(3, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
