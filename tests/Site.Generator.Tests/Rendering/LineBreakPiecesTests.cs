using Site.Generator.Model;
using Site.Generator.Rendering.Markdown;
using Site.Generator.Rendering.Pages;
using Site.Theme;

namespace Site.Generator.Tests.Rendering;

/// <summary>
/// What a fresh tester found broken on a 375 px phone, as the rule that keeps it whole: spaced dates, bracketed and
/// quoted short terms, counts after a longer word, deputies' names in Markdown, closing punctuation in snippets; and
/// the ballot channels' shares, which added up to 99%.
/// </summary>
public sealed class LineBreakPiecesTests
{
    [Theory]
    [InlineData("二审稿已于 2026 年 10 月公布。", "二审稿已于 <span class=\"nw\">2026 年 10 月</span>公布。")]
    [InlineData("湘潭县物业管理条例（草案）", "湘潭县物业管理条例<span class=\"nw\">（草案）</span>")]
    [InlineData("新任代表走进“履职课堂”", "新任代表走进<span class=\"nw\">“履职课堂”</span>")]
    [InlineData("其中网上征求意见 186 条", "其中网上征求意见 <span class=\"nw\">186 条</span>")]
    [InlineData("不满意 1 票", "<span class=\"nw\">不满意 1 票</span>")]
    [InlineData("联系电话：0731-5xxxxxxx（示例）", "联系电话：<span class=\"nw\">0731-5xxxxxxx</span><span class=\"nw\">（示例）</span>")]
    [InlineData("当选项目投资 14130 万元", "当选项目投资 <span class=\"nw\">14130 万元</span>")]
    [InlineData("（以意见采纳情况报告为准）", "（以意见采纳情况报告为准）")]
    public void Html_KeepsPiecesWhole(string text, string html)
    {
        Assert.Equal(html, Nowrap.Html(text).Value);
    }

    [Fact]
    public void Html_WithNames_KeepsTheLongestNameWhole_NotInsideADate()
    {
        var names = new Nowrap.NameSet(["赵大勇", "欧阳红梅", "欧阳", "王"]);
        Assert.Equal("“群众愿意跟你说话。”<span class=\"nw\">赵大勇</span>说。", Nowrap.Html("“群众愿意跟你说话。”赵大勇说。", names));
        Assert.Equal("<span class=\"nw\">欧阳红梅</span>和王建国", Nowrap.Html("欧阳红梅和王建国", names));
        Assert.Equal("<span class=\"nw\">2026年1月</span>", Nowrap.Html("2026年1月", new Nowrap.NameSet(["年1"])));
    }

    [Fact]
    public void Snippet_KeepsClosingPunctuationWithTheCharacterBefore()
    {
        // A highlight is not split for it; an emoji (a surrogate pair) is taken whole.
        Assert.Equal("举办培训<span class=\"nw\">班，</span>邀请<mark>代表</mark>。<span class=\"nw\">&#128512;，</span>好",
            Nowrap.Snippet("举办培训班，邀请<mark>代表</mark>。😀，好").Value);
    }

    [Fact]
    public void Markdown_KeepsDeputiesNamesAndCountsWhole_EscapingAsMarkdig()
    {
        var source = new MarkdownSource("content/stories/x.md", "县人大代表**赵大勇**说：收集意见 62 条。A & B's", 1, "content/stories");
        var html = MarkdownRenderer.Render(source, new SiteUrls(), null, new Nowrap.NameSet(["赵大勇"]));
        Assert.Equal("<p>县人大代表<strong><span class=\"nw\">赵大勇</span></strong>说：收集意见 <span class=\"nw\">62 条</span>。A &amp; B's</p>", html.Trim());
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1 }, new[] { 34, 33, 33 })]
    [InlineData(new[] { 45, 31, 14, 10 }, new[] { 45, 31, 14, 10 })]
    [InlineData(new[] { 2, 2, 2, 1 }, new[] { 29, 29, 28, 14 })]
    [InlineData(new[] { 0, 0 }, new[] { 0, 0 })]
    [InlineData(new[] { 7 }, new[] { 100 })]
    public void Percentages_AddUpTo100_ByLargestRemainder(int[] counts, int[] shares)
    {
        var got = BallotPages.Percentages(counts);
        Assert.Equal(shares, got);
        Assert.True(counts.Sum() == 0 || got.Sum() == 100);
    }
}
