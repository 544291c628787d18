using Site.Generator.Loading;
using Site.Generator.Model;
using Site.Generator.Rendering.Markdown;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Rendering;

/// <summary>
/// Each body's plain text for the search index comes from the same parse as its HTML (whichever of
/// the render and the index converts it first). That text must be exactly what Markdig's own
/// ToPlainText gives, links and all.
/// </summary>
public sealed class MarkdownPlainTextTests
{
    public static TheoryData<string> Samples() =>
    [
        "",
        "一段话。",
        "## 小标题\n\n正文**加粗**，*斜体*，`代码`。",
        "见[联络站](../stations/s01.md)和[外部链接](https://example.gov.cn/a?b=1&c=2)。",
        "![会议现场](photo.jpg \"标题\")\n\n<https://example.gov.cn>",
        "| 项目 | 金额 |\n|---|---|\n| 道路 | 120 |\n",
        "1. 第一\n2. 第二\n   - 子项\n\n> 引文\n\n---\n\n```\n代码块 <b>\n```",
        "<div>原始 HTML</div> & < > \"引号\"",
        "a. 字母列表\nb. 第二项",
        "[坏链接](missing.md) [javascript](javascript:alert(1))",
    ];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Render_PlainText_SameAsMarkdigToPlainText(string text)
    {
        Assert.Equal(Expected(text), Rendered(text));
    }

    [Fact]
    public void Render_PlainText_SameAsMarkdigToPlainText_ForEverySampleStory()
    {
        var content = Path.Combine(SampleSite.FindRepositoryRoot(), "content");
        var files = Directory.GetFiles(content, "*.md", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var body = FrontMatterSplitter.Split(File.ReadAllText(file)).Body;
            Assert.Equal(Expected(body), Rendered(body));
        }
    }

    private static string Expected(string text) => Markdig.Markdown.ToPlainText(text, SiteMarkdown.Pipeline).Trim();

    private static string Rendered(string text) =>
        MarkdownRenderer.Render(new MarkdownSource("content/stories/x.md", text, 1, "content/stories"), new SiteUrls(), null, plainText: true).PlainText!;
}
