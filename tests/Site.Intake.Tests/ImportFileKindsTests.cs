using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Site.Contracts;
using Site.Intake.Comments;
using Site.Intake.Import;
using Site.Intake.Office;

namespace Site.Intake.Tests;

/// <summary>
/// Files that are not .xlsx workbooks, as offices bring them to both imports (the offline comments
/// and the message sheet): an Excel 97–2003 .xls (TestData, made by LibreOffice), a CSV as WPS and
/// Excel save it (UTF-8 with BOM, GB18030), a Word .docx renamed .xlsx, an empty file, a PDF, an HTML
/// table saved as .xls. Each is one Chinese sentence naming the file and saying to 另存为 .xlsx; no
/// library message in English.
/// </summary>
public sealed class ImportFileKindsTests
{
    private static readonly DraftEntry Draft = new(
        "wuye", "湘潭县物业管理条例（草案）", "/drafts/wuye/", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.FromHours(8)),
        Enumerable.Range(1, 15).Select(n => new ArticleEntry(ArticleNumbers.Anchor(n), ArticleNumbers.Label(n))).ToList());

    private const string Csv = "渠道,收到日期,条款,意见内容\r\n来信,2026-11-03,第十二条,建议写明合同期满前三个月组织续聘。\r\n";

    public static TheoryData<string, string, string> Files() => new()
    {
        { "线下意见.xls", "excel97", "Excel 97-2003 工作簿（.xls）" },
        { "线下意见.csv", "csv-bom", "文本文件（CSV" },
        { "线下意见.csv", "csv-gb18030", "文本文件（CSV" },
        { "线下意见.xlsx", "docx", "Word 文档（.docx），只是扩展名改成了表格的" },
        { "线下意见.xlsx", "empty", "空文件（0 字节）" },
        { "线下意见.xlsx", "pdf", "PDF 文件" },
        { "线下意见.xls", "html", "网页（HTML）" },
        { "线下意见.xlsx", "zip", "压缩包" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void OfflineImport_NotAWorkbook_IsOneChineseErrorNamingTheFileAndSayingToSaveAsXlsx(string name, string kind, string said)
    {
        var path = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), name);
        File.WriteAllBytes(path, Content(kind));

        var plan = OfflineImport.Read(path, Draft, name, new DateOnly(2026, 11, 20));

        var error = Assert.Single(plan.Errors);
        Assert.Empty(plan.Comments);
        Assert.StartsWith(name + "：无法导入，", error);
        Assert.Contains(said, error);
        Assert.Contains("另存为", error);
        Assert.Contains("(*.xlsx)", error);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void MessageSheet_NotAWorkbook_IsOneErrorNamingTheFile(string name, string kind, string said)
    {
        var read = MessageSheetReader.Read(Content(kind), name);

        var problem = Assert.Single(read.Problems);
        Assert.True(problem.IsError);
        Assert.StartsWith(name + "：无法导入，", problem.ToString());
        Assert.Contains(said, problem.Message);
        Assert.Contains("另存为", problem.Message);
    }

    [Fact]
    public void OfflineImport_AWorkbookWithABrokenPart_IsChinese_NotTheLibrarysMessage()
    {
        var path = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "坏表.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            writer.Write("<workbook><sheets><sheet name=");
        }

        var error = Assert.Single(OfflineImport.Read(path, Draft, "坏表.xlsx", new DateOnly(2026, 11, 20)).Errors);

        Assert.StartsWith("坏表.xlsx：无法读取这个 Excel 工作簿，文件可能已损坏或不完整。", error);
        Assert.Contains("另存为", error);
    }

    [Fact]
    public void OfflineImport_ASheetCutShort_IsChinese_NamingTheSheet()
    {
        var path = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), "断了的表.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Part(string name, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(xml);
            }

            Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="线下意见" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Part("xl/worksheets/sheet1.xml", """<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>渠道</t></is></c></row><row r="2"><c r="A2" t="inl""");
        }

        var errors = OfflineImport.Read(path, Draft, "断了的表.xlsx", new DateOnly(2026, 11, 20)).Errors;

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("断了的表.xlsx", e));
        Assert.Contains(errors, e => e.Contains("另存为"));
    }

    [Fact]
    public async Task StaffUpload_ACsvOrAnXls_IsNamedAndWordedForStaff_AndABrokenFormIsNotACitizensMessage()
    {
        await using var app = new IntakeApplication(withSearch: false);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);

        var csv = await client.PostAsync("/api/messages/import", new MultipartFormDataContent { { new ByteArrayContent(Content("csv-bom")), "file", "办理表.csv" } });
        var xls = await client.PostAsync("/api/messages/import", new MultipartFormDataContent { { new ByteArrayContent(Content("excel97")), "file", "办理表.xls" } });
        var two = await client.PostAsync("/api/messages/import", new MultipartFormDataContent
        {
            { new ByteArrayContent(Content("csv-bom")), "file", "一.xlsx" }, { new ByteArrayContent(Content("csv-bom")), "file", "二.xlsx" },
        });
        var cut = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nabc"u8.ToArray());
        cut.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=x");
        var truncated = await client.PostAsync("/api/messages/import", cut);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, csv.StatusCode);
        Assert.StartsWith("办理表.csv：无法导入，这个文件是文本文件", Assert.Single((await csv.Content.ReadFromJsonAsync<ImportAnswer>())!.Errors));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, xls.StatusCode);
        Assert.StartsWith("办理表.xls：无法导入，这个文件是旧版的 Excel 97-2003 工作簿", Assert.Single((await xls.Content.ReadFromJsonAsync<ImportAnswer>())!.Errors));
        Assert.Equal(HttpStatusCode.BadRequest, two.StatusCode);
        Assert.Contains("一次只能导入一个文件，这次收到 2 个（一.xlsx、二.xlsx）", await two.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, truncated.StatusCode);
        var said = await truncated.Content.ReadAsStringAsync();
        Assert.Contains("留言办理表（.xlsx）", said);
        Assert.DoesNotContain("本站的表单", said);
    }

    private static byte[] Content(string kind) => kind switch
    {
        "excel97" => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "offline-views-excel97.xls")),
        "csv-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv)],
        "csv-gb18030" => CodePages().GetBytes(Csv),
        "docx" => Zip("word/document.xml"),
        "zip" => Zip("照片/1.jpg"),
        "empty" => [],
        "pdf" => "%PDF-1.7\n%âãÏÓ\n1 0 obj\n"u8.ToArray(),
        "html" => "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><body><table><tr><td>渠道</td></tr></table></body></html>"u8.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static byte[] Zip(string entry)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
            {
                writer.Write("<Types/>");
            }

            zip.CreateEntry(entry);
        }

        return buffer.ToArray();
    }
}
