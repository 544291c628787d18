using Site.Generator.Model;
using Site.Generator.Rendering.Markdown;
using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Rendering;

/// <summary>A paragraph wrapped by the editor: Chinese joins across the soft break, Latin keeps its space.</summary>
public sealed class CjkSoftBreakTests
{
    [Theory]
    [InlineData("桂花\n坪", "<p>桂花坪</p>")]
    [InlineData("走访群众，\n听取意见。", "<p>走访群众，听取意见。</p>")]
    [InlineData("听取意见\n。", "<p>听取意见。</p>")]
    [InlineData("学习“两个\n确立”", "<p>学习“两个确立”</p>")]
    [InlineData("他说：\n“好。”", "<p>他说：<span class=\"nw\">“好。”</span></p>")]
    [InlineData("**桂花**\n坪", "<p><strong>桂花</strong>坪</p>")]
    [InlineData("桂花  \n坪", "<p>桂花<br />\n坪</p>")]
    [InlineData("people's\ncongress", "<p>people's\ncongress</p>")]
    [InlineData("2025年\n3月", "<p><span class=\"nw\">2025年</span>\n<span class=\"nw\">3月</span></p>")]
    [InlineData("代表\nNPC", "<p>代表\nNPC</p>")]
    [InlineData("𠀀\n字", "<p>𠀀字</p>")]
    public void Render_SoftBreak_JoinsChineseOnly(string markdown, string html)
    {
        Assert.Equal(html, Render(markdown).Html.Trim());
    }

    [Fact]
    public void Render_SoftBreak_PlainTextForTheIndexJoinsToo()
    {
        var rendered = Render("到桂花\n坪村走访。Latin\nwords stay apart.");

        Assert.Equal("到桂花坪村走访。Latin\nwords stay apart.", rendered.PlainText);
    }

    [Fact]
    public async Task Build_StoryWrappedInsideAName_IsFoundBySearchAcrossTheBreak()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- content/stories/guihua.md --
            ---
            title: 到村里听意见
            date: 2026-10-16
            column: 履职故事
            ---
            代表们来到桂花
            坪村，与村民围坐在一起。
            """);

        site.AssertFile("stories/guihua/index.html", "来到桂花坪村，与村民");
        using var index = SearchIndex.Open(Path.Combine(site.IntakeFolder, "index"));
        Assert.Equal(1, index.Search(new SearchRequest("桂花坪")).Total);
    }

    private static MarkdownRenderer.Rendered Render(string markdown) =>
        MarkdownRenderer.Render(new MarkdownSource("content/stories/x.md", markdown, 1, "content/stories"), new SiteUrls(), null, plainText: true);
}
