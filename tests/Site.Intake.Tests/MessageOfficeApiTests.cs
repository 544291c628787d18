using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using MiniExcelLibs;
using Site.Intake.Office;

namespace Site.Intake.Tests;

/// <summary>The office's sheet over HTTP (the endpoint in process, a real SQLite file): token, export, import, refusals, and the lookup showing the reply.</summary>
public sealed class MessageOfficeApiTests
{
    [Fact]
    public async Task ExportThenImport_OverHttp_WithTheStaffToken()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        IntakeApplication.WriteRecipients(folder);
        await using var app = new IntakeApplication(folder);
        using var client = app.CreateClient();
        var posted = await client.PostAsJsonAsync("/api/deputies/D0001/messages", new { text = "村口路灯坏了三个月，晚上接孩子很不方便。", name = "王秀兰", contact = "13812345678", wantsReply = true });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var receipt = (await posted.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["receipt"].ToString()!;

        var anonymous = await client.GetAsync("/api/messages/export.xlsx");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("bearer", IntakeApplication.StaffToken);
        var export = await client.GetAsync("/api/messages/export.xlsx");
        var badSince = await client.GetAsync("/api/messages/export.xlsx?since=上周");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("no-store", export.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, badSince.StatusCode);
        using var sheet = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal((receipt, "王建国（代表）", "13812345678"), (row["回执编号"], row["代表/联络站"], row["联系方式"]));

        row["状态"] = "已答复";
        row["承办单位"] = "易俗河镇人民政府";
        row["答复内容"] = "路灯已修复，感谢您的反映。";
        row["答复日期"] = DateTime.UtcNow.AddHours(8).Date;
        using var filled = new MemoryStream();
        filled.SaveAs(rows, sheetName: "留言");
        var bad = new Dictionary<string, object?>(row) { ["状态"] = "已处理" };
        using var wrong = new MemoryStream();
        wrong.SaveAs(new[] { bad }, sheetName: "留言");

        var refused = await client.PostAsync("/api/messages/import", new ByteArrayContent(wrong.ToArray()));
        var form = new MultipartFormDataContent { { new ByteArrayContent(filled.ToArray()), "file", "办理表.xlsx" } };
        var applied = await client.PostAsync("/api/messages/import", form);
        var again = await client.PostAsync("/api/messages/import", new ByteArrayContent(filled.ToArray()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var refusal = (await refused.Content.ReadFromJsonAsync<ImportAnswer>())!;
        Assert.Contains("第 2 行，“状态”列（I 列）", Assert.Single(refusal.Errors));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(1, (await applied.Content.ReadFromJsonAsync<ImportAnswer>())!.Updated);
        var second = (await again.Content.ReadFromJsonAsync<ImportAnswer>())!;
        Assert.Equal((0, 1), (second.Updated, second.Unchanged));
        var lookup = await client.GetFromJsonAsync<Dictionary<string, System.Text.Json.JsonElement>>($"/api/receipts/{receipt}");
        Assert.Equal("路灯已修复，感谢您的反映。", lookup!["reply"].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Import_OverTheLimit_Is413_AndWithoutTokenIs401()
    {
        await using var app = new IntakeApplication(withSearch: false);
        using var client = app.CreateClient();

        var anonymous = await client.PostAsync("/api/messages/import", new ByteArrayContent([1, 2, 3]));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);
        var tooLarge = await client.PostAsync("/api/messages/import", new ByteArrayContent(new byte[MessageOfficeApi.MaxImportBytes + 1]));
        var notAWorkbook = await client.PostAsync("/api/messages/import", new ByteArrayContent("回执编号,状态"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAWorkbook.StatusCode);
        Assert.Contains("不是 Excel 工作簿", Assert.Single((await notAWorkbook.Content.ReadFromJsonAsync<ImportAnswer>())!.Errors));
    }

    [Fact]
    public async Task Import_HostileSheetsAndMalformedForms_AreChineseProblemsNot503()
    {
        await using var app = new IntakeApplication(withSearch: false);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);
        const string header = """<row r="1"><c r="A1" t="inlineStr"><is><t>回执编号</t></is></c><c r="B1" t="inlineStr"><is><t>状态</t></is></c><c r="C1" t="inlineStr"><is><t>答复日期</t></is></c></row>""";
        const string farDown = """<row r="2147483647"><c r="A2147483647" t="inlineStr"><is><t>LY260302-7KQ2M9PX</t></is></c></row>""";

        var far = await client.PostAsync("/api/messages/import", new ByteArrayContent(MessageSheetReaderLimitsTests.Package(header + farDown)));
        var date = await client.PostAsync("/api/messages/import", new ByteArrayContent(MessageSheetReaderLimitsTests.DateOverflow()));
        var noBoundary = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nabc\r\n--x--\r\n"u8.ToArray());
        noBoundary.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
        var missing = await client.PostAsync("/api/messages/import", noBoundary);
        var truncatedBody = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nabc"u8.ToArray());
        truncatedBody.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        var truncated = await client.PostAsync("/api/messages/import", truncatedBody);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, far.StatusCode);
        Assert.Contains($"超过 {MessageSheetReader.MaxRows} 行", Assert.Single((await far.Content.ReadFromJsonAsync<ImportAnswer>())!.Errors));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, date.StatusCode);
        Assert.Contains((await date.Content.ReadFromJsonAsync<ImportAnswer>())!.Errors, e => e.Contains("第 3 行") && e.Contains("答复日期"));
        foreach (var answer in new[] { missing, truncated })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
            Assert.Contains("提交的表单格式不对", await answer.Content.ReadAsStringAsync());
        }
    }

    // With no staff token configured the HTTP staff routes are off: 403 saying so, not a 401 asking for a token.
    [Fact]
    public async Task WithoutAConfiguredToken_StaffRoutesSayTheyAreOff()
    {
        await using var app = new IntakeApplication(withSearch: false, settings: new Dictionary<string, string?> { ["Intake:ExportToken"] = "" });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", IntakeApplication.StaffToken);

        foreach (var answer in new[] { await client.GetAsync("/api/messages/export.xlsx"), await client.GetAsync("/api/drafts/open-draft/export.csv") })
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            Assert.Contains("没有开启网上导出", await answer.Content.ReadAsStringAsync());
        }
    }
}
