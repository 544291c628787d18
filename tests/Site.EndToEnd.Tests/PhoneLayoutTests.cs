using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>
/// Every page kind as a citizen reads it on a 375 px phone (and in 关怀模式): nothing wider than the
/// screen, no number, date or short word (four characters or fewer) broken across lines inside a
/// table cell, tap targets large enough (WCAG 2.5.8: 24×24 px for every link and control, 44×44 px
/// for the main ones). Each page is also kept as a full-page screenshot at 375 px and 1366 px in
/// TestResults/screenshots, for people to look at.
/// </summary>
[Collection(nameof(SampleServer))]
public sealed class PhoneLayoutTests(SampleServer server)
{
    public static TheoryData<string, bool> PageKindsAndModes
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var path in PageKindTests.Paths)
            {
                data.Add(path, false);
                data.Add(path, true);
            }

            return data;
        }
    }

    public static TheoryData<string> PageKinds => new(PageKindTests.Paths);

    [BrowserTheory]
    [MemberData(nameof(PageKindsAndModes))]
    public async Task PageKind_AtPhoneWidth_BreaksNoNumberOrShortWord_AndNothingOverflows(string path, bool care)
    {
        var page = await server.OpenAsync("phone", path, care);
        var name = (care ? "care-" : "") + PageKindTests.Name(path) + "-375";
        await SampleServer.JourneyAsync(page, "layout-" + name, async () =>
        {
            await ScreenshotAsync(page, name);
            Assert.Equal(care, await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('care')"));

            var broken = await BrokenLines.FindAsync(page, "td, th");
            Assert.True(broken.Length == 0, "broken across lines in a table cell:\n" + string.Join("\n", broken));

            var scrambled = await page.EvaluateAsync<string[]>(ScrambledTextScript, "main a");
            Assert.True(scrambled.Length == 0, "a link's text not in reading order:\n" + string.Join("\n", scrambled));

            var overflowing = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(overflowing.Length == 0, "wider than the 375 px screen:\n" + string.Join("\n", overflowing));

            var clipped = await page.EvaluateAsync<string[]>(ClippedChipsScript);
            Assert.True(clipped.Length == 0, "a chip cut off without a sign that its row scrolls:\n" + string.Join("\n", clipped));
        });
    }

    [BrowserTheory]
    [MemberData(nameof(PageKinds))]
    public async Task PageKind_AtDesktopWidth_NothingOverflows(string path)
    {
        var page = await server.OpenAsync("wide", path);
        var name = PageKindTests.Name(path) + "-1366";
        await SampleServer.JourneyAsync(page, "layout-" + name, async () =>
        {
            await ScreenshotAsync(page, name);
            var overflowing = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(overflowing.Length == 0, "wider than the 1366 px screen:\n" + string.Join("\n", overflowing));
            var broken = await BrokenLines.FindAsync(page, "td, th");
            Assert.True(broken.Length == 0, "broken across lines in a table cell:\n" + string.Join("\n", broken));
        });
    }

    [BrowserTheory]
    [MemberData(nameof(PageKindsAndModes))]
    public async Task PageKind_TapTargetsAreLargeEnough(string path, bool care)
    {
        var page = await server.OpenAsync("phone", path, care);
        await SampleServer.JourneyAsync(page, "targets-" + (care ? "care-" : "") + PageKindTests.Name(path), async () =>
        {
            var small = await page.EvaluateAsync<string[]>(SmallTargetsScript, care ? 30 : 24);
            Assert.True(small.Length == 0, "tap targets too small:\n" + string.Join("\n", small));
        });
    }

    /// <summary>
    /// The switch turns 关怀模式 on without a reload (larger type); from then on every page shows a
    /// clearly labelled "退出关怀模式" in the header (and at the foot), which turns it off, remembered too.
    /// </summary>
    [BrowserFact]
    public async Task CareMode_SwitchesWithoutReload_IsRemembered_AndSaysHowToLeave()
    {
        var page = await server.OpenAsync("phone", "/deputies/");
        await SampleServer.JourneyAsync(page, "care-switch", async () =>
        {
            var care = new System.Text.RegularExpressions.Regex(@"\bcare\b");
            var header = page.Locator(".site-header");
            var before = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p, main td')).fontSize)");
            await page.EvaluateAsync("() => { window.notReloaded = true; }");
            await Assertions.Expect(header.GetByRole(AriaRole.Button, new() { Name = "退出关怀模式" })).ToBeHiddenAsync();
            await header.GetByRole(AriaRole.Button, new() { Name = "关怀模式", Exact = true }).ClickAsync();

            var leave = header.GetByRole(AriaRole.Button, new() { Name = "退出关怀模式" });
            await Assertions.Expect(leave).ToBeVisibleAsync();
            await Assertions.Expect(leave).ToBeFocusedAsync();
            await Assertions.Expect(header.GetByRole(AriaRole.Button, new() { Name = "关怀模式", Exact = true })).ToBeHiddenAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"));
            var after = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('main p, main td')).fontSize)");
            Assert.True(after >= before * 1.25 - 0.01, $"type grew from {before}px to {after}px only");
            await ScreenshotAsync(page, "care-on-deputies-375");

            // The next page remembers it, and says how to leave at the top and again at the foot.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "家站点" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(care);
            await Assertions.Expect(page.Locator(".site-header").GetByRole(AriaRole.Button, new() { Name = "退出关怀模式" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".site-footer").GetByRole(AriaRole.Button, new() { Name = "退出关怀模式" })).ToBeVisibleAsync();

            await page.Locator(".site-footer").GetByRole(AriaRole.Button, new() { Name = "退出关怀模式" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(care);
            await Assertions.Expect(page.Locator(".site-header").GetByRole(AriaRole.Button, new() { Name = "关怀模式", Exact = true })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator(".site-footer .care-exit")).ToBeHiddenAsync();

            // Off is remembered too.
            await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "代表" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(care);
        });
    }

    /// <summary>A page opened at #care (a shared link) turns it on; leaving drops #care, so a reload stays off.</summary>
    [BrowserFact]
    public async Task CareMode_OpenedAtHashCare_LeavingSurvivesAReload()
    {
        var page = await server.OpenAsync("phone", "/stations/#care");
        await SampleServer.JourneyAsync(page, "care-hash", async () =>
        {
            var care = new System.Text.RegularExpressions.Regex(@"\bcare\b");
            await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(care);
            await page.Locator(".site-header").GetByRole(AriaRole.Button, new() { Name = "退出关怀模式" }).ClickAsync();
            await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(care);
            Assert.DoesNotContain("#care", page.Url);
            await page.ReloadAsync();
            await Assertions.Expect(page.Locator("html")).Not.ToHaveClassAsync(care);
        });
    }

    /// <summary>Without JavaScript the link turns 关怀模式 on for the page (care.css on :target), and "退出关怀模式" (shown instead) off.</summary>
    [BrowserFact]
    public async Task CareMode_WorksWithoutJavaScript()
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 375, Height = 812 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/stations/S01/");
        await SampleServer.JourneyAsync(page, "care-nojs", async () =>
        {
            const string rootSize = "() => parseFloat(getComputedStyle(document.documentElement).fontSize)";
            Assert.Equal(16, await page.EvaluateAsync<double>(rootSize));
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "退出关怀模式" })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Link, new() { Name = "关怀模式", Exact = true }).ClickAsync();
            Assert.Equal(20, await page.EvaluateAsync<double>(rootSize));
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "关怀模式", Exact = true })).ToBeHiddenAsync();
            await ScreenshotAsync(page, "care-nojs-stations-S01-375");
            await page.Locator(".site-header").GetByRole(AriaRole.Link, new() { Name = "退出关怀模式" }).ClickAsync();
            Assert.Equal(16, await page.EvaluateAsync<double>(rootSize));
            await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "关怀模式", Exact = true })).ToBeVisibleAsync();
        });
    }

    /// <summary>The deputies filter: a name nobody has hides the header row and says so, pointing to the site search (the whole sentence: JourneyTests).</summary>
    [BrowserFact]
    public async Task DeputyFilter_NoMatch_SaysNothingFound()
    {
        var page = await server.OpenAsync("phone", "/deputies/");
        await SampleServer.JourneyAsync(page, "deputy-filter-none", async () =>
        {
            await page.GetByPlaceholder("输入姓名或拼音筛选本页").FillAsync("查无此人");
            await Assertions.Expect(page.Locator("#deputy-table tbody tr:visible")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#deputy-table thead")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator("#deputy-table-count")).ToContainTextAsync("没有找到");
            await Assertions.Expect(page.Locator("#deputy-table-count")).ToContainTextAsync("可以到全站搜索查找。");

            await page.GetByPlaceholder("输入姓名或拼音筛选本页").FillAsync("");
            await Assertions.Expect(page.Locator("#deputy-table thead")).ToBeAttachedAsync();
            Assert.False(await page.Locator("#deputy-table thead").EvaluateAsync<bool>("t => t.hidden"));
            await Assertions.Expect(page.Locator("#deputy-table-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^共 \d+ 名$"));
        });
    }

    /// <summary>Without JavaScript the filter's button asks the search page for deputies of that name.</summary>
    [BrowserFact]
    public async Task DeputyFilter_WithoutJavaScript_FindsByName()
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 375, Height = 812 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/deputies/");
        await SampleServer.JourneyAsync(page, "deputy-filter-nojs", async () =>
        {
            await page.GetByPlaceholder("输入姓名或拼音筛选本页").FillAsync("欧阳红梅");
            await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
            await Assertions.Expect(page.Locator(".search-hits li").First).ToContainTextAsync("欧阳红梅");
        });
    }

    /// <summary>
    /// Many places under 代表: on a 375 px phone their chips stay on one row that scrolls sideways, so
    /// the first hit is on the first screen; every chip is still a link on the page (with and without
    /// script), and nothing is wider than the screen.
    /// </summary>
    [BrowserTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SearchPage_AtPhoneWidth_ManyPlaceChips_KeepTheFirstHitOnTheFirstScreen(bool javaScript)
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = javaScript, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(javaScript ? "/search/?q=%E4%BB%A3%E8%A1%A8" : "/api/search/page?q=%E4%BB%A3%E8%A1%A8");
        await SampleServer.JourneyAsync(page, "search-chips-" + (javaScript ? "js" : "nojs"), async () =>
        {
            var places = page.GetByRole(AriaRole.Navigation, new() { Name = "按地区筛选" }).GetByRole(AriaRole.Link);
            await Assertions.Expect(places.First).ToBeVisibleAsync();
            Assert.True(await places.CountAsync() >= 8, "the sample's 代表 has hits in many places");
            await ScreenshotAsync(page, "search-chips-" + (javaScript ? "js" : "nojs") + "-375");

            // The row shows that it goes on: the chip cut at the right edge fades out (a phone shows no scrollbar).
            var clipped = await page.EvaluateAsync<string[]>(ClippedChipsScript);
            Assert.True(clipped.Length == 0, "a chip cut off without a sign that its row scrolls:\n" + string.Join("\n", clipped));

            var first = await page.Locator(".search-hits > li").First.BoundingBoxAsync();
            Assert.NotNull(first);
            Assert.True(first.Y + 48 <= 812, $"the first hit starts at {first.Y}px, below the first screen");
            foreach (var chip in await places.AllAsync())
            {
                Assert.True(await chip.EvaluateAsync<bool>("a => a.getClientRects().length > 0 && getComputedStyle(a).visibility === 'visible'"), await chip.TextContentAsync());
            }

            var overflowing = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(overflowing.Length == 0, "wider than the 375 px screen:\n" + string.Join("\n", overflowing));
        });
    }

    /// <summary>
    /// Hit titles that carry a date (王建国代表述职评议（2026年1月12日）) broke it as "1月12" / "日）" at 375 px;
    /// two readings of one draft title showed as one hit twice until each said its reading and status.
    /// </summary>
    [BrowserTheory]
    [InlineData("述职评议", ".search-hits .card-title")]
    [InlineData("物业管理条例", ".search-hits .meta .status")]
    public async Task SearchPage_HitTitlesAndLines_KeepDatesWhole(string typed, string shown)
    {
        var page = await server.OpenAsync("phone", "/api/search/page?q=" + Uri.EscapeDataString(typed));
        await SampleServer.JourneyAsync(page, "search-hit-lines-" + typed, async () =>
        {
            await Assertions.Expect(page.Locator(shown).First).ToBeVisibleAsync();
            await ScreenshotAsync(page, "search-hit-lines-" + typed + "-375");
            var broken = await BrokenLines.FindAsync(page, ".search-hits .card-title, .search-hits .meta");
            Assert.True(broken.Length == 0, "broken across lines in a hit:\n" + string.Join("\n", broken));
        });
    }

    /// <summary>
    /// 关怀模式 made every link a flex box, so a hit title with a date kept whole stood as columns at 375 px:
    /// "王建国代表 / 述职评议（" left of "2026年1月12日）", "2025年" left of "花石镇人民代表大会 / 民生实事项目票决".
    /// A title reads as one text: each line below the last, each wrapped line starting at the title's left edge.
    /// </summary>
    [BrowserTheory]
    [InlineData("/api/search/page?q=王建国", "王建国代表述职评议（2026年1月12日）", "wangjianguo")]
    [InlineData("/api/search/page?q=花石", "2025年花石镇人民代表大会民生实事项目票决", "huashi")]
    [InlineData("/search/?q=花石", "2026年花石镇人民代表大会民生实事项目票决", "huashi-js")]
    public async Task SearchPage_CareMode_HitTitlesWrapAsOneText(string path, string title, string shot)
    {
        var page = await server.OpenAsync("phone", path, care: true);
        var name = "search-care-" + shot;
        await SampleServer.JourneyAsync(page, name, async () =>
        {
            await Assertions.Expect(page.Locator(".search-hits .card-title", new() { HasText = title }).First).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('care')"));
            await ScreenshotAsync(page, name + "-375");

            var scrambled = await page.EvaluateAsync<string[]>(ScrambledTextScript, ".search-hits .card-title a");
            Assert.True(scrambled.Length == 0, "a hit title not in reading order:\n" + string.Join("\n", scrambled));
            var broken = await BrokenLines.FindAsync(page, ".search-hits .card-title, .search-hits .meta");
            Assert.True(broken.Length == 0, "broken across lines in a hit:\n" + string.Join("\n", broken));
            var overflowing = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(overflowing.Length == 0, "wider than the 375 px screen:\n" + string.Join("\n", overflowing));
        });
    }

    /// <summary>
    /// Snippets at 375 px broke "2026" / "年花石镇…", "0731-" / "5xxx1106", "9:00—" / "12:00", and a highlight's
    /// edge split a name; the station's snippet ended inside its telephone number ("0731-5xxx…").
    /// </summary>
    [BrowserTheory]
    [InlineData("/search/?q=花石&page=3", null, "huashi-js-page-3")]
    [InlineData("/search/?q=花石&type=station", "0731-5xxx", "huashi-js-station")]
    [InlineData("/api/search/page?q=花石&type=station", "9:00—12:00", "huashi-station")]
    [InlineData("/api/search/page?q=花石", null, "huashi")]
    public async Task SearchPage_Snippets_KeepNumbersWhole(string path, string? shown, string shot)
    {
        var page = await server.OpenAsync("phone", path);
        var name = "search-snippets-" + shot;
        await SampleServer.JourneyAsync(page, name, async () =>
        {
            await Assertions.Expect(page.Locator(".search-hits li").First).ToBeVisibleAsync();
            await ScreenshotAsync(page, name + "-375");
            if (shown is not null)
            {
                await Assertions.Expect(page.Locator(".search-hits", new() { HasText = shown })).ToBeVisibleAsync();
            }

            var broken = await BrokenLines.FindAsync(page, ".search-hits p");
            Assert.True(broken.Length == 0, "broken across lines in a snippet:\n" + string.Join("\n", broken));
            // Half a telephone number at the end ("0731-5xxx…"), or half a date at the start ("…年12月", "…6年").
            var cut = await page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.search-hits p:not(.meta)')].map(p => p.textContent)
                  .filter(t => /0\d{2,3}-?[\dx]{0,6}…$/.test(t) || /^…(?:\d{1,3}年|年|\d?月|日)/.test(t))
                """);
            Assert.True(cut.Length == 0, "a snippet cut inside a number:\n" + string.Join("\n", cut));
            var overflowing = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(overflowing.Length == 0, "wider than the 375 px screen:\n" + string.Join("\n", overflowing));
        });
    }

    /// <summary>A pasted URL or a long run of Latin letters in the query breaks in the breadcrumb and the notices instead of widening the page.</summary>
    [BrowserTheory]
    [InlineData("/api/search/page?q=")]
    [InlineData("/search/?q=")]
    public async Task SearchPage_ALongLatinQuery_DoesNotWidenThePhoneScreen(string path)
    {
        var typed = "https://mp.weixin.qq.com/s?__biz=" + new string('a', 80) + "&mid=2650" + new string('x', 40);
        var page = await server.OpenAsync("phone", path + Uri.EscapeDataString(typed));
        await SampleServer.JourneyAsync(page, "search-long-latin", async () =>
        {
            // Nothing holds it: the one no-hit message, which quotes the query, is shown (no count beside it).
            await Assertions.Expect(page.Locator("#search-none")).ToBeVisibleAsync();
            await ScreenshotAsync(page, "search-long-latin-" + (path.StartsWith("/search/", StringComparison.Ordinal) ? "js" : "nojs") + "-375");
            var overflowing = await page.EvaluateAsync<string[]>(OverflowScript);
            Assert.True(overflowing.Length == 0, "wider than the 375 px screen:\n" + string.Join("\n", overflowing));
        });
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(SampleServer.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SampleServer.ScreenshotFolder, "page-" + name + ".png"), FullPage = true });
    }

    /// <summary>
    /// Elements (by the selector given) whose text is not laid out in reading order: a character above the one
    /// before it, or a wrapped line that does not start at the element's left edge (text in side-by-side columns).
    /// </summary>
    private const string ScrambledTextScript = $$"""
        selector => {
          {{CharacterBoxes.Declaration}}
          const out = [];
          for (const el of document.querySelectorAll(selector)) {
            if (!el.getClientRects().length) continue;
            const boxes = characterBoxes(el).map(x => x.r);
            if (boxes.length < 2) continue;
            const left = Math.min(...boxes.map(b => b.left));
            for (let i = 1; i < boxes.length; i++) {
              const [a, b] = [boxes[i - 1], boxes[i]];
              const newLine = b.top >= a.bottom - 1;
              if (b.bottom <= a.top + 1 || (!newLine && b.left < a.left - 1) || (newLine && b.left > left + 1)) {
                out.push(`<${el.tagName.toLowerCase()}> ${el.textContent.trim().slice(0, 40)}`);
                break;
              }
            }
          }
          return out;
        }
        """;

    /// <summary>Elements that reach past the right edge of the screen (or the page being wider than it), except inside a sideways-scrolling or clipping box.</summary>
    internal const string OverflowScript = """
        () => {
          const out = [];
          const width = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > width) out.push(`page is ${document.documentElement.scrollWidth}px wide`);
          const clipped = el => {
            for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
              const s = getComputedStyle(a);
              if (s.overflowX !== 'visible') return true;
            }
            return false;
          };
          for (const el of document.body.querySelectorAll('*')) {
            // A checkbox in its label is tapped anywhere on the label (the publish consent of the message form).
            const label = el.type === 'checkbox' || el.type === 'radio' ? el.closest('label') : null;
            const r = (label || el).getBoundingClientRect();
            if (r.width === 0 || r.height === 0) continue;
            if (el.closest('.skip, .sr')) continue;
            if ((r.right > width + 1 || r.left < -1) && !clipped(el)) {
              out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(r.left)}..${Math.round(r.right)}: ${(el.textContent || '').trim().slice(0, 30)}`);
            }
          }
          return out.slice(0, 20);
        }
        """;

    /// <summary>
    /// Chips (filters, sorts, years: links in a .chips or .sort-chips row) that are not whole on the screen: cut by
    /// the screen's edge, or by their row without a visible sign that the row scrolls (a fading edge, mask-image, or
    /// a scrollbar that takes room; a phone's overlay scrollbar is hidden until touched). A chip may be cut only
    /// where its row scrolls sideways and shows it.
    /// </summary>
    private const string ClippedChipsScript = """
        () => {
          const out = [];
          const width = document.documentElement.clientWidth;
          for (const row of document.querySelectorAll('main .chips, main .sort-chips')) {
            if (!row.getClientRects().length) continue;
            const box = row.getBoundingClientRect();
            const s = getComputedStyle(row);
            const scrolls = /auto|scroll/.test(s.overflowX) && row.scrollWidth > row.clientWidth + 1;
            const mask = s.maskImage || s.webkitMaskImage || 'none';
            const scrollbar = row.offsetHeight - row.clientHeight - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth) > 0;
            const shown = scrolls && (mask !== 'none' || scrollbar);
            for (const chip of row.querySelectorAll('a')) {
              const r = chip.getBoundingClientRect();
              if (r.width === 0 || r.height === 0) continue;
              const cut = r.right > Math.min(width, box.right) + 1 || r.left < Math.max(0, box.left) - 1;
              if (cut && !shown) {
                out.push(`"${chip.textContent.trim()}" ${Math.round(r.left)}..${Math.round(r.right)} in a row ${Math.round(box.left)}..${Math.round(box.right)} (overflow-x ${s.overflowX}, mask ${mask})`);
              }
            }
          }
          return out.slice(0, 20);
        }
        """;

    /// <summary>
    /// Visible links and controls smaller than 24×24 px (WCAG 2.5.8), or than <c>primary</c> px for the
    /// main ones (header search, navigation, 关怀模式, buttons, form fields); in 关怀模式 other links need
    /// <c>otherMin</c> (1.25 × 24 px). A link inside a sentence is exempt, as WCAG allows: its size is
    /// set by the line of text around it.
    /// </summary>
    private const string SmallTargetsScript = """
        (otherMin) => {
          const out = [];
          const primary = '.site-search input, .site-search button, .site-nav a, .care-switch a, button, .button, .button-link, ' +
            '.filter input, .filter select, form.comment textarea, form.comment input:not([type=hidden]), form.comment select, details > summary';
          const inSentence = el => {
            if (el.tagName !== 'A') return false;
            const block = el.closest('p, li, dd, td, th, figcaption, blockquote');
            if (!block || el.closest('header, nav, footer, .crumbs, .chips, .pager, .care-switch')) return false;
            return block.textContent.replace(/\s+/g, '').length > el.textContent.replace(/\s+/g, '').length;
          };
          for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')) {
            // A checkbox in its label is tapped anywhere on the label (the publish consent of the message form).
            const label = el.type === 'checkbox' || el.type === 'radio' ? el.closest('label') : null;
            const r = (label || el).getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            if (el.closest('.skip, .sr')) continue;
            const isPrimary = el.matches(primary);
            const min = isPrimary ? 44 : otherMin;
            if (!isPrimary && inSentence(el)) continue;
            if (r.height < min - 0.5 || r.width < 24 - 0.5) {
              out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || el.name || '').trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)} (needs ${min})`);
            }
          }
          return out.slice(0, 30);
        }
        """;
}
