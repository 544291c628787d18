using System.Diagnostics;
using Site.Generator.Build;
using Site.Generator.Serving;

namespace Site.Benchmarks;

/// <summary>
/// What a person editing a story under `serve` waits for: the real server (file watcher, rebuild,
/// Kestrel on 127.0.0.1) over the `build` benchmark's stories. After the first build, one story is
/// edited E times; each time the clock runs from the save until the story's URL answers with the
/// edited text, the moment a reloading page would show it. The live-reload event stream is read
/// too, so the time the open page is told to reload is printed beside it.
/// </summary>
internal static class ServeBenchmark
{
    public static async Task<int> RunAsync(int stories, int edits, double pauseSeconds)
    {
        var root = Bench.TempFolder("serve");
        using var stop = new CancellationTokenSource();
        Task<int>? server = null;
        try
        {
            BuildBenchmark.Generate(root, stories);
            var options = BuildOptions.For(root);
            var port = FreePort();
            var clock = Stopwatch.StartNew();
            server = Task.Run(() => DevServer.RunAsync(options, port, stop.Token));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var edited = Directory.EnumerateFiles(Path.Combine(root, "content", "stories"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
            var url = $"/stories/{Path.GetFileNameWithoutExtension(edited)}/";

            // The first build: the story's URL answers 503 until it is done.
            while (!await AnswersAsync(http, url, null))
            {
                await Task.Delay(100);
            }

            Console.WriteLine($"first build served after {clock.Elapsed.TotalSeconds:0.00} s, peak working set {Bench.PeakMiB():0} MiB ({Load()})");
            await Task.Delay(TimeSpan.FromSeconds(pauseSeconds));

            using var events = await http.GetStreamAsync("/_serve/events");
            using var reader = new StreamReader(events);
            await reader.ReadLineAsync(); // the current state
            await reader.ReadLineAsync();

            var times = new List<double>();
            for (var i = 0; i < edits; i++)
            {
                var marker = $"补充更正第{i + 1}次{Guid.NewGuid():N}";
                var toldToReload = ReadEventAsync(reader);
                File.AppendAllText(edited, $"\n{marker}\n");
                var saved = Stopwatch.GetTimestamp();
                var save = Stopwatch.StartNew();
                while (!await AnswersAsync(http, url, marker))
                {
                    await Task.Delay(5);
                }

                var served = save.Elapsed.TotalMilliseconds;
                var told = Stopwatch.GetElapsedTime(saved, await toldToReload.WaitAsync(TimeSpan.FromSeconds(30))).TotalMilliseconds;
                times.Add(served);
                Console.WriteLine($"edit {i + 1}: new page served {served:0} ms after the save; open pages told to reload at {told:0} ms ({Load()})");

                // The person reads the page; serve collects the last build's garbage meanwhile.
                await Task.Delay(TimeSpan.FromSeconds(pauseSeconds));
            }

            times.Sort();
            Console.WriteLine($"save → served: min {times[0]:0} ms, median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms over {times.Count} edits");
            return 0;
        }
        finally
        {
            await stop.CancelAsync();
            if (server is not null)
            {
                await server.ContinueWith(_ => { }, TaskScheduler.Default);
            }

            Bench.Remove(root);
        }
    }

    /// <summary>The timestamp at which the event stream next says a build finished (what makes open pages reload).</summary>
    private static async Task<long> ReadEventAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                return Stopwatch.GetTimestamp();
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string url, string? marker)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode && (marker is null || (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.Ordinal));
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static string Load() => "load " + File.ReadAllText("/proc/loadavg").Split(' ')[0];

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
