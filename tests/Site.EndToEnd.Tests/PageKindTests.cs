using System.Diagnostics;
using System.Text.Json;
using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>Every page kind: no serious or critical accessibility violation (axe-core), valid HTML (html-validate), alt text on images.</summary>
[Collection(nameof(SampleServer))]
public sealed class PageKindTests(SampleServer server)
{
    /// <summary>One page of each kind the site has.</summary>
    internal static readonly string[] Paths =
    [
        "/", "/stories/", "/stories/peixun/", "/columns/lvzhi-gushi/", "/tags/",
        "/deputies/", "/deputies/D0001/", "/deputies/level/county/",
        "/stations/", "/stations/S01/", "/stations/S01/poster/", "/deputies/figures/", "/deputies/reports/", "/regions/430321/", "/regions/430321100201/", "/data/", "/suggestions/", "/suggestions/2026-001/", "/deputies/D0007/",
        "/drafts/", "/drafts/wuye-guanli-tiaoli/", "/drafts/wenming-xingwei-banfa/",
        "/ballots/", "/ballots/xiangtan-2026/", "/ballots/xiangtan-2025/P01/",
        "/search/", "/api/search/page?q=%E4%BB%A3%E8%A1%A8", "/receipts/", "/about/", "/no-such-page/",
    ];

    public static TheoryData<string> PageKinds => new(Paths);

    [BrowserTheory]
    [MemberData(nameof(PageKinds))]
    public async Task PageKind_HasNoSeriousAccessibilityViolation(string path)
    {
        var page = await server.OpenAsync("phone", path, injectsTools: true);
        await AssertAccessibleAsync(page, "axe-" + Name(path));
    }

    /// <summary>The same in 关怀模式 (large type, stronger colours), as a person who turned it on sees every page.</summary>
    [BrowserTheory]
    [MemberData(nameof(PageKinds))]
    public async Task PageKind_InCareMode_HasNoSeriousAccessibilityViolation(string path)
    {
        var page = await server.OpenAsync("phone", path, care: true, injectsTools: true);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('care')"));
        await AssertAccessibleAsync(page, "axe-care-" + Name(path));
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        await SampleServer.JourneyAsync(page, name, async () =>
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(NodeModules, "axe-core", "axe.min.js") });
            var violations = await page.EvaluateAsync<string[]>("""
                async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
                """);
            Assert.Empty(violations);

            var imagesWithoutAlt = await page.EvaluateAsync<int>("() => [...document.images].filter(i => !i.hasAttribute('alt')).length");
            Assert.Equal(0, imagesWithoutAlt);
        });
    }

    [BrowserFact]
    public async Task EveryPageKind_IsValidHtml()
    {
        var folder = Path.Combine(Path.GetTempPath(), "html-validate-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
            var files = new List<string>();
            foreach (var path in Paths)
            {
                var file = Path.Combine(folder, Name(path) + ".html");
                var response = await client.GetAsync(path);
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                files.Add(file);
            }

            var (exit, output) = await RunAsync("node", [Path.Combine(NodeModules, "html-validate", "bin", "html-validate.mjs"),
                "--config", Path.Combine(TestFolder, ".htmlvalidate.json"), "-f", "text", .. files]);

            Assert.True(exit == 0, "html-validate found problems:\n" + output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string TestFolder => Path.Combine(SampleServer.RepositoryRoot(), "tests", "Site.EndToEnd.Tests");

    private static string NodeModules => Path.Combine(TestFolder, "node_modules");

    internal static string Name(string path)
    {
        var name = new string(path.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return name.Length == 0 ? "home" : name;
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
