using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// Smaller things a fresh tester found on a 375 px phone and at 1366 px: the vote chart's pale bars unexplained, a
/// ballot's channel shares adding up to 99%, "14,130 万元", the open draft giving only its closing day, a region's
/// totals drawn as two boxes each, the footer's record links sitting lower than the text beside them.
/// </summary>
[Collection(nameof(SampleServer))]
public sealed partial class PhoneFindingsTests(SampleServer server)
{
    /// <summary>
    /// The key names every colour the bars have: a candidate not elected has a pale 赞成 part, and the key says so in its
    /// colour; its words are not split across lines.
    /// </summary>
    [BrowserTheory]
    [InlineData("/ballots/xiangtan-2025/", false)]
    [InlineData("/ballots/xiangtan-2025/", true)]
    public async Task VoteChart_KeyExplainsThePaleBars(string path, bool care)
    {
        var page = await server.OpenAsync("phone", path, care);
        await SampleServer.JourneyAsync(page, "vote-key" + (care ? "-care" : ""), async () =>
        {
            var caption = page.Locator(".vote-chart figcaption");
            await Assertions.Expect(caption).ToContainTextAsync("赞成（未当选）");
            await Assertions.Expect(caption).ToContainTextAsync("赞成（当选）");
            var keyColour = await caption.Locator(".key-for-out").EvaluateAsync<string>("k => getComputedStyle(k, '::before').backgroundColor");
            var barColour = await page.Locator(".vote-chart .bar:not(.elected) rect.for").First.EvaluateAsync<string>("r => getComputedStyle(r).fill");
            Assert.Equal(barColour, keyColour);
            // The key's words stay whole ("半" / "数" broke at 375 px).
            var split = await page.EvaluateAsync<string[]>(CitizenPolishTests.TermsScript, new object[] { ".vote-chart figcaption", new[] { "实到代表半数", "赞成（当选）", "赞成（未当选）" } });
            Assert.True(split.Length == 0, "broken across lines:\n" + string.Join("\n", split));
        });
    }

    /// <summary>A ballot's collection channels: the shares add up to 100% (largest remainder), amounts in 万元 without a thousands comma.</summary>
    [BrowserFact]
    public async Task Ballot_ChannelSharesAddUpTo100_AndAmountsHaveNoThousandsComma()
    {
        var page = await server.OpenAsync("phone", "/ballots/xiangtan-2026/");
        await SampleServer.JourneyAsync(page, "ballot-shares", async () =>
        {
            var shares = await page.Locator("#collection + .table-wrap tbody td:last-child").AllTextContentsAsync();
            Assert.NotEmpty(shares);
            Assert.Equal(100, shares.Sum(s => int.Parse(s.TrimEnd('%'), CultureInfo.InvariantCulture)));
            var text = await page.Locator("main").TextContentAsync();
            Assert.DoesNotMatch(ThousandsComma(), text!);
        });

        var index = await server.OpenAsync("phone", "/ballots/");
        await SampleServer.JourneyAsync(index, "ballot-money", async () =>
        {
            Assert.DoesNotMatch(ThousandsComma(), (await index.Locator("main").TextContentAsync())!);
        });
    }

    /// <summary>The open draft's header gives its whole period (征求意见时间 from … to …), as a closed one does.</summary>
    [BrowserFact]
    public async Task OpenDraft_HeaderShowsTheWholePeriod()
    {
        var page = await server.OpenAsync("phone", "/drafts/wuye-guanli-tiaoli/");
        await SampleServer.JourneyAsync(page, "draft-period", async () =>
        {
            var status = page.Locator(".draft-status");
            await Assertions.Expect(status.Locator(".status")).ToHaveTextAsync("征求意见中");
            await Assertions.Expect(status).ToContainTextAsync(new Regex(@"征求意见时间：\d{4}年\d{1,2}月\d{1,2}日 至 \d{4}年\d{1,2}月\d{1,2}日"));
        });
    }

    /// <summary>A region's totals: each tile one box (number and label together), as the other pages' tiles.</summary>
    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RegionTotals_AreOneBoxEach(bool care)
    {
        var page = await server.OpenAsync("phone", "/regions/430321/", care);
        await SampleServer.JourneyAsync(page, "region-tiles" + (care ? "-care" : ""), async () =>
        {
            var tiles = page.Locator("main ul.figures > li");
            Assert.True(await tiles.CountAsync() >= 2);
            foreach (var tile in await tiles.AllAsync())
            {
                // The tile is painted once, around both; neither the number nor the label is a box of its own.
                var painted = await tile.EvaluateAsync<string[]>("""
                    li => [li, ...li.querySelectorAll('*')].filter(e => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)').map(e => e.tagName)
                    """);
                Assert.Single(painted);
            }
        });
    }

    /// <summary>The footer's record line: the links' text on the same baseline as the 网站标识码 beside them.</summary>
    [BrowserTheory]
    [InlineData("phone", false)]
    [InlineData("phone", true)]
    [InlineData("wide", false)]
    public async Task Footer_RecordLinks_LineUpWithTheTextBesideThem(string viewport, bool care)
    {
        var page = await server.OpenAsync(viewport, "/about/", care);
        await SampleServer.JourneyAsync(page, "footer-filing-" + viewport + (care ? "-care" : ""), async () =>
        {
            var bottoms = await page.EvaluateAsync<double[]>("""
                () => [...document.querySelectorAll('.site-footer .filing > *')].map(e => {
                  const range = document.createRange();
                  range.selectNodeContents(e);
                  const r = range.getClientRects()[0];
                  return r.bottom;
                })
                """);
            Assert.True(bottoms.Length >= 2);
            // Items on one row share their text's bottom (a row that wraps starts lower by a whole line).
            foreach (var row in bottoms.Skip(1).Select((b, i) => (b, a: bottoms[i])))
            {
                var gap = Math.Abs(row.b - row.a);
                Assert.True(gap <= 1 || gap >= 15, $"footer record items out of line by {gap:0.#} px: {string.Join(", ", bottoms)}");
            }
        });
    }

    [GeneratedRegex(@"\d,\d{3}(?:\.\d+)?\s*万元")]
    private static partial Regex ThousandsComma();
}
