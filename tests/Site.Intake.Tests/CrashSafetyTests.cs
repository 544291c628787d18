using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Site.Intake.Tests;

/// <summary>
/// Every acknowledged submission survives a kill -9: posts stream in from several clients, the server
/// is killed mid-stream, restarted on the same store, and every receipt it gave is found again. One
/// harness (<see cref="Kill9DuringAStreamAsync"/>) for each kind: comments (checked in the staff
/// export) and messages to deputies and stations (checked by the receipt lookup).
/// </summary>
public abstract class CrashSafetyTests
{
    protected abstract Task<(string Folder, string? Postgres)> StoreAsync();

    [PostgresFact]
    public async Task Kill9_DuringAStreamOfPosts_LosesNoAcknowledgedComment()
    {
        var (folder, postgres) = await StoreAsync();
        var acknowledged = await Kill9DuringAStreamAsync(folder, postgres, (writer, i) => ("/api/drafts/open-draft/comments",
            new { article = "article-2", text = $"第{writer}号客户端的第{i}条意见，测试断电不丢。" }));

        await using var restarted = await IntakeProcess.StartAsync(folder, postgres);
        using var staff = new HttpClient { BaseAddress = restarted.BaseAddress };
        staff.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);
        var response = await staff.GetAsync("/api/drafts/open-draft/export.csv");
        Assert.True(response.IsSuccessStatusCode, $"export after restart: {response.StatusCode}\n{restarted.Log}");
        var export = await response.Content.ReadAsStringAsync();
        var stats = await staff.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        var missing = acknowledged.Where(r => !export.Contains(r, StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
        Assert.True(stats.GetProperty("comments").GetInt32() >= acknowledged.Count);
    }

    [PostgresFact]
    public async Task Kill9_DuringAStreamOfMessages_LosesNoAcknowledgedMessage()
    {
        var (folder, postgres) = await StoreAsync();
        var acknowledged = await Kill9DuringAStreamAsync(folder, postgres, (writer, i) => (writer % 2 == 0 ? "/api/deputies/D0001/messages" : "/api/stations/S01/messages",
            new { text = $"第{writer}号客户端的第{i}条留言，测试断电不丢。", contact = "13800000000", publish = i % 3 == 0 }));

        await using var restarted = await IntakeProcess.StartAsync(folder, postgres);
        using var client = new HttpClient { BaseAddress = restarted.BaseAddress };
        var missing = new List<string>();
        foreach (var receipt in acknowledged)
        {
            var response = await client.GetAsync($"/api/receipts/{receipt}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing.Add($"{receipt}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(missing);
    }

    /// <summary>
    /// Starts the endpoint, has 8 clients post what <paramref name="post"/> gives (path, JSON body) for
    /// client and sequence number, kills the process with SIGKILL once 300 receipts were given, and
    /// returns those receipts (each acknowledged with 201).
    /// </summary>
    protected static async Task<IReadOnlyCollection<string>> Kill9DuringAStreamAsync(string folder, string? postgres, Func<int, int, (string Path, object Body)> post)
    {
        var acknowledged = new ConcurrentBag<string>();
        await using var server = await IntakeProcess.StartAsync(folder, postgres);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var (path, body) = post(writer, i);
                    var response = await client.PostAsJsonAsync(path, body);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException or System.Net.Sockets.SocketException)
                {
                    // The kill cut this request: it was never acknowledged, so it may or may not be stored.
                    // (A connection made just as the process died can surface as a bare SocketException.)
                }
            }
        })).ToList();

        while (acknowledged.Count < 300)
        {
            await Task.Delay(20);
        }

        server.Kill();
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(acknowledged.Count >= 300);
        return acknowledged.ToList();
    }
}

public sealed class SqliteCrashSafetyTests : CrashSafetyTests
{
    protected override Task<(string, string?)> StoreAsync() => Task.FromResult<(string, string?)>((IntakeApplication.CreateDataFolder(), null));
}

[Collection(nameof(PostgresServer))]
public sealed class PostgresCrashSafetyTests(PostgresServer server) : CrashSafetyTests
{
    protected override async Task<(string, string?)> StoreAsync() => (IntakeApplication.CreateDataFolder(), await server.CreateDatabaseAsync());

    // The endpoint started while PostgreSQL does not accept connections yet (a deploy beside a database
    // that is still starting; LatePort refuses as it does): many requests at once, on every
    // store-backed path, are each answered 503 in Chinese with Retry-After (the stores set themselves
    // up on first use; setting them up inside the service container, blocking, once starved the
    // thread pool until the endpoint stopped answering), and once the database is there the same
    // process stores comments and messages.
    [PostgresFact]
    public async Task PostgresNotYetAccepting_AtStart_EveryRequestAnswers503InChinese_ThenTheSameProcessStores()
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());
        await using var late = new LatePort();
        var target = database.Port;
        database.Port = late.Port;
        var answers = new ConcurrentBag<(string Path, HttpStatusCode Status, bool RetryAfter, string? Detail)>();
        await using var endpoint = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false), database.ConnectionString, storeDown: true);
        using var client = new HttpClient { BaseAddress = endpoint.BaseAddress };
        await Task.WhenAll(Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < 8; i++)
            {
                var path = (i % 4) switch
                {
                    0 => "/api/drafts/open-draft/comments",
                    1 => "/api/deputies/D0001/messages",
                    2 => "/api/drafts/open-draft/stats",
                    _ => "/api/receipts/LY261130-7KQ2M9PX",
                };
                using var response = (i % 4) switch
                {
                    0 => await client.PostAsJsonAsync(path, new { text = $"第{sender}位市民在数据库启动前提交的第{i}条意见。" }),
                    1 => await client.PostAsJsonAsync(path, new { text = $"第{sender}位市民在数据库启动前写的第{i}条留言。", contact = "13800000000" }),
                    _ => await client.GetAsync(path),
                };
                var detail = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()
                    : null;
                answers.Add((path, response.StatusCode, response.Headers.RetryAfter is not null, detail));
            }
        })));

        late.Open(target);
        var comment = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = "数据库启动后提交的意见，应当保存。" });
        var message = await client.PostAsJsonAsync("/api/deputies/D0001/messages", new { text = "数据库启动后写给代表的留言，应当保存。", contact = "13800000000" });
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/drafts/open-draft/stats");

        Assert.Equal(16 * 8, answers.Count);
        Assert.All(answers, a => Assert.True(
            a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter && a.Detail?.Contains("暂时无法访问", StringComparison.Ordinal) == true,
            $"{a.Path}: {(int)a.Status} {a.Detail}\n{endpoint.Log}"));
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        Assert.Equal(HttpStatusCode.Created, message.StatusCode);
        Assert.Equal(1, stats.GetProperty("comments").GetInt32());
    }

    // #20 case 10 with the database gone: every post is answered (201, or 503 in Chinese with
    // Retry-After, never a 500), and every acknowledged comment is there once it is back.
    [PostgresFact]
    public async Task PostgresStopped_DuringAStreamOfPosts_Answers503AndLosesNoAcknowledgedComment()
    {
        var postgres = await server.CreateDatabaseAsync();
        await using var endpoint = await IntakeProcess.StartAsync(IntakeApplication.CreateDataFolder(withSearch: false), postgres);
        using var client = new HttpClient { BaseAddress = endpoint.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var acknowledged = new ConcurrentBag<string>();
        var answers = new ConcurrentBag<HttpStatusCode>();
        var unavailable = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var response = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { text = $"第{writer}号客户端的第{i}条意见，数据库停了也不丢。" });
                answers.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!);
                }
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null)
                {
                    unavailable.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!);
                }
            }
        })).ToList();

        try
        {
            while (acknowledged.Count < 100)
            {
                await Task.Delay(20);
            }

            server.Stop();
            while (unavailable.Count < 20)
            {
                await Task.Delay(20);
            }
        }
        finally
        {
            server.Start();
        }

        var before = acknowledged.Count;
        while (acknowledged.Count < before + 50)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);
        using var staff = new HttpClient { BaseAddress = endpoint.BaseAddress };
        staff.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);
        var export = await staff.GetStringAsync("/api/drafts/open-draft/export.csv");

        Assert.DoesNotContain(acknowledged, r => !export.Contains(r, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.Contains(a, new[] { HttpStatusCode.Created, HttpStatusCode.ServiceUnavailable }));
        Assert.All(unavailable, detail => Assert.Contains("暂时无法访问", detail));
    }
}
