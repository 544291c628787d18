using System.IO.Compression;
using Site.Contracts;
using Site.Intake.Comments;
using Site.Intake.Import;

namespace Site.Intake.Tests;

/// <summary>The offline comment sheet as offices lay it out: merged cells (座谈会 over the rows of one meeting).</summary>
public sealed class OfflineImportRowsTests
{
    private static readonly DraftEntry Draft = new(
        "wuye", "湘潭县物业管理条例（草案）", "/drafts/wuye/", new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.FromHours(8)),
        Enumerable.Range(1, 15).Select(n => new ArticleEntry(ArticleNumbers.Anchor(n), ArticleNumbers.Label(n))).ToList());

    // Excel writes the covered cell A5 as an empty cell; WPS may leave it out of the sheet's XML.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AMergedChannel_CountsForEveryRowItCovers(bool coveredCellWritten)
    {
        var a5 = coveredCellWritten ? """<c r="A5"/>""" : "";
        var path = Write("线下意见.xlsx", $"""
            <row r="1"><c r="A1" t="inlineStr"><is><t>湘潭县物业管理条例（草案）线下意见</t></is></c></row>
            <row r="3">{Cell("A3", "渠道")}{Cell("B3", "收到日期")}{Cell("C3", "条款")}{Cell("D3", "意见内容")}</row>
            <row r="4">{Cell("A4", "座谈会")}{Cell("B4", "2026-11-12")}{Cell("C4", "第十二条")}{Cell("D4", "建议写明合同期满前三个月组织续聘。")}</row>
            <row r="5">{a5}{Cell("B5", "2026-11-12")}{Cell("C5", "第三条")}{Cell("D5", "建议明确业主委员会的任期。")}</row>
            <row r="6"><c r="A6"/></row>
            """, """<mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="A4:A6"/></mergeCells>""");

        var plan = OfflineImport.Read(path, Draft, "线下意见.xlsx", new DateOnly(2026, 11, 20));

        Assert.Empty(plan.Errors);
        Assert.Equal(2, plan.Comments.Count);
        Assert.All(plan.Comments, c => Assert.Equal("座谈会", c.Channel));
    }

    // 联系点 is a station the build published: its id (S01) or its exact name, stored as the id; anything else is a row error.
    [Fact]
    public void TheContactPoint_IsAStationIdOrItsExactName_StoredAsTheId_AndAnUnknownOneIsARowError()
    {
        var stations = new StationManifest([new StationEntry("S01", "易俗河镇代表联络站", "/stations/S01/", null), new StationEntry("S02", "石鼓镇代表之家", "/stations/S02/", null)]);
        string Row(int n, string point) => $"""<row r="{n}">{Cell($"A{n}", "基层立法联系点")}{Cell($"B{n}", "2026-11-12")}{Cell($"C{n}", "第三条")}{Cell($"D{n}", $"第 {n} 行的意见。")}{Cell($"E{n}", point)}</row>""";
        var header = $"""<row r="1">{Cell("A1", "渠道")}{Cell("B1", "收到日期")}{Cell("C1", "条款")}{Cell("D1", "意见内容")}{Cell("E1", "联系点")}</row>""";

        var good = OfflineImport.Read(Write("好.xlsx", header + Row(2, "S01") + Row(3, "石鼓镇代表之家")), Draft, "好.xlsx", new DateOnly(2026, 11, 20), stations);
        var bad = OfflineImport.Read(Write("坏.xlsx", header + Row(2, "S99") + Row(3, "石鼓镇代表联络站")), Draft, "坏.xlsx", new DateOnly(2026, 11, 20), stations);

        Assert.Empty(good.Errors);
        Assert.Equal(["S01", "S02"], good.Comments.Select(c => c.ContactPoint));
        Assert.Empty(bad.Comments);
        Assert.Equal(2, bad.Errors.Count);
        Assert.StartsWith("坏.xlsx，工作表“线下意见”，第 2 行，“联系点”列（E 列）：没有编号或名称为“S99”的家站点", bad.Errors[0]);
        Assert.StartsWith("坏.xlsx，工作表“线下意见”，第 3 行，“联系点”列（E 列）：没有编号或名称为“石鼓镇代表联络站”的家站点", bad.Errors[1]);
        Assert.All(bad.Errors, e => Assert.Contains("stations.json", e));
    }

    internal static string Cell(string reference, string text) => $"""<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>""";

    /// <summary>An .xlsx of one sheet 线下意见 with <paramref name="rows"/> and, after them, <paramref name="tail"/> (mergeCells).</summary>
    internal static string Write(string name, string rows, string tail = "")
    {
        var path = Path.Combine(IntakeApplication.CreateDataFolder(withSearch: false), name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Part(string part, string xml)
        {
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write(xml);
        }

        Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Part("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="线下意见" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Part("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        Part("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows.ReplaceLineEndings("")}</sheetData>{tail}</worksheet>""");
        return path;
    }
}
