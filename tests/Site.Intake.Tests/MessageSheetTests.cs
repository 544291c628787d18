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

        // The office's columns carry what is recorded.
        Assert.Equal(("已答复", "县住建局", "已修复。", "是"), (Cell("I3").Value, Cell("J3").Value, Cell("K3").Value, Cell("M3").Value));
        Assert.Equal(("", ""), (Cell("I2").Value, Cell("M2").Value));

        // 希望答复 next to 联系方式: the sender's 希望工作人员联系我答复.
        Assert.Equal(("是", "否"), (Cell("G2").Value, Cell("G3").Value));
    }

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
