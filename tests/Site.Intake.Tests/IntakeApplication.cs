using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Site.Contracts;
using Site.Intake.Search;
using Site.Search;
using Site.Theme.ViewModels;

namespace Site.Intake.Tests;

/// <summary>The endpoint on a real SQLite file in a temp folder, with a drafts.json like the build writes.</summary>
public sealed class IntakeApplication : WebApplicationFactory<Program>
{
    private readonly string? _postgres;
    private readonly TimeProvider? _clock;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="clock">The clock the endpoint reads (a <see cref="ManualClock"/> to move time on).</param>
    /// <param name="settings">More configuration, such as Intake:PostsPerMinute.</param>
    public IntakeApplication(string? folder = null, bool withSearch = true, string? postgres = null, TimeProvider? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _postgres = postgres;
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string?>();
        Folder = folder ?? CreateDataFolder(withSearch);
    }

    /// <summary>A temp folder with what the build writes for the endpoint: drafts.json (and the search data).</summary>
    public static string CreateDataFolder(bool withSearch = true)
    {
        var folder = Path.Combine(Path.GetTempPath(), "intake-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var now = DateTimeOffset.UtcNow;
        var manifest = new DraftManifest(
        [
            new DraftEntry("open-draft", "某某条例（草案）", "/drafts/open-draft/", now.AddDays(-3), now.AddDays(30),
                [new ArticleEntry("article-1", "第一条"), new ArticleEntry("article-2", "第二条"), new ArticleEntry("article-3", "第三条")]),
            new DraftEntry("closed-draft", "某某办法（征求意见稿）", "/drafts/closed-draft/", now.AddDays(-60), now.AddDays(-30),
                [new ArticleEntry("article-1", "第一条")]),
            new DraftEntry("reported-draft", "某某规定（草案）", "/drafts/reported-draft/", now.AddDays(-90), now.AddDays(-60),
                [new ArticleEntry("article-1", "第一条"), new ArticleEntry("article-2", "第二条")],
                new DraftFeedbackEntry(DateOnly.FromDateTime(now.AddDays(-20).UtcDateTime), "/drafts/reported-draft/#feedback", 40, 12,
                    [new ArticleOutcomeEntry("article-2", "部分采纳", "将办理时限由三十日缩短为十五日")])),
        ]);
        File.WriteAllText(Path.Combine(folder, DraftManifest.FileName), JsonSerializer.Serialize(manifest, DraftManifest.Json));
        WriteRecipients(folder);
        if (withSearch)
        {
            WriteSearchData(folder);
        }

        return folder;
    }

    /// <summary>
    /// deputies.json and stations.json as the build writes them: D0001 serving (station S01), D0002
    /// whose term ended a month ago (station S01), D0003 whose term ended and who had no station,
    /// D0004 whose term ends next month; stations S01 and S02.
    /// </summary>
    public static void WriteRecipients(string folder)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var deputies = new DeputyManifest(
        [
            new DeputyEntry("D0001", "王建国", "/deputies/D0001/", "S01"),
            new DeputyEntry("D0002", "李秀英", "/deputies/D0002/", "S01", today.AddMonths(-1)),
            new DeputyEntry("D0003", "张伟", "/deputies/D0003/", null, today.AddDays(-1)),
            new DeputyEntry("D0004", "刘芳", "/deputies/D0004/", "S02", today.AddMonths(1)),
        ]);
        var stations = new StationManifest(
        [
            new StationEntry("S01", "易俗河镇代表联络站", "/stations/S01/", "430321100"),
            new StationEntry("S02", "花石镇代表之家", "/stations/S02/", null),
        ]);
        File.WriteAllText(Path.Combine(folder, BuildContract.DeputiesFile), JsonSerializer.Serialize(deputies, BuildContract.ManifestJson));
        File.WriteAllText(Path.Combine(folder, BuildContract.StationsFile), JsonSerializer.Serialize(stations, BuildContract.ManifestJson));
    }

    /// <summary>A small real index and the chrome, as the build writes them.</summary>
    public static void WriteSearchData(string folder, IEnumerable<SearchDocument>? documents = null)
    {
        SearchIndexWriter.Write(Path.Combine(folder, SearchService.IndexFolder), documents ??
        [
            new SearchDocument("/stations/S01/", "易俗河镇代表联络站", "代表联络站 易俗河镇金霞路18号 接待日：每月15日", SearchTypes.Station, "易俗河镇"),
            new SearchDocument("/deputies/D0001/", "王建国", "县级人大代表 所在联络站：易俗河镇代表联络站", SearchTypes.Deputy, "易俗河镇", "county"),
            new SearchDocument("/stories/a/", "每月十五，联络站的门总是开着", "易俗河镇代表联络站的接待日 <b>不打烊</b>", SearchTypes.Story, "易俗河镇", Date: new DateOnly(2026, 3, 15)),
            new SearchDocument("/stories/b/", "花石镇代表之家", "花石镇的代表之家接待日", SearchTypes.Story, "花石镇", Date: new DateOnly(2025, 6, 1)),
        ]);
        var chrome = new SiteChrome("测试县人大", "测试县人大", "https://rd.example.org", "/assets/site.css", "/assets/site.js",
            [new NavItem("首页", "/", "home")], [new NavItem("关于本站", "/about/", "about")], "© 测试县人大");
        File.WriteAllText(Path.Combine(folder, SearchService.ChromeFile), JsonSerializer.Serialize(chrome, SearchService.ChromeJson));
    }

    /// <summary>The staff token (Intake:ExportToken) the endpoints under test accept: long and varied enough to start.</summary>
    public const string StaffToken = "staff-token-7Kq2M9pXw4Rt8Vb3";

    public string Folder { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Intake:DataPath"] = Folder,
            ["Intake:Sqlite"] = Path.Combine(Folder, "comments.db"),
            ["Intake:ExportToken"] = IntakeApplication.StaffToken,
            ["Intake:PostsPerMinute"] = "1000",
            ["Intake:LookupsPerMinute"] = "1000",
            ["Intake:Postgres"] = _postgres,
        };
        foreach (var (key, value) in _settings)
        {
            settings[key] = value;
        }

        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        if (_clock is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_clock));
        }
    }
}

/// <summary>A clock the test moves by hand: no test waits for real time to pass.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
