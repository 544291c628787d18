using System.Text;
using Site.Generator.Loading;

namespace Site.Generator.Tests.Loading;

/// <summary>The splitter cuts substrings in place; it must cut exactly where splitting into lines would.</summary>
public sealed class FrontMatterSplitterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("---")]
    [InlineData("---\n")]
    [InlineData("---\n---")]
    [InlineData("---\n---\n")]
    [InlineData("---\r\ntitle: 标题\r\n---\r\n正文\r\n")]
    [InlineData("\uFEFF---\ntitle: 标题\n...\n正文")]
    [InlineData("--- \t\ntitle: a\n---  \n\n正文\n\n")]
    [InlineData("正文\n---\n")]
    [InlineData("---\ntitle: 没有结束\n正文")]
    [InlineData("----\ntitle: a\n---\n")]
    [InlineData("...\ntitle: a\n---\n")]
    public void Split_Edges_SameAsSplittingIntoLines(string text)
    {
        Assert.Equal(Reference(text), FrontMatterSplitter.Split(text));
    }

    [Fact]
    public void Split_FencedHeader_HeaderBodyAndTheBodysFirstLine()
    {
        var parts = FrontMatterSplitter.Split("---\ntitle: 标题\ndate: 2026-03-01\n---\n正文第一段\n");

        Assert.Equal("title: 标题\ndate: 2026-03-01", parts.FrontMatter);
        Assert.Equal("正文第一段\n", parts.Body);
        Assert.Equal(5, parts.BodyStartLine);
    }

    [Fact]
    public void Split_RandomLines_SameAsSplittingIntoLines()
    {
        var random = new Random(5);
        string[] lines = ["---", "--- ", "...", "----", "title: 标题", "", "\r", "正文", " ---", "---\r", "\uFEFF---"];
        for (var i = 0; i < 5000; i++)
        {
            var text = new StringBuilder();
            for (var j = random.Next(0, 8); j > 0; j--)
            {
                text.Append(lines[random.Next(lines.Length)]);
                if (j > 1 || random.Next(2) == 0)
                {
                    text.Append('\n');
                }
            }

            Assert.Equal(Reference(text.ToString()), FrontMatterSplitter.Split(text.ToString()));
        }
    }

    /// <summary>The obvious version: split into lines, find the closing fence, join the rest again.</summary>
    private static FrontMatterSplitter.Parts Reference(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r', ' ', '\t') != "---")
        {
            return new FrontMatterSplitter.Parts(null, text, 1, false);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd('\r', ' ', '\t') is "---" or "...")
            {
                return new FrontMatterSplitter.Parts(string.Join('\n', lines[1..i]), string.Join('\n', lines[(i + 1)..]), i + 2, false);
            }
        }

        return new FrontMatterSplitter.Parts(null, text, 1, true);
    }
}
