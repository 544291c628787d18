using System.Text.RegularExpressions;

namespace Site.EndToEnd.Tests;

/// <summary>
/// Running text on a 375 px phone, plain and in 关怀模式, as a fresh tester read it: no number split from its unit
/// ("186" / "条", "10" / "个"), no date split ("2026 年 10" / "月"), no telephone number split after its area code
/// ("0731-" / "5xxx1101"), no deputy's name split ("赵" / "大勇", "王建" / "国"), no bracketed or quoted short term split
/// ("（草" / "案）", "“代" / "表”"), no line that starts with closing punctuation (a "，" alone at a line's
/// start), and nothing wider than the screen. Every page kind, and the pages where the tester met them: the closed
/// first reading of a draft, the privacy notice, stories naming deputies, the search page's notices.
/// </summary>
[Collection(nameof(SampleServer))]
public sealed partial class LineBreakRulesTests(SampleServer server)
{
    /// <summary>Pages beyond one of each kind: where the tester found text broken.</summary>
    internal static readonly string[] MorePaths =
    [
        "/drafts/wuye-guanli-tiaoli-yishen/", "/privacy/", "/stories/daibiao-fengcai-nongji/", "/stories/yisuhe-jiedai-ri/",
        "/search/?q=%E4%BB%A3%E8%A1%A8", "/ballots/huashi-2026/", "/regions/430321100/", "/deputies/D0004/",
    ];

    public static TheoryData<string, bool> PagesAndModes
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var path in PageKindTests.Paths.Concat(MorePaths))
            {
                data.Add(path, false);
                data.Add(path, true);
            }

            return data;
        }
    }

    [BrowserTheory]
    [MemberData(nameof(PagesAndModes))]
    public async Task RunningText_AtPhoneWidth_KeepsNumbersNamesAndTermsWhole_AndNoLineStartsWithClosingPunctuation(string path, bool care)
    {
        var page = await server.OpenAsync("phone", path, care);
        var name = "line-rules-" + (care ? "care-" : "") + PageKindTests.Name(path);
        await SampleServer.JourneyAsync(page, name, async () =>
        {
            if (path.StartsWith("/search/?q=", StringComparison.Ordinal))
            {
                await Microsoft.Playwright.Assertions.Expect(page.Locator(".search-hits li").First).ToBeVisibleAsync();
            }

            // On a search page the words searched for are a term too (the notice's "要看全部代表？" broke as "代" / "表").
            var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri(server.BaseUrl), path).Query)["q"];
            var terms = string.IsNullOrEmpty(query) ? DeputyNames.Value : [.. DeputyNames.Value, query];
            var broken = await BrokenLines.FindInTextAsync(page, "main, .site-footer", terms);
            Assert.True(broken.Length == 0, "broken across lines:\n" + string.Join("\n", broken));
            // The pages beyond one of each kind are checked for width here too (the first reading's channel table was 3 px too wide).
            var overflowing = await page.EvaluateAsync<string[]>(PhoneLayoutTests.OverflowScript);
            Assert.True(overflowing.Length == 0, "wider than the 375 px screen:\n" + string.Join("\n", overflowing));
        });
    }

    /// <summary>The sample's deputies' names (input/deputies/deputies.yaml in this repository).</summary>
    private static readonly Lazy<string[]> DeputyNames = new(() =>
        NameLine().Matches(File.ReadAllText(Path.Combine(SampleServer.RepositoryRoot(), "input", "deputies", "deputies.yaml")))
            .Select(m => m.Groups[1].Value.Trim()).Where(n => n.Length > 0).Distinct().ToArray());

    [GeneratedRegex(@"(?m)^\s*(?:-\s+)?name:\s*(\S+)\s*$")]
    private static partial Regex NameLine();
}
