using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// The README's run command on a copy of the bundled sample: `site serve` (build, static pages and the
/// endpoint on one Kestrel at 127.0.0.1) with its own SQLite file, and one headless Chromium (Debian's,
/// launched by Playwright without any download). The open draft's period is moved to be open today,
/// so the journeys do not depend on the date the tests run. Where the browser suite cannot run
/// (<see cref="BrowserPrerequisite"/>) it starts nothing.
/// </summary>
public sealed partial class SampleServer : IAsyncLifetime
{
    public static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "site-e2e-" + Guid.NewGuid().ToString("N")[..10]);
    private Process? _server;
    private IPlaywright? _playwright;

    /// <summary>The staff token (Intake:ExportToken) the office's export and import ask for.</summary>
    public const string StaffToken = "e2e-staff-token-5Hn8Qz2Lw7Kc";

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = default!;

    public string Output => Path.Combine(_root, "_site");

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Site.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Site.sln not found above the test binaries");
    }

    /// <summary>Where failure screenshots are kept (and the ones a person looks at).</summary>
    public static string ScreenshotFolder => Path.Combine(RepositoryRoot(), "tests", "Site.EndToEnd.Tests", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (BrowserPrerequisite.SkipReason is not null)
        {
            return; // every test is reported as skipped (BrowserFact), so nothing is started
        }

        var repository = RepositoryRoot();
        foreach (var folder in new[] { "content", "input", "theme/assets" })
        {
            Copy(Path.Combine(repository, folder), Path.Combine(_root, folder));
        }

        var draft = Path.Combine(_root, "content", "drafts", "wuye-guanli-tiaoli.md");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        File.WriteAllText(draft, ClosesLine().Replace(
            OpensLine().Replace(File.ReadAllText(draft), "opens: " + today.AddDays(-20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "closes: " + today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", $"{Path.Combine(AppContext.BaseDirectory, "site.dll")} serve --root {_root} --port {port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Intake__Sqlite"] = Path.Combine(_root, "comments.db");
        info.Environment["Intake__ExportToken"] = StaffToken;
        _server = Process.Start(info)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        using var client = new HttpClient();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await client.GetAsync(BaseUrl + "/")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (attempt < 600)
            {
            }

            await Task.Delay(100);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserPrerequisite.Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>The copy of the sample the server builds from (tests that edit content write here).</summary>
    public string Root => _root;

    /// <summary>
    /// A fresh browser context (own storage) at a phone (375×812), desktop (1280×800) or wide desktop
    /// (1366×768) size; with <paramref name="care"/>, 关怀模式 was turned on before (as care.js remembers it).
    /// The site's Content-Security-Policy applies, so a journey fails if the site's own scripts are blocked;
    /// <paramref name="injectsTools"/> lifts it for tests that add their own inline tools (axe-core, jsQR).
    /// </summary>
    public async Task<IPage> OpenAsync(string viewport, string path = "/", bool care = false, bool injectsTools = false)
    {
        var size = viewport switch
        {
            "phone" => new ViewportSize { Width = 375, Height = 812 },
            "wide" => new ViewportSize { Width = 1366, Height = 768 },
            _ => new ViewportSize { Width = 1280, Height = 800 },
        };
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = size,
            IsMobile = viewport == "phone",
            HasTouch = viewport == "phone",
            Locale = "zh-CN",
            BaseURL = BaseUrl,
            BypassCSP = injectsTools,
        });
        if (care)
        {
            await context.AddInitScriptAsync("try { localStorage.setItem('site-care', '1'); } catch (e) { }");
        }

        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>Runs a journey; on failure keeps a screenshot named after it, then rethrows.</summary>
    public static async Task JourneyAsync(IPage page, string name, Func<Task> journey)
    {
        try
        {
            await journey();
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotFolder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"(?m)^opens:.*$")]
    private static partial Regex OpensLine();

    [GeneratedRegex(@"(?m)^closes:.*$")]
    private static partial Regex ClosesLine();
}

[CollectionDefinition(nameof(SampleServer))]
public sealed class SampleServerCollection : ICollectionFixture<SampleServer>;
