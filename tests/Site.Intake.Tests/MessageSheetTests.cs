using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;
using Site.Intake.Office;
using Site.Intake.Storage;

namespace Site.Intake.Tests;

/// <summary>The office's sheet as Excel sees it: the .xlsx package opened and its cells, styles and panes read.</summary>
public sealed class MessageSheetTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    internal static StoredMessage Stored(string receipt, string text, string? contact = "13812345678", bool consent = true,
        MessageStatus status = MessageStatus.Received, string? unit = null, string? reply = null, DateOnly? repliedOn = null, bool officePublic = false, bool wantsReply = false) =>
        new(receipt, RecipientKind.Deputy, "D0001", "S01", text, "王秀兰", contact, consent,
            new DateTimeOffset(2026, 3, 1, 18, 30, 0, TimeSpan.Zero), status, unit, reply, repliedOn, officePublic, null, null, [], WantsReply: wantsReply);

    private static byte[] Sample() => MessageSheet.Write(
        [
            Stored("LY260302-7KQ2M9PX", "村口路灯坏了三个月，请代表帮忙反映。\n晚上出行很不方便。", contact: "013812345678", wantsReply: true),
            Stored("LY260302-AAAAAAAA", "=1+1 不是公式", status: MessageStatus.Answered, unit: "县住建局", reply: "已修复。", repliedOn: new DateOnly(2026, 3, 9), officePublic: true),
        ],
        (_, _) => "赵明华（代表）");

    [Fact]
    public void Export_HeaderIsFrozen_AndColumnsHaveWidths()
    {
        var (sheet, _) = Open(Sample());

        var pane = sheet.Descendants(Main + "pane").Single();
        Assert.Equal(("1", "frozen", "A2"), ((string?)pane.Attribute("ySplit"), (string?)pane.Attribute("state"), (string?)pane.Attribute("topLeftCell")));
        var header = sheet.Descendants(Main + "row").First().Elements(Main + "c").Select(c => c.Value).ToList();
        Assert.Equal(MessageSheet.Columns.Select(c => c.Header), header);
        Assert.Equal(["回执编号", "收到日期", "代表/联络站", "留言内容", "姓名", "联系方式", "希望答复", "是否同意公开", "状态", "承办单位", "答复内容", "答复日期", "是否公开"], header);
        var widths = sheet.Descendants(Main + "col").Select(c => double.Parse((string)c.Attribute("width")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(13, widths.Count);
        Assert.True(widths[3] >= 40 && widths[10] >= 40, "留言内容 and 答复内容 are wide");
        Assert.True(widths[1] >= 10 && widths[5] >= 14, "a date and a phone number fit");
    }

    [Fact]
    public void Export_StatusAndPublic_AreDropDowns_RepliedOnIsADate_InSchemaOrder()
    {
        var (sheet, _) = Open(Sample());

        var rules = sheet.Element(Main + "dataValidations")!.Elements(Main + "dataValidation")
            .ToDictionary(v => (string)v.Attribute("sqref")!, v => ((string)v.Attribute("type")!, (string?)v.Attribute("errorStyle"), v.Element(Main + "formula1")!.Value));
        Assert.Equal(("list", "stop", "\"已转办,办理中,已答复,已办结\""), rules["I2:I1048576"]);
        Assert.Equal(("list", "stop", "\"是,否\""), rules["M2:M1048576"]);
        Assert.Equal(("date", "warning", "36526"), rules["L2:L1048576"]);
        Assert.Equal("3", (string?)sheet.Element(Main + "dataValidations")!.Attribute("count"));

        // Excel refuses a worksheet whose elements are out of the schema's order.
        var order = sheet.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.True(order.IndexOf("dataValidations") > order.IndexOf("sheetData"), string.Join(",", order));
        Assert.True(order.IndexOf("dataValidations") > order.IndexOf("autoFilter"), string.Join(",", order));
        foreach (var later in new[] { "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "drawing", "tableParts" })
        {
            Assert.True(order.IndexOf(later) is -1 || order.IndexOf(later) > order.IndexOf("dataValidations"), string.Join(",", order));
        }
    }

    [Theory]
    [InlineData(0, "A2:A1048576")]
    [InlineData(8, "I2:I1048576")]
    [InlineData(25, "Z2:Z1048576")]
    [InlineData(26, "AA2:AA1048576")]
    public void DropDownRange_NamesTheColumnBelowTheHeader(int column, string range) => Assert.Equal(range, SheetDropDowns.Range(column));

    [Fact]
    public void Export_DatesAreExcelDates_PhonesAndReceiptsAreText_LongTextWraps()
    {
        var (sheet, styles) = Open(Sample());
        XElement Cell(string reference) => sheet.Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == reference);

        // 收到日期: 2026-03-01 18:30 UTC is 3月2日 in Beijing, a number cell (Excel's serial) in a date format.
        Assert.Null(Cell("B2").Attribute("t"));
        Assert.Equal(new DateTime(2026, 3, 2).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), Cell("B2").Value);
        Assert.Equal("yyyy-mm-dd", styles.Format(Cell("B2")));
        Assert.Equal(new DateTime(2026, 3, 9).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), Cell("L3").Value);
        Assert.Equal("yyyy-mm-dd", styles.Format(Cell("L3")));

        // 联系方式 and 回执编号: strings in text format (a leading 0 kept, never 1.38E+10).
        Assert.Equal("str", (string?)Cell("F2").Attribute("t"));
        Assert.Equal("013812345678", Cell("F2").Value);
        Assert.Equal("@", styles.Format(Cell("F2")));
        Assert.Equal("@", styles.Format(Cell("A2")));

        // Long text wraps; a text that looks like a formula is a string, not a formula.
        Assert.True(styles.Wraps(Cell("D2")));
        Assert.True(styles.Wraps(Cell("K3")));
        Assert.Null(Cell("D3").Element(Main + "f"));
        Assert.Equal("str", (string?)Cell("D3").Attribute("t"));
        Assert.Equal("'=1+1 不是公式", Cell("D3").Value);

        // The office's columns carry what is recorded.
        Assert.Equal(("已答复", "县住建局", "已修复。", "是"), (Cell("I3").Value, Cell("J3").Value, Cell("K3").Value, Cell("M3").Value));
        Assert.Equal(("", ""), (Cell("I2").Value, Cell("M2").Value));

        // 希望答复 next to 联系方式: the sender's 希望工作人员联系我答复.
        Assert.Equal(("是", "否"), (Cell("G2").Value, Cell("G3").Value));
    }

    [Fact]
    public void Export_FormulaLikeText_IsDefused_AndAnUnchangedReplyReadsBackAsRecorded()
    {
        var xlsx = MessageSheet.Write(
            [Stored("LY260302-AAAAAAAA", "@SUM(A1) 不是公式", contact: "+8613812345678", status: MessageStatus.Answered, unit: "-县住建局", reply: "=HYPERLINK(\"http://x\")", repliedOn: new DateOnly(2026, 3, 9))],
            (_, _) => "赵明华（代表）");
        var (sheet, _) = Open(xlsx);
        string Cell(string reference) => sheet.Descendants(Main + "c").Single(c => (string?)c.Attribute("r") == reference).Value;

        Assert.Equal(("'@SUM(A1) 不是公式", "+8613812345678", "'-县住建局", "'=HYPERLINK(\"http://x\")"), (Cell("D2"), Cell("F2"), Cell("J2"), Cell("K2")));
        var row = Assert.Single(MessageSheetReader.Read(xlsx, "回复.xlsx").Rows);
        Assert.Equal(("-县住建局", "=HYPERLINK(\"http://x\")"), (row.Unit, row.Reply));
    }

    internal const string Astral = "请帮忙反映。😀👍🏽𠮷";

    /// <summary>Every worksheet and the shared strings of <paramref name="xlsx"/>, as the XML text an application reads.</summary>
    internal static string SheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        return string.Concat(zip.Entries
            .Where(e => e.FullName == "xl/sharedStrings.xml" || e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }

    [Fact]
    public void Export_EmojiAndExtensionBCharacters_AreInTheCellsVerbatim_AndReadBack()
    {
        var xlsx = MessageSheet.Write(
            [Stored("LY260302-AAAAAAAA", Astral, status: MessageStatus.Answered, unit: "县住建局", reply: "已处理👍", repliedOn: new DateOnly(2026, 3, 9))],
            (_, _) => "赵明华（代表）");

        var xml = SheetXml(xlsx);
        Assert.Contains(Astral, xml);
        Assert.Contains("已处理👍", xml);
        Assert.DoesNotContain("_xD83D_", xml, StringComparison.OrdinalIgnoreCase);
        var row = Assert.Single(MessageSheetReader.Read(xlsx, "回复.xlsx").Rows);
        Assert.Equal("已处理👍", row.Reply);
        using var stream = new MemoryStream(xlsx);
        Assert.Equal(Astral, stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single()["留言内容"]);
    }

    [Theory]
    [InlineData("_xD83D__xDE00_ 是我打的字")]
    [InlineData("_x005F_ 和 _x0041_")]
    [InlineData("a_x_b")]
    public void Export_ALiteralEscapeTypedByACitizen_StaysLiteral(string text)
    {
        var xlsx = MessageSheet.Write([Stored("LY260302-AAAAAAAA", text + "😀")], (_, _) => "赵明华（代表）");

        using var stream = new MemoryStream(xlsx);
        Assert.Equal(text + "😀", stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Single()["留言内容"]);
        Assert.Contains("😀", SheetXml(xlsx));
    }

    [Theory]
    [InlineData("_xD83D__xDE00_", "😀")]
    [InlineData("_x005F_xD83D__xDE00_", "_x005F_xD83D__xDE00_")]
    [InlineData("_xD83D_", "_xD83D_")]
    [InlineData("_xDE00__xD83D_", "_xDE00__xD83D_")]
    [InlineData("_x0041__xD83D__xDC4D__xD83C__xDFFD_", "_x0041_👍🏽")]
    public void Restore_OnlySurrogatePairEscapes(string xml, string restored) => Assert.Equal(restored, SheetText.Restore(xml));

    [Fact]
    public void Export_ReadBackByALibrary_GivesDatesAsDatesAndPhonesAsStrings()
    {
        using var stream = new MemoryStream(Sample());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(new DateTime(2026, 3, 2), rows[0]["收到日期"]);
        Assert.Equal("013812345678", rows[0]["联系方式"]);
        Assert.Equal("村口路灯坏了三个月，请代表帮忙反映。\n晚上出行很不方便。", rows[0]["留言内容"]);
    }

    [Theory]
    [InlineData("2026年3月5日")]
    [InlineData("2026年3月5号")]
    [InlineData("2026.3.5")]
    [InlineData("2026-03-05")]
    [InlineData("2026/3/5")]
    [InlineData("20260305")]
    [InlineData(" 2026-3-5 ")]
    [InlineData("2026-03-05 00:00:00")]
    public void Date_TypedAsOfficesTypeIt(string typed) => Assert.Equal(new DateOnly(2026, 3, 5), MessageSheetReader.Date(typed));

    [Theory]
    [InlineData("下周")]
    [InlineData("2026-02-30")]
    [InlineData("3月5日")]
    [InlineData("2026年13月1日")]
    public void Date_NotADay_IsNull(string typed) => Assert.Null(MessageSheetReader.Date(typed));

    [Fact]
    public void Date_ExcelDateOrSerial() =>
        Assert.Equal((new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 5)), (MessageSheetReader.Date(new DateTime(2026, 3, 5)), MessageSheetReader.Date(new DateTime(2026, 3, 5).ToOADate())));

    private static (XElement Sheet, Styles Styles) Open(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        XElement Load(string name)
        {
            using var entry = zip.GetEntry(name)!.Open();
            return XElement.Load(entry);
        }

        return (Load("xl/worksheets/sheet1.xml"), new Styles(Load("xl/styles.xml")));
    }

    /// <summary>A cell's number format and wrapping, looked up through styles.xml as Excel does.</summary>
    private sealed class Styles(XElement styles)
    {
        private XElement Xf(XElement cell) => styles.Element(Main + "cellXfs")!.Elements(Main + "xf").ElementAt(int.Parse((string?)cell.Attribute("s") ?? "0"));

        public string Format(XElement cell)
        {
            var id = (string)Xf(cell).Attribute("numFmtId")!;
            return (string?)styles.Descendants(Main + "numFmt").FirstOrDefault(f => (string?)f.Attribute("numFmtId") == id)?.Attribute("formatCode")
                   ?? (id == "14" ? "yyyy-mm-dd" : "General:" + id);
        }

        public bool Wraps(XElement cell) => (string?)Xf(cell).Element(Main + "alignment")?.Attribute("wrapText") == "1";
    }
}

/// <summary>Hostile sheets handed to the reader: bounded rows, a cell the library cannot convert, cancellation.</summary>
public sealed class MessageSheetReaderLimitsTests
{
    /// <summary>A minimal .xlsx with one sheet "留言" whose sheetData is <paramref name="rows"/>; style 1 is a date (numFmt 14).</summary>
    internal static byte[] Package(string rows)
    {
        using var buffer = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }

            Add("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="留言" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
            Add("xl/styles.xml", """<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>""");
            Add("xl/worksheets/sheet1.xml", $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{rows}</sheetData></worksheet>""");
        }

        return buffer.ToArray();
    }

    private const string Header = """<row r="1"><c r="A1" t="inlineStr"><is><t>回执编号</t></is></c><c r="B1" t="inlineStr"><is><t>状态</t></is></c><c r="C1" t="inlineStr"><is><t>答复日期</t></is></c></row>""";

    private static string Data(long number, string date = "<c r=\"C{0}\" t=\"inlineStr\"><is><t>2026-03-05</t></is></c>") =>
        $"""<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>LY260302-7KQ2M9PX</t></is></c><c r="B{number}" t="inlineStr"><is><t>已答复</t></is></c>{string.Format(System.Globalization.CultureInfo.InvariantCulture, date, number)}</row>""";

    [Fact]
    public void RowNumberedFarDown_IsAnErrorNamingTheLimit_NotAnAllocation()
    {
        var xlsx = Package(Header + Data(2147483647));
        Assert.True(xlsx.Length < 4096);

        var result = MessageSheetReader.Read(xlsx, "回复.xlsx");

        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal("留言", problem.Sheet);
        Assert.Equal(MessageSheetReader.MaxRows + 1, problem.Row);
        Assert.Contains($"超过 {MessageSheetReader.MaxRows} 行", problem.Message, StringComparison.Ordinal);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void ManyRows_StopAtTheLimit()
    {
        var rows = string.Concat(Enumerable.Range(2, MessageSheetReader.MaxRows + 5).Select(n => Data(n)));
        var result = MessageSheetReader.Read(Package(Header + rows), "回复.xlsx");

        Assert.Contains(result.Problems, p => p.IsError && p.Row == MessageSheetReader.MaxRows + 1);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void RowsUpToTheLimit_AreRead()
    {
        var result = MessageSheetReader.Read(Package(Header + Data(2) + Data(5)), "回复.xlsx");

        Assert.DoesNotContain(result.Problems, p => p.IsError);
        Assert.Equal([2, 5], result.Rows.Select(r => r.Number));
    }

    /// <summary>The office's own export with the second message's 答复日期 (a date cell, 2026-03-09) set to 99999999, past year 9999.</summary>
    internal static byte[] DateOverflow()
    {
        var xlsx = MessageSheet.Write(
            [
                MessageSheetTests.Stored("LY260302-7KQ2M9PX", "村口路灯坏了三个月。"),
                MessageSheetTests.Stored("LY260302-AAAAAAAA", "路面坑洼。", status: MessageStatus.Answered, unit: "县住建局", reply: "已修复。", repliedOn: new DateOnly(2026, 3, 9)),
            ],
            (_, _) => "赵明华（代表）");
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
            string sheet;
            using (var reader = new StreamReader(entry.Open()))
            {
                sheet = reader.ReadToEnd();
            }

            var serial = new DateTime(2026, 3, 9).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains(">" + serial + "<", sheet, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
            writer.Write(sheet.Replace(">" + serial + "<", ">99999999<", StringComparison.Ordinal));
        }

        return buffer.ToArray();
    }

    [Fact]
    public void DateCellBeyondTheCalendar_IsAnErrorNamingTheRow()
    {
        var result = MessageSheetReader.Read(DateOverflow(), "回复.xlsx");

        // Whether the library hands the cell over as a number or throws converting it, the answer is
        // an error on that row, never an exception out of the reader.
        var problem = Assert.Single(result.Problems, p => p.IsError);
        Assert.Equal(3, problem.Row);
    }

    [Fact]
    public void Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => MessageSheetReader.Read(Package(Header + Data(2)), "回复.xlsx", cancelled.Token));
    }
}

/// <summary>The comment export's .xlsx defuses formula-like text as its CSV does.</summary>
public sealed class CommentExportXlsxTests
{
    [Fact]
    public void Xlsx_FormulaLikeText_HasTheCsvApostrophe()
    {
        var comment = new StoredComment("YJ260302-7KQ2M9PX", "open-draft", "第三条", "=HYPERLINK(\"http://x\",\"点这里\")", "@王", "-1", "+市民",
            new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
        var xlsx = Site.Intake.Export.ExportApi.Xlsx([new Site.Intake.Export.ExportRow(comment, "第三条", "网上征求意见", 1, 1)]);

        using var stream = new MemoryStream(xlsx);
        var row = stream.Query(useHeaderRow: true, sheetName: Site.Intake.Export.ExportApi.CommentsSheet).Cast<IDictionary<string, object?>>().Single();
        var group = new MemoryStream(xlsx).Query(useHeaderRow: true, sheetName: Site.Intake.Export.ExportApi.GroupsSheet).Cast<IDictionary<string, object?>>().Single();

        Assert.Equal("'=HYPERLINK(\"http://x\",\"点这里\")", row["意见内容"]);
        Assert.Equal(("'@王", "'-1", "'+市民"), (row["姓名"], row["联系方式"], row["身份"]));
        Assert.Equal("'=HYPERLINK(\"http://x\",\"点这里\")", group["代表性意见"]);
        Assert.Equal("第三条", row["条文"]);
    }

    [Fact]
    public void Xlsx_EmojiAndExtensionBCharacters_AreInTheCellsVerbatim()
    {
        var comment = new StoredComment("YJ260302-7KQ2M9PX", "open-draft", "第三条", MessageSheetTests.Astral, "王😀", null, null,
            new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));
        var xlsx = Site.Intake.Export.ExportApi.Xlsx([new Site.Intake.Export.ExportRow(comment, "第三条", "网上征求意见", 1, 1)]);

        var xml = MessageSheetTests.SheetXml(xlsx);
        Assert.Contains(MessageSheetTests.Astral, xml);
        Assert.DoesNotContain("_xD83D_", xml, StringComparison.OrdinalIgnoreCase);
        using var stream = new MemoryStream(xlsx);
        var row = stream.Query(useHeaderRow: true, sheetName: Site.Intake.Export.ExportApi.CommentsSheet).Cast<IDictionary<string, object?>>().Single();
        Assert.Equal((MessageSheetTests.Astral, "王😀"), (row["意见内容"], row["姓名"]));
    }
}
