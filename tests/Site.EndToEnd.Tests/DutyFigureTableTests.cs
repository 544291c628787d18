using Microsoft.Playwright;

namespace Site.EndToEnd.Tests;

/// <summary>The county table of duty figures: sorted in place with JavaScript, by following links to pre-rendered orderings without it.</summary>
[Collection(nameof(SampleServer))]
public sealed class DutyFigureTableTests(SampleServer server)
{
    private const string Values = "i => [...document.querySelectorAll('#figure-table tbody tr')].map(r => Number(r.cells[i].dataset.value))";

    private const string Names = "() => [...document.querySelectorAll('#figure-table tbody td.lead')].map(c => c.textContent.trim())";

    /// <summary>On a phone (the heading row hidden) the sort chips reorder the rows without loading a page, and the address becomes the ordering's own.</summary>
    [BrowserFact]
    public async Task WithScript_ChipSortsInPlace_LargestFirst_AndBackToRosterOrder()
    {
        var page = await server.OpenAsync("phone", "/deputies/figures/");
        await SampleServer.JourneyAsync(page, "figures-sort-js", async () =>
        {
            var roster = await page.EvaluateAsync<string[]>(Names);
            var year = await page.EvaluateAsync<string>("() => document.querySelector('h1').textContent.slice(0, 4)");
            await page.EvaluateAsync("() => { window.stayed = true; }");

            await page.Locator("nav.sort-chips a[data-sort=activities]").ClickAsync();

            Assert.True(await page.EvaluateAsync<bool>("() => window.stayed === true"), "the page was loaded again");
            Assert.EndsWith($"/deputies/figures/{year}/activities/", page.Url);
            var column = await page.EvaluateAsync<int>("() => document.querySelector('#figure-table thead a[data-sort=activities]').closest('th').cellIndex");
            var values = await page.EvaluateAsync<double[]>(Values, column);
            Assert.Equal(values.OrderByDescending(v => v).ToArray(), values);
            Assert.True(values[0] > 0);
            Assert.Equal("true", await page.Locator("nav.sort-chips a[data-sort=activities]").GetAttributeAsync("aria-current"));

            await page.Locator("nav.sort-chips a[data-sort=name]").ClickAsync();
            Assert.Equal(roster, await page.EvaluateAsync<string[]>(Names));
        });
    }

    /// <summary>
    /// At 375 px (and in 关怀模式) every deputy's card lays its counts out the same way: two even
    /// columns, each label and its number on one line, the number flush right and never broken.
    /// </summary>
    [BrowserTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Phone_CountCards_LabelAndNumberOnOneLine_NumbersAligned(bool care)
    {
        var page = await server.OpenAsync("phone", "/deputies/figures/", care: care);
        var cells = await page.EvaluateAsync<double[][]>("""
            () => [...document.querySelectorAll('#figure-table td.num')].map(td => {
              const range = document.createRange();
              range.selectNodeContents(td);
              const box = td.getBoundingClientRect(), text = range.getBoundingClientRect();
              const line = parseFloat(getComputedStyle(td).lineHeight);
              return [range.getClientRects().length, box.height / line, Math.round(box.left), Math.round(box.right), Math.round(text.right)];
            })
            """);
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Equal(1, c[0]));            // the number in one piece
        Assert.All(cells, c => Assert.True(c[1] < 1.5, $"a count cell is {c[1]:0.0} lines high"));
        Assert.All(cells, c => Assert.Equal(c[3], c[4]));         // flush right in its cell
        // Two columns, the same in every card.
        Assert.True(cells.Select(c => c[2]).Distinct().Count() == 2, "left edges: " + string.Join(", ", cells.GroupBy(c => c[2]).Select(g => $"{g.Key}×{g.Count()}")));
        Assert.True(cells.Select(c => c[3]).Distinct().Count() == 2, "right edges: " + string.Join(", ", cells.GroupBy(c => c[3]).Select(g => $"{g.Key}×{g.Count()}")));
        // Every card fits the phone: a long station name wraps instead of running off the screen
        // (in 关怀模式 it made the whole table scroll sideways, the right column cut off).
        var overflow = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('#figure-table tbody td, #figure-table tbody th, #figure-table tfoot td, #figure-table tfoot th')]
              .filter(cell => cell.getClientRects().length > 0)
              .filter(cell => cell.getBoundingClientRect().right > document.querySelector('#figure-table').closest('.table-wrap').getBoundingClientRect().right + 0.5
                || cell.scrollWidth > cell.clientWidth + 0.5)
              .map(cell => cell.textContent.trim())
            """);
        Assert.Empty(overflow);
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('#figure-table').closest('.table-wrap').classList.contains('overflows')"));
    }

    /// <summary>Without JavaScript a heading is a link to the page sorted by it.</summary>
    [BrowserFact]
    public async Task WithoutScript_HeadingLinkLoadsTheSortedPage()
    {
        var context = await server.Browser.NewContextAsync(new() { JavaScriptEnabled = false, BaseURL = server.BaseUrl, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/deputies/figures/");
        await SampleServer.JourneyAsync(page, "figures-sort-nojs", async () =>
        {
            await page.Locator("#figure-table thead a[data-sort=suggestions]").ClickAsync();
            await page.WaitForURLAsync("**/suggestions/#figure-table");
            Assert.Equal("descending", await page.Locator("#figure-table thead th[aria-sort]").GetAttributeAsync("aria-sort"));
            Assert.Contains("按建议件数排序", await page.TitleAsync());
        });
    }
}
