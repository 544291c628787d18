using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Site.Intake.Tests;

/// <summary>
/// The endpoint as its own process on a real Kestrel at 127.0.0.1, the way it is deployed, so a
/// test can kill it with SIGKILL mid-write and start it again on the same data.
/// </summary>
public sealed class IntakeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private IntakeProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public Uri BaseAddress { get; }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Log => string.Join("\n", _log);

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    public static async Task<IntakeProcess> StartAsync(string dataFolder, string? postgres = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet", $"{Path.Combine(AppContext.BaseDirectory, "Site.Intake.dll")} --urls http://127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dataFolder,
        };
        info.Environment["Intake__DataPath"] = dataFolder;
        info.Environment["Intake__Sqlite"] = Path.Combine(dataFolder, "comments.db");
        info.Environment["Intake__ExportToken"] = IntakeApplication.StaffToken;
        info.Environment["Intake__PostsPerMinute"] = "1000000";
        info.Environment["Intake__LookupsPerMinute"] = "1000000";
        info.Environment["Intake__Postgres"] = postgres ?? "";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info)!;
        var intake = new IntakeProcess(process, port);
        process.OutputDataReceived += (_, e) => intake._log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => intake._log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var client = new HttpClient { BaseAddress = intake.BaseAddress };
        for (var attempt = 0; attempt < 200; attempt++)
        {
            try
            {
                var response = await client.GetAsync("/api/drafts/open-draft/stats");
                if (response.IsSuccessStatusCode)
                {
                    return intake;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }

        await intake.DisposeAsync();
        throw new InvalidOperationException("the endpoint did not start within 10 s:\n" + intake.Log);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; only what was committed survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
