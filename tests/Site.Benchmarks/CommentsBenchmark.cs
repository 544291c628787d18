using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Site.Intake;
using Site.Contracts;

namespace Site.Benchmarks;

/// <summary>
/// Sustained durable comments (or, with <c>messages</c>, messages to deputies, 留言) per second through the real endpoint on Kestrel at 127.0.0.1: C clients,
/// each on its own keep-alive connection (<see cref="LoopbackClient"/>), post for S seconds; every 201 means committed (SQLite synchronous=FULL, or PostgreSQL); then the
/// stored count is checked against the acknowledged count (zero lost).
/// </summary>
internal static class CommentsBenchmark
{
    public static async Task<int> RunAsync(int seconds, int clients, string? postgres, bool messages = false, int preload = 0)
    {
        var folder = Bench.TempFolder(messages ? "messages" : "comments");
        try
        {
            // What one durable commit costs the disk here, to tell a disk-bound store from a CPU-bound one.
            var (fsync50, fsync99) = FsyncLatency(folder);
            Console.WriteLine($"disk: fsync after an 8 KiB write p50 {fsync50:0.00} ms, p99 {fsync99:0.00} ms");

            var now = DateTimeOffset.UtcNow;
            var manifest = new DraftManifest([new DraftEntry("bench", "压测草案", "/drafts/bench/", now.AddDays(-1), now.AddDays(30),
                Enumerable.Range(1, 50).Select(n => new ArticleEntry($"article-{n}", $"第{n}条")).ToList())]);
            File.WriteAllText(Path.Combine(folder, DraftManifest.FileName), JsonSerializer.Serialize(manifest, DraftManifest.Json));
            var deputies = new DeputyManifest(Enumerable.Range(1, 50).Select(n => new DeputyEntry($"D{n:0000}", $"代表{n}", $"/deputies/D{n:0000}/", "S01")).ToList());
            File.WriteAllText(Path.Combine(folder, BuildContract.DeputiesFile), JsonSerializer.Serialize(deputies, BuildContract.ManifestJson));

            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["Intake:DataPath"] = folder;
            builder.Configuration["Intake:Sqlite"] = Path.Combine(folder, "comments.db");
            builder.Configuration["Intake:Postgres"] = postgres;
            builder.Configuration["Intake:PostsPerMinute"] = "100000000";
            builder.Configuration["Intake:ExportToken"] = StaffToken;
            builder.Services.AddIntake(builder.Configuration);
            await using var app = builder.Build();
            app.MapIntake();
            await app.StartAsync();
            var address = app.Urls.First();
            if (preload > 0)
            {
                // Stored through the store itself, as if the endpoint had taken them before a restart:
                // no request has counted them yet.
                var store = app.Services.GetRequiredService<Site.Intake.Storage.ICommentStore>();
                var loading = Stopwatch.StartNew();
                for (var start = 0; start < preload; start += 2000)
                {
                    await store.WriteBatchAsync(Enumerable.Range(start, Math.Min(2000, preload - start)).Select(k => new Site.Intake.Storage.NewComment(
                        "bench", $"article-{k % 50 + 1}", $"第{k % 64}号用户的第{k / 64}条意见：建议明确物业服务收费标准并按季度公示。", null, null, null, null,
                        $"preload-{k}", DateTimeOffset.UtcNow)).ToList(), CancellationToken.None);
                }

                Console.WriteLine($"preloaded {preload:N0} comments in {loading.Elapsed.TotalSeconds:0.0} s");
            }


            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var latencies = new List<double>[clients];
            var failures = 0;
            var stop = DateTime.UtcNow.AddSeconds(seconds);
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var mine = latencies[c] = new List<double>(100_000);
                var random = new Random(c);
                // One deputy per client: a LoopbackClient posts to one path.
                using var connection = await LoopbackClient.ConnectAsync(new Uri(address), messages ? $"/api/deputies/D{c % 50 + 1:0000}/messages" : "/api/drafts/bench/comments");
                for (var i = 0; DateTime.UtcNow < stop; i++)
                {
                    // The text holds no character JSON escapes, so plain interpolation is valid JSON.
                    var json = messages
                        ? $$"""{"text":"第{{c}}号用户的第{{i}}条留言：村口路灯坏了三个月，请代表帮忙反映。","contact":"1380000{{i % 10000:0000}}","wantsReply":true,"publish":{{(i % 2 == 0 ? "true" : "false")}}}"""
                        : $$"""{"article":"article-{{random.Next(1, 51)}}","text":"第{{c}}号用户的第{{i}}条意见：建议明确物业服务收费标准并按季度公示。"}""";
                    var start = Stopwatch.GetTimestamp();
                    var status = await connection.PostAsync(json);
                    if (status == (int)HttpStatusCode.Created)
                    {
                        mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            })));
            var elapsed = clock.Elapsed.TotalSeconds;
            var all = latencies.SelectMany(l => l).Order().ToList();
            var statsClock = Stopwatch.StartNew();
            var stored = messages
                ? await app.Services.GetRequiredService<Site.Intake.Storage.IMessageStore>().ListAsync(null, CancellationToken.None).CountAsync()
                : (await http.GetFromJsonAsync<JsonElement>("/api/drafts/bench/stats")).GetProperty("comments").GetInt32();
            if (!messages)
            {
                Console.WriteLine($"closing stats request {statsClock.Elapsed.TotalMilliseconds:N0} ms (peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB)");
                await StaffRequestsAsync(http, stored);
            }

            Console.WriteLine($"{(postgres is null ? "SQLite (WAL, synchronous=FULL)" : "PostgreSQL (fsync on, synchronous_commit on)")}, {clients} clients, {elapsed:0.0} s: " +
                $"{all.Count:N0} acknowledged = {all.Count / elapsed:N0} {(messages ? "messages" : "comments")}/s; latency p50 {Bench.Percentile(all, 50):0.00} ms, p99 {Bench.Percentile(all, 99):0.00} ms; " +
                $"refused {failures}; stored {stored:N0}, lost {Math.Max(0, all.Count - stored)}");
            await app.StopAsync();
            return all.Count <= stored ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Bench.Remove(folder);
        }
    }

    private const string StaffToken = "bench-staff-token-0123456789abcdefghijklmnopqrstuv";

    /// <summary>Exports above this many comments are skipped: their memory would crowd a shared machine.</summary>
    private const int MaxExported = 200_000;

    /// <summary>A second stats request, then the staff exports: time, size, and the process's peak working set after each.</summary>
    private static async Task StaffRequestsAsync(HttpClient http, int stored)
    {
        var clock = Stopwatch.StartNew();
        var stats = await http.GetFromJsonAsync<JsonElement>("/api/drafts/bench/stats");
        Console.WriteLine($"next stats {clock.Elapsed.TotalMilliseconds:N0} ms ({stats.GetProperty("groups")} groups, {stats.GetProperty("duplicated")} duplicated, groupsNote {stats.GetProperty("groupsNote")})");
        if (stored > MaxExported)
        {
            Console.WriteLine($"exports skipped: over {MaxExported:N0} comments");
            return;
        }

        foreach (var format in new[] { "csv", "xlsx" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/drafts/bench/export.{format}");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StaffToken);
            var allocated = GC.GetTotalAllocatedBytes();
            clock.Restart();
            using var answer = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await answer.Content.ReadAsStreamAsync();
            var bytes = 0L;
            var buffer = new byte[81920];
            for (int n; (n = await body.ReadAsync(buffer)) > 0;)
            {
                bytes += n;
            }

            Console.WriteLine($"export.{format} {(int)answer.StatusCode} {bytes / 1e6:0.0} MB in {clock.Elapsed.TotalSeconds:0.0} s, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1e6:N0} MB, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:N0} MB");
        }
    }

    private static (double P50, double P99) FsyncLatency(string folder)
    {
        var path = Path.Combine(folder, "fsync.probe");
        var block = new byte[8192];
        var latencies = new List<double>(300);
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
        {
            for (var i = 0; i < 300; i++)
            {
                file.Write(block);
                var start = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }

        File.Delete(path);
        latencies.Sort();
        return (Bench.Percentile(latencies, 50), Bench.Percentile(latencies, 99));
    }
}
