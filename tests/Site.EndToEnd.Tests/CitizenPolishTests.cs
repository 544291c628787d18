using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// Small things fresh testers met on a 375 px phone (often in WeChat) and at the office: the 三亮 card
/// opened at #card, figure labels and receipt links broken mid-word, an orphan character on the poster,
/// the search placeholder cut off in 关怀模式, the year shown on the figures page, breadcrumbs naming the
/// deputies' section two ways.
/// </summary>
[Collection(nameof(SampleServer))]
public sealed class CitizenPolishTests(SampleServer server)
{
    /// <summary>Opened at #card on a phone (the print link, or a shared address), the card is what the screen shows from its top.</summary>
    [BrowserFact]
    public async Task DeputyPage_OpenedAtHashCard_OnAPhone_ShowsTheCardFromTheTop()
    {
        var page = await server.OpenAsync("phone", "/deputies/D0001/#card");
        await SampleServer.JourneyAsync(page, "card-hash-375", async () =>
        {
            await Assertions.Expect(page.GetByText("人大代表“三亮”卡片")).ToBeVisibleAsync();
            var top = await page.EvaluateAsync<double>("() => document.getElementById('card').getBoundingClientRect().top");
            Assert.InRange(top, -1, 24);
            // What is painted at the top of the screen, and a little lower, belongs to the card: no empty band.
            Assert.True(await page.EvaluateAsync<bool>("() => document.elementFromPoint(40, 12)?.closest('#card') != null"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.elementFromPoint(40, 120)?.closest('#card') != null"));
            await Assertions.Expect(page.Locator("#card h1")).ToBeInViewportAsync();
            await ScreenshotAsync(page, "card-hash-375", fullPage: false);
        });
    }

    /// <summary>The message figures: "答复用时中位数" whole on its line, the unit beside the number, no number or short term split.</summary>
    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MessageFigures_AtPhoneWidth_KeepLabelsWhole(bool care)
    {
        var page = await server.OpenAsync("phone", "/api/deputies/D0001/messages/page", care);
        await SampleServer.JourneyAsync(page, "message-figures-375" + (care ? "-care" : ""), async () =>
        {
            var label = page.Locator(".figures li", new() { HasText = "答复用时中位数" });
            await Assertions.Expect(label).ToHaveCountAsync(1);
            Assert.DoesNotContain("（天）", await label.TextContentAsync());
            var broken = await BrokenLines.FindAsync(page, ".figures li, .crumbs li");
            Assert.True(broken.Length == 0, "broken across lines:\n" + string.Join("\n", broken));
            await ScreenshotAsync(page, "message-figures-375" + (care ? "-care" : ""), fullPage: true);
        });
    }

    /// <summary>The receipt lookup on a phone: 回执编号 and the prefixes (YJ 开头, LY 开头) whole wherever the text wraps (回执编 / 号 before).</summary>
    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReceiptLookup_AtPhoneWidth_KeepsItsTermsWhole(bool care)
    {
        var page = await server.OpenAsync("phone", "/receipts/", care);
        await SampleServer.JourneyAsync(page, "receipt-terms-375" + (care ? "-care" : ""), async () =>
        {
            var broken = await page.EvaluateAsync<string[]>(TermsScript, new object[] { "main", new[] { "回执编号", "YJ 开头", "LY 开头", "查询回执" } });
            Assert.True(broken.Length == 0, "broken across lines:\n" + string.Join("\n", broken));
            await ScreenshotAsync(page, "receipt-terms-375" + (care ? "-care" : ""), fullPage: true);
        });
    }

    /// <summary>
    /// Numbers with their labels, dates and time ranges a tester found split at 375 px: the ballot year totals
    /// ("0" / "个已完成"), a project's deadline ("2026年12月" / "底前完成"), the vote chart's captions ("拟定 5" / "项）",
    /// "实到代表 217" / "人）"), the drafts' comment period ("至 2026" / "年7月10日") and a station's next reception days
    /// ("9:00—" / "12:00", filled in by site.js). Terms are from the sample data.
    /// </summary>
    [BrowserTheory]
    [InlineData("/ballots/", false, "0 个已完成|23 个已完成")]
    [InlineData("/ballots/", true, "0 个已完成|23 个已完成")]
    [InlineData("/ballots/huashi-2026/", false, "2026年12月底前完成|拟定 5 项|实到 50 人|实到代表 50 人")]
    [InlineData("/ballots/huashi-2026/", true, "2026年12月底前完成|拟定 5 项|实到 50 人|实到代表 50 人")]
    [InlineData("/ballots/xiangtan-2026/", false, "实到代表 217 人|实到 217 人|拟定 10 项")]
    [InlineData("/ballots/xiangtan-2026/", true, "实到代表 217 人|实到 217 人|拟定 10 项")]
    [InlineData("/stations/S10/", false, "9:00—12:00")]
    [InlineData("/stations/S10/", true, "9:00—12:00")]
    [InlineData("/drafts/", false, "2026年6月10日|2026年7月10日")]
    [InlineData("/drafts/", true, "2026年6月10日|2026年7月10日")]
    public async Task NumbersAndDates_AtPhoneWidth_StayOnOneLine(string path, bool care, string terms)
    {
        var page = await server.OpenAsync("phone", path, care);
        var name = "numbers-375" + path.TrimEnd('/').Replace('/', '-') + (care ? "-care" : "");
        await SampleServer.JourneyAsync(page, name, async () =>
        {
            if (path.StartsWith("/stations/", StringComparison.Ordinal))
            {
                await Assertions.Expect(page.Locator("[data-reception] li").First).ToBeVisibleAsync();
            }

            var split = await page.EvaluateAsync<string[]>(TermsScript, new object[] { "main", terms.Split('|') });
            var broken = await BrokenLines.FindAsync(page, "main .meta, main figcaption, main caption, [data-reception] li, #next p");
            Assert.True(split.Length + broken.Length == 0, "broken across lines:\n" + string.Join("\n", split.Concat(broken)));
            await ScreenshotAsync(page, name, fullPage: true);
        });
    }

    /// <summary>
    /// The ballot's vote chart: its labels and counts stayed 12 px (SVG text) when 关怀模式 made the rest of the page
    /// larger. They grow with it now, and at 375 px every label and count is on the screen, none overlapping
    /// another, no count or rank split across lines.
    /// </summary>
    [BrowserTheory]
    [InlineData("/ballots/xiangtan-2026/")]
    [InlineData("/ballots/huashi-2026/")]
    public async Task VoteChart_GrowsWithCareMode_AndStaysReadableAtPhoneWidth(string path)
    {
        const string sizes = "() => [...document.querySelectorAll('.vote-chart .bar-label, .vote-chart .bar-value')].map(e => parseFloat(getComputedStyle(e).fontSize))";
        var plain = await server.OpenAsync("phone", path);
        var before = await plain.EvaluateAsync<double[]>(sizes);
        await plain.Context.CloseAsync();
        Assert.NotEmpty(before);

        var page = await server.OpenAsync("phone", path, care: true);
        var name = "vote-chart-375" + path.TrimEnd('/').Replace('/', '-') + "-care";
        await SampleServer.JourneyAsync(page, name, async () =>
        {
            var after = await page.EvaluateAsync<double[]>(sizes);
            Assert.Equal(before.Length, after.Length);
            Assert.True(after.Min() >= before.Max() * 1.25 - 0.01, $"the chart's text grew from {before.Max()}px to {after.Min()}px only in 关怀模式");
            await ScreenshotAsync(page, name, fullPage: true);

            var problems = await page.EvaluateAsync<string[]>("""
                () => {
                  const out = [];
                  const width = document.documentElement.clientWidth;
                  const boxes = [...document.querySelectorAll('.vote-chart .bar-label, .vote-chart .bar-value')].map(e => {
                    const range = document.createRange();
                    range.selectNodeContents(e);
                    return { e, rects: [...range.getClientRects()].filter(r => r.width > 0) };
                  });
                  for (const { e, rects } of boxes) {
                    if (rects.length === 0) out.push(`not shown: ${e.textContent}`);
                    for (const r of rects) if (r.left < -1 || r.right > width + 1) out.push(`off the screen: ${e.textContent}`);
                  }
                  for (let i = 0; i < boxes.length; i++)
                    for (let j = i + 1; j < boxes.length; j++)
                      for (const a of boxes[i].rects) for (const b of boxes[j].rects)
                        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
                          out.push(`overlap: ${boxes[i].e.textContent} / ${boxes[j].e.textContent}`);
                  return out;
                }
                """);
            Assert.True(problems.Length == 0, string.Join("\n", problems));
            var broken = await BrokenLines.FindAsync(page, ".vote-chart .bar-label, .vote-chart .bar-value, .vote-chart figcaption");
            Assert.True(broken.Length == 0, "broken across lines:\n" + string.Join("\n", broken));
        });
    }

    /// <summary>
    /// A deputy's page in 关怀模式 at 375 px: the station named in "有事找代表：到 …" (青山桥镇农业产业代表联络站, the
    /// sample's longest) was kept on one line and ran off the screen; it wraps now, and every link is on the screen.
    /// </summary>
    [BrowserTheory]
    [InlineData("/deputies/D0009/")]
    [InlineData("/deputies/D0019/")]
    public async Task DeputyPage_CareMode_LongStationNameStaysOnTheScreen(string path)
    {
        var page = await server.OpenAsync("phone", path, care: true);
        await SampleServer.JourneyAsync(page, "station-name-care" + path.TrimEnd('/').Replace('/', '-'), async () =>
        {
            var off = await page.EvaluateAsync<string[]>("""
                () => {
                  const width = document.documentElement.clientWidth;
                  const out = document.documentElement.scrollWidth > width ? [`page is ${document.documentElement.scrollWidth}px wide`] : [];
                  for (const a of document.querySelectorAll('main a')) {
                    const r = a.getBoundingClientRect();
                    if (r.width > 0 && r.right > width + 1) out.push(`${a.textContent.trim()} ends at ${Math.round(r.right)}px`);
                  }
                  return out;
                }
                """);
            Assert.True(off.Length == 0, "off the 375 px screen:\n" + string.Join("\n", off));
        });
    }

    /// <summary>Occurrences of the given terms in the text under a selector that sit on more than one line.</summary>
    internal const string TermsScript = """
        ([selector, terms]) => {
          const out = [];
          const root = document.querySelector(selector);
          const text = [], at = [];
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode());) {
            for (let i = 0; i < node.data.length; i++) { text.push(node.data[i]); at.push([node, i]); }
          }
          const all = text.join('');
          const range = document.createRange();
          for (const term of terms) {
            for (let from = all.indexOf(term); from >= 0; from = all.indexOf(term, from + 1)) {
              let first = null, wrapped = false;
              for (let k = from; k < from + term.length; k++) {
                const [node, i] = at[k];
                range.setStart(node, i); range.setEnd(node, i + 1);
                const r = range.getClientRects()[0];
                if (!r || r.width === 0) continue;
                if (!first) first = r; else if (r.top >= first.bottom - 1) wrapped = true;
              }
              if (wrapped) out.push(`"${term}" in …${all.slice(Math.max(0, from - 10), from + term.length + 10)}…`);
            }
          }
          return out;
        }
        """;

    /// <summary>The poster's deputies: a title under a photo never leaves one character alone on its last line (易俗河镇金霞社区党委书 / 记).</summary>
    [BrowserFact]
    public async Task StationPoster_AtPhoneWidth_LeavesNoOrphanCharacter()
    {
        var page = await server.OpenAsync("phone", "/stations/S01/poster/");
        await SampleServer.JourneyAsync(page, "poster-orphans-375", async () =>
        {
            var orphans = await page.EvaluateAsync<string[]>(OrphanScript, ".poster-deputies .meta, .poster h1, .poster-foot");
            Assert.True(orphans.Length == 0, "a character alone on the last line:\n" + string.Join("\n", orphans));
            // The title of the sample's longest (王建国, 党委书记) takes two lines there: it was the one that broke.
            Assert.Equal(2, await page.Locator(".poster-deputies li", new() { HasText = "王建国" }).Locator(".meta").EvaluateAsync<int>(LinesScript));
        });
    }

    /// <summary>The header's search field shows its whole placeholder on a phone, in 关怀模式 too (the button goes under it there).</summary>
    [BrowserTheory]
    [InlineData("phone", false)]
    [InlineData("phone", true)]
    [InlineData("wide", true)]
    public async Task HeaderSearch_ShowsItsWholePlaceholder(string viewport, bool care)
    {
        var page = await server.OpenAsync(viewport, "/deputies/", care);
        await SampleServer.JourneyAsync(page, "search-placeholder-" + viewport + (care ? "-care" : ""), async () =>
        {
            var room = await page.EvaluateAsync<double[]>("""
                () => {
                  const input = document.querySelector('.site-search input');
                  const style = getComputedStyle(input);
                  const context = document.createElement('canvas').getContext('2d');
                  context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                  const inner = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                  return [context.measureText(input.placeholder).width, inner];
                }
                """);
            Assert.True(room[0] <= room[1], $"the placeholder needs {room[0]:0} px, the field has {room[1]:0} px");
            var button = await page.Locator(".site-search button").BoundingBoxAsync();
            var width = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
            Assert.True(button!.X + button.Width <= width, "the search button is off the screen");
            Assert.True(button.Height >= 44);
        });
    }

    /// <summary>The figures page marks the year it shows: aria-current on its chip, filled as the chosen sort chip is.</summary>
    [BrowserTheory]
    [InlineData("/deputies/figures/2025/", "2025年")]
    [InlineData("/deputies/figures/2026/activities/", "2026年")]
    public async Task FiguresPage_YearChips_MarkTheYearShown(string path, string year)
    {
        var page = await server.OpenAsync("phone", path);
        await SampleServer.JourneyAsync(page, "figure-years", async () =>
        {
            var years = page.GetByRole(AriaRole.Navigation, new() { Name = "年度" });
            var current = years.Locator("a[aria-current]");
            await Assertions.Expect(current).ToHaveCountAsync(1);
            await Assertions.Expect(current).ToHaveTextAsync(year);
            await Assertions.Expect(current).ToHaveAttributeAsync("aria-current", "true");
            var other = years.Locator("a:not([aria-current])").First;
            const string look = "a => getComputedStyle(a).backgroundColor + ' ' + getComputedStyle(a).color";
            Assert.NotEqual(await other.EvaluateAsync<string>(look), await current.EvaluateAsync<string>(look));
        });
    }

    /// <summary>The deputies' section is named in every breadcrumb trail as the main navigation names it, on generated and endpoint pages alike.</summary>
    [BrowserTheory]
    [InlineData("/deputies/")]
    [InlineData("/deputies/D0001/")]
    [InlineData("/deputies/figures/")]
    [InlineData("/deputies/reports/")]
    [InlineData("/deputies/level/county/")]
    [InlineData("/api/deputies/D0001/messages/page")]
    public async Task Breadcrumbs_NameTheDeputiesAsTheNavigationDoes(string path)
    {
        var page = await server.OpenAsync("wide", path);
        await SampleServer.JourneyAsync(page, "crumbs", async () =>
        {
            var nav = await page.Locator("nav.site-nav a[href='/deputies/']").TextContentAsync();
            var crumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "当前位置" });
            var section = path == "/deputies/" ? crumbs.Locator("li[aria-current=page]") : crumbs.Locator("a[href='/deputies/']");
            await Assertions.Expect(section).ToHaveTextAsync(nav!.Trim());
        });
    }

    /// <summary>Lines a block's text takes.</summary>
    private const string LinesScript = """
        el => {
          const range = document.createRange();
          const tops = new Set();
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node; (node = walker.nextNode());) {
            for (let i = 0; i < node.data.length; i++) {
              range.setStart(node, i); range.setEnd(node, i + 1);
              const r = range.getClientRects()[0];
              if (r && r.width > 0) tops.add(Math.round(r.top));
            }
          }
          return tops.size;
        }
        """;

    /// <summary>Visible blocks whose last line holds a single character (an orphan).</summary>
    private const string OrphanScript = $$"""
        selector => {
          {{CharacterBoxes.Declaration}}
          const out = [];
          for (const el of document.querySelectorAll(selector)) {
            if (!el.getClientRects().length) continue;
            const chars = characterBoxes(el).map(x => ({ c: x.c, top: x.r.top, bottom: x.r.bottom }));
            if (chars.length < 2) continue;
            const last = chars[chars.length - 1];
            const onLast = chars.filter(x => x.top >= last.top - 1 && x.top <= last.top + 1);
            const lines = new Set(chars.map(x => Math.round(x.top))).size;
            // A closing punctuation mark does not count as company for the orphan.
            if (lines > 1 && onLast.filter(x => !/[\p{P}]/u.test(x.c)).length < 2) out.push(el.textContent.trim().slice(0, 40));
          }
          return out;
        }
        """;

    private static async Task ScreenshotAsync(IPage page, string name, bool fullPage)
    {
        Directory.CreateDirectory(SampleServer.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleServer.ScreenshotFolder, "polish-" + name + ".png"), FullPage = fullPage });
    }
}
