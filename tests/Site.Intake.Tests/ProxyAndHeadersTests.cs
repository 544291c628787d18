using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Site.Intake.Http;
using Site.Intake.Submissions;

namespace Site.Intake.Tests;

/// <summary>#20 cases 12 and 15 on a real Kestrel at 127.0.0.1: who a client is, how often it may post, what every answer carries.</summary>
public sealed partial class ProxyAndHeadersTests
{
    private static HttpRequestMessage Post(string text, string? forwardedFor = null, string? origin = null, bool form = false)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/drafts/open-draft/comments")
        {
            Content = form
                ? new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = text })
                : JsonContent.Create(new { text }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return request;
    }

    // Case 12: behind a proxy every citizen shared one bucket; refused cross-site posts used up the quota; a limited form post got JSON.
    [Fact]
    public async Task RateLimit_PerVisitorBehindAKnownProxy_RefusedPostsNotCounted_FormsGetAPage()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false), settings: new Dictionary<string, string>
        {
            ["Intake:PostsPerMinute"] = "2",
            ["Intake:KnownProxies:0"] = "127.0.0.1",
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var crossSite = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            crossSite.Add((await client.SendAsync(Post("别的网站替人提交的意见。", "203.0.113.1", "https://evil.example"))).StatusCode);
        }

        var first = await client.SendAsync(Post("第一位市民的第一条意见。", "203.0.113.1"));
        var second = await client.SendAsync(Post("第一位市民的第二条意见。", "203.0.113.1"));
        var third = await client.SendAsync(Post("第一位市民的第三条意见。", "203.0.113.1"));
        var thirdAsForm = await client.SendAsync(Post("第一位市民用表单提交的意见。", "203.0.113.1", form: true));
        var neighbour = await client.SendAsync(Post("第二位市民的意见。", "203.0.113.2"));

        Assert.All(crossSite, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.Contains("提交过于频繁", (await third.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.TooManyRequests, thirdAsForm.StatusCode);
        Assert.Equal("text/html", thirdAsForm.Content.MediaType());
        Assert.Contains("提交过于频繁", await thirdAsForm.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, neighbour.StatusCode);
    }

    // Fresh testers: the limits were keyed on the exact address, and a phone owns a whole IPv6 /64, so
    // it could post without limit by changing the last 64 bits. IPv6 clients are keyed by their /64,
    // IPv4 clients by their address (a neighbour one address on is someone else).
    [Fact]
    public async Task RateLimit_KeysIpv6ByItsSlash64_AndIpv4ByTheAddress()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false), settings: new Dictionary<string, string>
        {
            ["Intake:PostsPerMinute"] = "2",
            ["Intake:KnownProxies:0"] = "127.0.0.1",
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        async Task<HttpStatusCode> PostFromAsync(string address, int i) =>
            (await client.SendAsync(Post($"从 {address} 提交的第{i}条意见。", address))).StatusCode;

        var samePrefix = new List<HttpStatusCode>();
        foreach (var (address, i) in new[] { "2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff:1:2:3", "2001:db8:1:2:abcd::9" }.Select((a, i) => (a, i)))
        {
            samePrefix.Add(await PostFromAsync(address, i));
        }

        var otherPrefix = await PostFromAsync("2001:db8:1:3::1", 0);
        var ipv4 = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            ipv4.Add(await PostFromAsync("203.0.113.7", i));
        }

        var ipv4Neighbour = await PostFromAsync("203.0.113.8", 0);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], samePrefix);
        Assert.Equal(HttpStatusCode.Created, otherPrefix);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], ipv4);
        Assert.Equal(HttpStatusCode.Created, ipv4Neighbour);
        Assert.Equal("2001:db8:1:2::/64", SubmissionRateLimit.ClientKey(IPAddress.Parse("2001:db8:1:2:ffff:1:2:3")));
        Assert.Equal("203.0.113.7", SubmissionRateLimit.ClientKey(IPAddress.Parse("::ffff:203.0.113.7")));
    }

    // Case 12: X-Forwarded-For from a client that is not a configured proxy is ignored.
    [Fact]
    public async Task RateLimit_ForwardedForFromAnUnknownSender_IsIgnored()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false), settings: new Dictionary<string, string>
        {
            ["Intake:PostsPerMinute"] = "2",
        });
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.SendAsync(Post($"自称换了地址的第{i}条意见。", $"198.51.100.{i}"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
    }

    // Case 15: the endpoint's own answers carried none of the headers netlify.toml sets; netlify.toml had no HSTS.
    [Fact]
    public async Task EveryAnswer_CarriesTheSecurityHeadersOfNetlifyToml()
    {
        var toml = File.ReadAllText(Path.Combine(RepositoryRoot(), "netlify.toml"));
        var site = TomlHeaders(toml, "/*");
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder());
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        var answers = new[]
        {
            await client.GetAsync("/api/drafts/open-draft/stats"),
            await client.GetAsync("/api/search/page?q=" + Uri.EscapeDataString("接待日")),
            await client.GetAsync("/api/drafts/no-such-draft/stats"),
            await client.SendAsync(Post("短")),
            await client.GetAsync("/api/drafts/open-draft/export.csv"),
        };

        Assert.Equal(SecurityHeaders.Values.OrderBy(h => h.Key), site.Where(h => h.Key != "Strict-Transport-Security").OrderBy(h => h.Key));
        Assert.Equal(SecurityHeaders.StrictTransportSecurity, site["Strict-Transport-Security"]);
        Assert.All(answers, answer => Assert.All(SecurityHeaders.Values, header =>
            Assert.Equal(header.Value, string.Join(", ", answer.Headers.TryGetValues(header.Key, out var v) ? v : []))));
    }

    // Case 15: no limit on wrong tokens, no Cache-Control: no-store, "bearer" in lower case refused.
    // The office's sheet over HTTP shares the guard: locked out there too.
    [Fact]
    public async Task Export_SchemeInAnyCase_NoStore_WrongTokensLimited()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };

        async Task<HttpResponseMessage> ExportAsync(string authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/drafts/open-draft/export.csv");
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            return await client.SendAsync(request);
        }

        // A link opened in a browser sends no token: 401 with the challenge, but no guess is counted.
        var noToken = new List<HttpStatusCode>();
        for (var i = 0; i < Site.Intake.Export.ExportGuard.FailuresAllowed * 2; i++)
        {
            noToken.Add((await client.GetAsync("/api/drafts/open-draft/export.csv")).StatusCode);
        }

        Assert.All(noToken, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        var lower = await ExportAsync("bearer " + IntakeApplication.StaffToken);
        var wrong = new List<HttpStatusCode>();
        var challenges = new List<string>();
        for (var i = 0; i < Site.Intake.Export.ExportGuard.FailuresAllowed + 1; i++)
        {
            using var answer = await ExportAsync("Bearer guess-" + i);
            wrong.Add(answer.StatusCode);
            challenges.Add(answer.Headers.WwwAuthenticate.ToString());
        }

        var rightAfterGuessing = await ExportAsync("Bearer " + IntakeApplication.StaffToken);
        var wrongAfterRight = await ExportAsync("Bearer guess-once-more");

        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Equal("no-store", lower.Headers.CacheControl?.ToString());
        Assert.All(wrong.Take(Site.Intake.Export.ExportGuard.FailuresAllowed), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, wrong[^1]);
        Assert.All(challenges.Take(Site.Intake.Export.ExportGuard.FailuresAllowed), c => Assert.Equal("Bearer", c));

        // Fresh testers: the right token went through a lockout, so a guesser learnt it from the one
        // answer that was not 429. A lockout now holds for every token until its window has moved on.
        Assert.Equal(HttpStatusCode.TooManyRequests, rightAfterGuessing.StatusCode);
        Assert.Contains("令牌错误次数过多", (await rightAfterGuessing.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("detail").GetString());
        Assert.Equal("no-store", rightAfterGuessing.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.TooManyRequests, wrongAfterRight.StatusCode);
        Assert.Equal("https://www.rfc-editor.org/rfc/rfc6585#section-4",
            (await wrongAfterRight.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("type").GetString());
        Assert.Equal("no-store", wrongAfterRight.Headers.CacheControl?.ToString());
        using var sheet = new HttpRequestMessage(HttpMethod.Get, "/api/messages/export.xlsx");
        sheet.Headers.Authorization = new("Bearer", IntakeApplication.StaffToken);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SendAsync(sheet)).StatusCode);
    }

    // Fresh testers: any staff token was taken, "1234" too. A weak one stops the start with a Chinese
    // line naming the setting (exit 1); an empty one leaves the HTTP export off.
    [Theory]
    [InlineData("1234")]
    [InlineData("renda2026renda2026renda2026")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("staff token with spaces 7Kq2M9pXw4Rt8Vb3")]
    public async Task WeakStaffToken_StopsTheStart_NamingTheSetting(string token)
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        var info = new System.Diagnostics.ProcessStartInfo("dotnet", $"{Path.Combine(AppContext.BaseDirectory, "Site.Intake.dll")} --urls http://127.0.0.1:0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
        };
        info.Environment["Intake__DataPath"] = folder;
        info.Environment["Intake__Sqlite"] = Path.Combine(folder, "comments.db");
        info.Environment["Intake__ExportToken"] = token;
        using var process = System.Diagnostics.Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(1, process.ExitCode);
        var said = await error;
        Assert.Contains("Intake:ExportToken", said);
        Assert.Contains("Intake__ExportToken", said);
        Assert.Contains("openssl rand -hex 24", said);
        Assert.DoesNotContain(token, said + await output);
    }

    // Case 9: 20 posts of 28 MB were each read whole before the length check (the process reached 2 GB).
    [Fact]
    public async Task PostComment_Of28Megabytes_Answers413AndTheEndpointGoesOn()
    {
        await using var server = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false));
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        var body = new byte[28 * 1024 * 1024];
        Array.Fill(body, (byte)'a');

        using var sized = new ByteArrayContent(body);
        sized.Headers.ContentType = new("application/json");
        var declared = await client.PostAsync("/api/drafts/open-draft/comments", sized);
        using var streamed = new StreamContent(new MemoryStream(body));
        streamed.Headers.ContentType = new("application/x-www-form-urlencoded");
        HttpStatusCode? chunked;
        try
        {
            chunked = (await client.PostAsync("/api/drafts/open-draft/comments", streamed)).StatusCode;
        }
        catch (HttpRequestException)
        {
            // Kestrel may close the connection while the rest of an undeclared body is still coming.
            chunked = null;
        }

        var after = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "大请求之后的正常意见。" });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Contains("提交的内容过大", await declared.Content.ReadAsStringAsync());
        Assert.True(chunked is null or HttpStatusCode.RequestEntityTooLarge, $"chunked: {chunked}");
        Assert.Equal(HttpStatusCode.Created, after.StatusCode);
    }

    /// <summary>The folder holding Site.sln: netlify.toml is part of the repository.</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Site.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Site.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The headers netlify.toml sets for one path (its [[headers]] table with that "for").</summary>
    private static Dictionary<string, string> TomlHeaders(string toml, string path)
    {
        var table = toml.Split("[[headers]]").Single(t => t.Contains($"for = \"{path}\"", StringComparison.Ordinal));
        return HeaderLine().Matches(table).Where(m => m.Groups[1].Value != "for").ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    [GeneratedRegex("""^\s*([A-Za-z-]+)\s*=\s*"(.*)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}

internal static class ContentExtensions
{
    public static string? MediaType(this HttpContent content) => content.Headers.ContentType?.MediaType;
}
