using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Site.Contracts;
using Site.Intake.Comments;
using Site.Intake.Import;
using Site.Intake.Office;

namespace Site.Intake.Tests;

/// <summary>
/// A "zip bomb" workbook: a valid reply sheet of a few hundred KB whose sheet XML holds one cell of
/// 100 MB of text. The upload limit counts compressed bytes; the unpacked parts are bounded before the
/// spreadsheet library reads them, both by the sizes the archive declares and by the bytes it really
/// unpacks to.
/// </summary>
public sealed class WorkbookSizeTests
{
    private const int CellBytes = 100 * 1024 * 1024;

    [Fact]
    public async Task StaffUpload_AZipBomb_Is413InChinese_BeforeTheLibraryReadsIt()
    {
        var bomb = Bomb(lieAboutLength: false);
        Assert.True(bomb.Length < MessageOfficeApi.MaxImportBytes);
        await using var app = new IntakeApplication(withSearch: false);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeApplication.StaffToken);

        var answer = await client.PostAsync("/api/messages/import", new MultipartFormDataContent { { new ByteArrayContent(bomb), "file", "办理表.xlsx" } });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var said = await answer.Content.ReadAsStringAsync();
        Assert.Contains("办理表.xlsx：无法导入，这个工作簿解压后太大", said);
        Assert.Contains("工作簿解压后太大", said);
    }

    // System.IO.Compression stops a part at the size it declares (the counted read in SheetFiles keeps
    // the bound should it not): a part that declares 1,000 bytes and holds 100 MB is read as its first
    // 1,000 bytes, a sheet cut short, which the import refuses as damaged, in Chinese.
    [Fact]
    public void APartThatDeclaresLessThanItHolds_IsReadNoFurtherThanItDeclares()
    {
        var bomb = Bomb(lieAboutLength: true);
        using (var zip = new ZipArchive(new MemoryStream(bomb)))
        {
            Assert.All(zip.Entries, e => Assert.True(e.Length < SheetFiles.MaxPartBytes));
        }

        Assert.Null(SheetFiles.UnpackedRefusal(new MemoryStream(bomb)));
        var read = MessageSheetReader.Read(bomb, "办理表.xlsx");

        Assert.Empty(read.Rows);
        Assert.Contains(read.Problems, p => p.IsError && p.ToString().StartsWith("办理表.xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public void BothCommandLineImports_SayItNamingTheFile()
    {
        var folder = IntakeApplication.CreateDataFolder(withSearch: false);
        var path = Path.Combine(folder, "线下意见.xlsx");
        File.WriteAllBytes(path, Bomb(lieAboutLength: false));
        var draft = new DraftEntry("wuye", "湘潭县物业管理条例（草案）", "/drafts/wuye/", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.FromHours(8)), [new ArticleEntry(ArticleNumbers.Anchor(1), ArticleNumbers.Label(1))]);

        var offline = Assert.Single(OfflineImport.Read(path, draft, "线下意见.xlsx", new DateOnly(2026, 11, 20)).Errors);
        var messages = Assert.Single(MessageSheetReader.Read(File.ReadAllBytes(path), "办理表.xlsx").Problems);

        Assert.StartsWith("线下意见.xlsx：无法导入，这个工作簿解压后太大", offline);
        Assert.StartsWith("办理表.xlsx：无法导入，这个工作簿解压后太大", messages.ToString());
    }

    /// <summary>A reply sheet (回执编号, 状态, 答复内容) whose one reply is <see cref="CellBytes"/> of text; with <paramref name="lieAboutLength"/> its headers declare the sheet part as 1,000 bytes.</summary>
    private static byte[] Bomb(bool lieAboutLength)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="留言" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
            sheet.Write(Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>回执编号</t></is></c><c r="B1" t="inlineStr"><is><t>状态</t></is></c><c r="C1" t="inlineStr"><is><t>答复内容</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>LY260302-7KQ2M9PX</t></is></c><c r="B2" t="inlineStr"><is><t>已答复</t></is></c><c r="C2" t="inlineStr"><is><t>"""));
            var block = Encoding.ASCII.GetBytes(new string('A', 1024 * 1024));
            for (var i = 0; i < CellBytes / block.Length; i++)
            {
                sheet.Write(block);
            }

            sheet.Write("</t></is></c></row></sheetData></worksheet>"u8);
        }

        var bytes = buffer.ToArray();
        if (lieAboutLength)
        {
            // Local file header: uncompressed size at offset 22; central directory header: at offset 24 (APPNOTE 4.3.7, 4.3.12).
            var name = "xl/worksheets/sheet1.xml"u8;
            for (var at = 0; at < bytes.Length - 46; at++)
            {
                var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
                if (signature == 0x04034b50 && bytes.AsSpan(at + 30).StartsWith(name))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 22), 1000);
                }
                else if (signature == 0x02014b50 && bytes.AsSpan(at + 46).StartsWith(name))
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), 1000);
                }
            }
        }

        return bytes;
    }
}
