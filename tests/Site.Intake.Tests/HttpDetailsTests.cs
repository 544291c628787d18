using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Site.Intake.Tests;

/// <summary>
/// Testers' findings on a real Kestrel at 127.0.0.1: HEAD on the GET addresses answered 405, and
/// zero-width characters counted toward a comment's minimum length.
/// </summary>
public sealed class HttpDetailsTests
{
    /// <summary>Sends <paramref name="request"/> as bytes on a socket and reads the answer to the end (the request says Connection: close).</summary>
    private static async Task<(string Head, string Body)> RawAsync(Uri server, string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var answer = await reader.ReadToEndAsync();
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (answer[..end], answer[(end + 4)..]);
    }

    private static string Header(string head, string name) =>
        head.Split("\r\n").Select(l => l.Split(": ", 2)).Where(p => p.Length == 2 && p[0].Equals(name, StringComparison.OrdinalIgnoreCase)).Select(p => p[1]).FirstOrDefault() ?? "";

    [Fact]
    public async Task Head_OnGetAddresses_AnswersLikeGetWithoutABody()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { article = "article-1", text = "建议明确物业服务收费标准并按季度公示。" })).StatusCode);

        string Request(string method, string path, string? token = null) =>
            $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{(token is null ? "" : $"Authorization: Bearer {token}\r\n")}Connection: close\r\n\r\n";

        var (statsHead, statsBody) = await RawAsync(server.BaseAddress, Request("HEAD", "/api/drafts/open-draft/stats"));
        var get = await client.GetAsync("/api/drafts/open-draft/stats");
        Assert.StartsWith("HTTP/1.1 200", statsHead);
        Assert.Equal("", statsBody);
        Assert.Equal(get.Content.Headers.ContentType!.ToString(), Header(statsHead, "Content-Type"));
        Assert.Equal(1, (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("comments").GetInt32());

        // A file answer gives its length: the same as GET's, with no bytes after the headers.
        var (exportHead, exportBody) = await RawAsync(server.BaseAddress, Request("HEAD", "/api/drafts/open-draft/export.csv", IntakeApplication.StaffToken));
        var export = await RawAsync(server.BaseAddress, Request("GET", "/api/drafts/open-draft/export.csv", IntakeApplication.StaffToken));
        Assert.StartsWith("HTTP/1.1 200", exportHead);
        Assert.Equal("", exportBody);
        Assert.Equal(Header(export.Head, "Content-Disposition"), Header(exportHead, "Content-Disposition"));
        if (Header(export.Head, "Content-Length") is { Length: > 0 } length)
        {
            Assert.Equal(length, Header(exportHead, "Content-Length"));
        }

        // Refusals answer HEAD as they answer GET: the status and headers of the problem, no body.
        var (unknownHead, unknownBody) = await RawAsync(server.BaseAddress, Request("HEAD", "/api/drafts/no-such-draft/stats"));
        Assert.StartsWith("HTTP/1.1 404", unknownHead);
        Assert.Equal("", unknownBody);
        var (lockedHead, _) = await RawAsync(server.BaseAddress, Request("HEAD", "/api/drafts/open-draft/export.csv"));
        Assert.StartsWith("HTTP/1.1 401", lockedHead);

        // HEAD is no way round a POST-only address; the 405 names HEAD beside GET where GET is allowed.
        var postOnly = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/drafts/open-draft/comments"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postOnly.StatusCode);
        Assert.Equal(["POST"], postOnly.Content.Headers.Allow);
        var delete = await client.DeleteAsync("/api/drafts/open-draft/stats");
        Assert.Equal(["GET", "HEAD"], delete.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("好\u200B\u200B\u200B\u200B", 1)]
    [InlineData("同意\u2060\uFEFF\u200C\u200D", 2)]
    [InlineData("\u200B同\u200B意\u200B", 2)]
    public async Task ZeroWidthCharacters_DoNotCountTowardTheMinimumLength(string text, int counted)
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var answer = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var errors = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal($"意见内容至少 5 个字，当前 {counted} 个字", Assert.Single(errors.GetProperty("text").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task OnlyZeroWidthCharacters_AreRefusedNamingTheField_AndVisibleTextWithThemIsTaken()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var invisible = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "\u200B\u200C\u200D\u2060\uFEFF\u200B\u200B" });
        var form = await client.PostAsync("/api/drafts/open-draft/comments",
            new FormUrlEncodedContent([new("text", "\u200B\u200B\u200B\u200B\u200B\u200B"), new("idempotencyKey", "")]));

        // Five characters one sees, with zero-width spaces pasted between them, and a family emoji
        // (joined by U+200D) that is one character: both long enough.
        var visible = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "建议\u200B公开\u200B收支" });
        var emoji = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "👨\u200D👩\u200D👧支持此条" });

        Assert.Equal(HttpStatusCode.BadRequest, invisible.StatusCode);
        var message = Assert.Single((await invisible.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("text").EnumerateArray()).GetString();
        Assert.Equal("意见内容只有空白或看不见的字符，请填写文字", message);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("意见内容只有空白或看不见的字符", await form.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, visible.StatusCode);
        Assert.Equal(HttpStatusCode.Created, emoji.StatusCode);
    }
}
