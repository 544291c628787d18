using AngleSharp.Html.Parser;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Ballots;

/// <summary>票选 by a street's 议政代表会 in its own words, and the latest satisfaction before the year-end rating.</summary>
public sealed class PollWordsTests
{
    private const string Poll = TestSite.MinimalConfig + """

        -- input/ballots/jiedao-2026.yaml --
        id: jiedao-2026
        body: 某某街道议政代表会
        method: 票选
        year: 2026
        stages: { collect: 2025-11-01, vote: 2026-02-20, evaluate: 2026-12-20 }
        due: 40
        present: 38
        places: 2
        candidates:
          - id: P1
            title: 背街小巷路灯
            budget: 60
            for: 35
            against: 2
            abstain: 1
            unit: 街道城管办
            midyear: { date: 2026-07-10, satisfied: 30, basic: 6, dissatisfied: 2 }
          - id: P2
            title: 社区食堂
            budget: 80
            for: 33
            against: 3
            abstain: 2
            unit: 街道民政办
          - id: P3
            title: 口袋公园
            budget: 50
            for: 20
            against: 10
            abstain: 8
        """;

    [Fact]
    public async Task Poll_UsesItsOwnWords_AndShowsTheMidYearRating()
    {
        using var site = await TestSite.BuildAsync(Poll);
        site.AssertNoErrors();
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "ballots/jiedao-2026/index.html")));
        var text = page.Body!.TextContent;
        var index = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "ballots/index.html")));

        Assert.Contains("票选机关", text);
        Assert.Contains("应到 / 实到议政代表", text);
        Assert.Contains("票选结果", page.QuerySelector("#vote")!.TextContent);
        Assert.Contains("票选", page.QuerySelector("ol.stages")!.TextContent);
        Assert.DoesNotContain("票决", page.QuerySelector("ol.stages")!.TextContent + page.QuerySelector("dl")!.TextContent + page.QuerySelector("#vote")!.TextContent);
        Assert.Contains("年中票评满意率 94.7%", text);
        Assert.Contains("年中 94.7%", index.QuerySelector(".ballot-table tbody")!.TextContent);
    }
}
