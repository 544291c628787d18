using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Site.Search;

namespace Site.Intake.Tests;

/// <summary>
/// Numbers in hit snippets at 375 px (a fresh tester's finding): "2026年12月底前完成 2026" / "年花石镇…",
/// "联系电话：0731-" / "5xxx…", "9:00—" / "12:00". The page keeps dates, times, telephone numbers and counts
/// in <c>span.nw</c> as the rest of the site does, highlights the same characters as the JSON snippet, and a
/// snippet never starts or ends inside a number.
/// </summary>
public sealed class SearchSnippetNumbersTests
{
    private static readonly HtmlParser Parser = new();

    // The sample site's 花石镇代表之家 and the 湘莲烘干中心 project, as the index holds them.
    private const string Station = "代表之家 花石镇 地址：花石镇花石街62号 开放时间：周一至周五 8:30—17:30 接待日：每月8日、22日接待选民 负责人：李建华 联络员：张敏 联系电话：0731-5xxx1106 邮政编码：411228";
    private const string Project = "湘莲烘干中心建设 责任单位：县农业农村局 2026年12月底前完成 2026年花石镇人民代表大会民生实事项目票决 当选项目";

    private static string Folder(params SearchDocument[] documents)
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteSearchData(folder, documents);
        return folder;
    }

    private static async Task<(IElement Snippet, string Json)> HitAsync(HttpClient client, string query, string url)
    {
        var q = "?q=" + Uri.EscapeDataString(query);
        var body = await client.GetFromJsonAsync<JsonElement>("/api/search" + q);
        var json = body.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("url").GetString() == url).GetProperty("snippetHtml").GetString()!;
        var page = Parser.ParseDocument(await client.GetStringAsync("/api/search/page" + q));
        var snippet = page.QuerySelector($".search-hits a[href='{url}']")!.Closest("li")!.QuerySelector("p:not(.meta)")!;
        return (snippet, json);
    }

    /// <summary>Each character of the snippet's text, upper-cased where it is highlighted: "花石镇" with 花石 marked is "[花][石]镇".</summary>
    private static string Marked(INode root)
    {
        var text = new StringBuilder();
        foreach (var node in root.GetDescendants().OfType<IText>())
        {
            var marked = node.Ancestors<IElement>().Any(e => e.LocalName == "mark");
            foreach (var c in node.Data)
            {
                text.Append(marked ? $"[{c}]" : c.ToString());
            }
        }

        return text.ToString();
    }

    private static string Marked(string snippetHtml) => Marked(Parser.ParseDocument("<p>" + snippetHtml + "</p>").Body!);

    [Fact]
    public async Task Snippet_KeepsTimesAndTelephoneNumbersWhole_AndHighlightsWhatTheJsonDoes()
    {
        await using var application = new IntakeApplication(Folder(new SearchDocument("/stations/S06/", "花石镇代表之家", Station, SearchTypes.Station)));
        var (snippet, json) = await HitAsync(application.CreateClient(), "花石", "/stations/S06/");

        var kept = snippet.QuerySelectorAll(".nw").Select(e => e.TextContent).ToList();
        Assert.Contains("8:30—17:30", kept);
        Assert.Contains("0731-5xxx1106", kept);
        Assert.Contains("8日", kept);
        Assert.Equal(Marked(json), Marked(snippet));
        Assert.All(snippet.QuerySelectorAll("mark"), m => Assert.Equal("花石", m.TextContent));
    }

    [Fact]
    public async Task Snippet_AMarkAcrossADatesEdge_IsSplitThere_SameCharactersHighlighted()
    {
        await using var application = new IntakeApplication(Folder(new SearchDocument("/projects/p1/", "湘莲烘干中心", Project, SearchTypes.Story)));
        var (snippet, json) = await HitAsync(application.CreateClient(), "年花石", "/projects/p1/");

        Assert.Contains("<mark>年花石</mark>", json);
        var kept = snippet.QuerySelectorAll(".nw").Select(e => e.TextContent).ToList();
        Assert.Contains("2026年12月", kept);
        Assert.Contains("2026年", kept);
        // 年 is marked inside the date's span, 花石 after it: nothing misnested for the parser to repair.
        Assert.Contains("<span class=\"nw\">2026<mark>年</mark></span><mark>花石</mark>", snippet.InnerHtml);
        Assert.Equal(Marked(json), Marked(snippet));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(11)]
    public async Task Snippet_NeverEndsOrStartsInsideANumber(int shift)
    {
        // The 90-character window ends at a different place in the telephone number for each shift.
        var body = "花石" + new string('的', 70 + shift) + "联系电话：0731-5xxx1106，来访请预约。";
        // And starts inside 2026年12月 when the match sits 22 characters after the date's middle.
        var late = new string('的', 40) + "完成时间2026年12月" + new string('的', 15 - shift) + "花石镇";
        await using var application = new IntakeApplication(Folder(
            new SearchDocument("/stations/a/", "甲", body, SearchTypes.Station),
            new SearchDocument("/stations/b/", "乙", late, SearchTypes.Station)));
        var client = application.CreateClient();

        var (end, _) = await HitAsync(client, "花石", "/stations/a/");
        var (start, _) = await HitAsync(client, "花石", "/stations/b/");

        AssertCutOutsideNumbers(body, end.TextContent);
        AssertCutOutsideNumbers(late, start.TextContent);
        Assert.Contains("0731-5xxx1106", end.TextContent);
        Assert.Contains("2026年12月", start.TextContent);
    }

    /// <summary>The snippet (less its …) is a piece of <paramref name="source"/>; neither of its ends falls between two characters of a number.</summary>
    private static void AssertCutOutsideNumbers(string source, string snippet)
    {
        var piece = snippet.Trim('…');
        var from = source.IndexOf(piece, StringComparison.Ordinal);
        Assert.True(from >= 0, snippet);
        var to = from + piece.Length;
        static bool Number(char c) => char.IsAsciiLetterOrDigit(c) || "年月日-—:".Contains(c, StringComparison.Ordinal);
        Assert.False(from > 0 && Number(source[from - 1]) && Number(source[from]), "starts inside a number: " + snippet);
        Assert.False(to < source.Length && Number(source[to - 1]) && Number(source[to]), "ends inside a number: " + snippet);
    }
}
