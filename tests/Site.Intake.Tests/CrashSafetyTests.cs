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
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or IOException)
                {
                    // The kill cut this request: it was never acknowledged, so it may or may not be stored.
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
