using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Site.Intake.Tests;

/// <summary>
/// What an attacker or a careless script gets back: every problem's title in Chinese (not the
/// framework's "Not Found"), 415 for a body that is neither JSON nor a form, and a 404 that quotes an
/// id without its invisible characters and cut short.
/// </summary>
public sealed class ProblemWordingTests
{
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage answer)
    {
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        return await answer.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4E00' and <= '\u9FFF');

    [Fact]
    public async Task EveryStatus_HasAChineseTitle()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteRecipients(folder);
        await using var app = new IntakeApplication(folder);
        using var anonymous = app.CreateClient();
        using var staff = app.CreateClient();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);

        var answers = new List<(string What, HttpResponseMessage Answer)>
        {
            ("export of no draft", await staff.GetAsync("/api/drafts/nosuch/export.xlsx")),
            ("export in no format", await staff.GetAsync("/api/drafts/open-draft/export.pdf")),
            ("no token", await anonymous.GetAsync("/api/drafts/open-draft/export.csv")),
            ("no such address", await anonymous.GetAsync("/api/nowhere")),
            ("wrong method", await anonymous.DeleteAsync("/api/drafts/open-draft/stats")),
            ("bad query", await anonymous.GetAsync("/api/drafts/open-draft/comments?all=maybe")),
            ("xml body", await anonymous.PostAsync("/api/drafts/open-draft/comments", new StringContent("<comment/>", Encoding.UTF8, "text/xml"))),
            ("no such deputy", await anonymous.GetAsync("/api/deputies/D9999/messages")),
            ("closed draft", await anonymous.PostAsJsonAsync("/api/drafts/closed-draft/comments", new { text = "建议写明续聘的程序和时限。" })),
        };

        var problems = new List<JsonElement>();
        foreach (var (what, answer) in answers)
        {
            Assert.True((int)answer.StatusCode >= 400, what);
            var problem = await ProblemAsync(answer);
            problems.Add(problem);
            var title = problem.GetProperty("title").GetString();
            Assert.True(IsChinese(title), $"{what}: {(int)answer.StatusCode} title “{title}”");
            Assert.True(IsChinese(problem.GetProperty("detail").GetString()), what);
        }

        Assert.Equal(HttpStatusCode.NotFound, answers[0].Answer.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answers[6].Answer.StatusCode);
        Assert.Contains("text/xml", problems[6].GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("\u202ED0001", "D0001")]
    [InlineData("D\u200b99\u200f99", "D9999")]
    [InlineData("a%2Fb", "a/b")]
    public async Task A404_QuotesTheIdWithoutInvisibleCharacters(string id, string shown)
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteRecipients(folder);
        await using var app = new IntakeApplication(folder);
        using var client = app.CreateClient();

        var answer = await client.GetAsync("/api/deputies/" + (id.Contains('%') ? id : Uri.EscapeDataString(id)) + "/messages");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal($"没有编号为“{shown}”的代表", (await ProblemAsync(answer)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A404_CutsALongIdShort_AndAnArticleIsQuotedWithoutInvisibleCharacters()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteRecipients(folder);
        await using var app = new IntakeApplication(folder);
        using var client = app.CreateClient();

        var longId = await client.GetAsync("/api/deputies/" + new string('D', 5000) + "/messages");
        var article = await client.PostAsJsonAsync("/api/drafts/open-draft/comments", new { article = "第\u200b六\u202e条", text = "建议写明续聘的程序和时限。" });

        var detail = (await ProblemAsync(longId)).GetProperty("detail").GetString()!;
        Assert.Equal($"没有编号为“{new string('D', 40)}…”的代表", detail);
        Assert.Equal(HttpStatusCode.BadRequest, article.StatusCode);
        var said = await article.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\u200b", said, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202e", said, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u200B", said, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\\u202E", said, StringComparison.OrdinalIgnoreCase);
    }
}
