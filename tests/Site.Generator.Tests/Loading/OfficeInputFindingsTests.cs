using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Tests.Support;
using Site.Generator.Validation;

namespace Site.Generator.Tests.Loading;

/// <summary>
/// Rosters as a county office's clerk saved them, from a tester's findings: full-width digits typed
/// with a Chinese input method, CSV rows of unequal width, a bare number in a CSV date column.
/// </summary>
public sealed class OfficeInputFindingsTests
{
    static OfficeInputFindingsTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Roster(TestSite site, string name)
    {
        Directory.CreateDirectory(Path.Combine(site.Root, "input/deputies"));
        return Path.Combine(site.Root, "input/deputies", name);
    }

    private static IReadOnlyList<Diagnostic> Errors(TestSite site) =>
        site.Report.Diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList();

    [Theory]
    [InlineData("1975年３月", "1975年3月")]
    [InlineData("１９７５年３月", "1975年3月")]
    [InlineData("１９７５．０３", "1975年3月")]
    [InlineData("１９７５／３／１５", "1975年3月")]
    [InlineData("١٩٧٥-٠٣", "1975年3月")]
    [InlineData("１９７５", "1975年")]
    [InlineData("１９７５０３", "1975年3月")]
    public void NormalizeYearMonth_FullWidthAndOtherUnicodeDigits_ReadAsAscii(string text, string expected) =>
        Assert.Equal(expected, DateParsing.NormalizeYearMonth(text));

    [Theory]
    [InlineData("２０２６年１月１日")]
    [InlineData("２０２６-０１-０１")]
    [InlineData("２０２６０１０１")]
    public void TryParse_FullWidthDigits_ReadAsAscii(string text)
    {
        Assert.True(DateParsing.TryParse(text, out var date));
        Assert.Equal(new DateOnly(2026, 1, 1), date);
    }

    [Fact]
    public void ReceptionRule_FullWidthAndArabicIndicDigits_ReadAsAscii()
    {
        var (rule, error) = ReceptionRuleParser.Parse("每月١٥日、２５日 ９:００-１１:３０");
        Assert.Null(error);
        Assert.Equal([15, 25], rule!.MonthDays);
        Assert.Equal(new TimeOnly(9, 0), rule.Start);
        Assert.Null(ReceptionRuleParser.Parse("٢٠٢٦-٠٣-٠٥").Error);
    }

    [Fact]
    public async Task Check_FullWidthDigitInCsvBirth_IsReadAsAscii_AndTheBuildGoesOn()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        await File.WriteAllTextAsync(Roster(site, "fw2.csv"), "姓名,出生年月,层级\r\n周全角,1975年3月,县\r\n冯全角,1975年３月,县\r\n");

        await site.RebuildAsync();

        Assert.Empty(Errors(site));
        Assert.DoesNotContain(site.Report.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.BadDate);
    }

    [Fact]
    public async Task Build_FullWidthDigitsInXlsxBirthAndLeavingDate_PublishAsAscii()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("代表名册")
            .Row("代表编号", "姓名", "出生年月", "层级", "离任日期")
            .Row("D1", "陈美华", "１９７５年３月", "县", "２０２６年１月１日")
            .Row("D2", "刘桂英", "1968年5月", "县", XlsxBuilder.Blank);
        book.Save(Roster(site, "roster.xlsx"));

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "1975年3月", "! ３");
        site.AssertFile("deputies/D2/index.html", "刘桂英");
    }

    /// <summary>The clerk's supplement, saved by hand in GB18030: a title row, a header with padded 姓  名 and a quoted line break, a last row without its trailing empty cell, 44900 typed as text.</summary>
    private const string Supplement = "2026年代表名册（补充）,,,,\r\n姓  名,性别,\"出生\n年月\",层级,代表团\r\n周 美 华 ,女,1975年3月,县,花石代表团\r\n陳美華,女,44900,县\r\n";

    [Fact]
    public async Task Build_CsvRowShortOfTrailingEmptyCell_IsPadded_AndABareNumberIsNotADate()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        await File.WriteAllBytesAsync(Roster(site, "buchong.csv"), Encoding.GetEncoding("GB18030").GetBytes(Supplement));

        await site.RebuildAsync();

        Assert.Empty(Errors(site));
        var deputies = site.Report.Model!.Deputies;
        Assert.Equal("1975年3月", deputies.Single(d => d.Name == "周美华").Birth);
        Assert.Null(deputies.Single(d => d.Name == "陳美華").Birth);
        var warning = site.AssertDiagnostic("input/deputies/buchong.csv", 4, DiagnosticCodes.BadDate, Severity.Warning);
        Assert.Contains("出生年月", warning.Message);
        Assert.Contains("44900", warning.Message);
        Assert.Contains("CSV", warning.Message);
        Assert.Equal(3, warning.Location.Column);
    }

    [Fact]
    public async Task Check_UnquotedLineBreakInCsvHeader_IsChineseErrors_NotACrash()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        await File.WriteAllBytesAsync(Roster(site, "broken.csv"), Encoding.GetEncoding("GB18030").GetBytes("姓  名,性别,出生\n年月,层级,代表团\r\n周美华,女,1975年3月,县,花石代表团\r\n"));

        await site.RebuildAsync(checkOnly: true);

        var errors = Errors(site);
        var split = site.AssertDiagnostic("input/deputies/broken.csv", 1, DiagnosticCodes.UnreadableSpreadsheet);
        Assert.Contains("「出生」和第2行开头的「年月」", split.Message);
        Assert.All(errors, e => Assert.Equal("input/deputies/broken.csv", e.Location.Path));
        Assert.All(errors, e => Assert.DoesNotMatch("[A-Za-z]{4,}", e.Message.Replace("Excel", "").Replace("roster: files:", "").Replace("site.yaml", "").Replace("input/", "")));
    }

    [Fact]
    public async Task Check_XlsxSheetCutOff_IsAChineseError()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("代表名册")
            .Row("代表编号", "姓名", "层级")
            .Row("D1", "陈美华", "县")
            .Row("D2", "刘桂英", "县");
        var path = Roster(site, "roster.xlsx");
        book.Save(path);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            entry.Delete();
            var cut = Regex.Match(xml, "<row [^>]*r=\"3\"").Index;
            Assert.True(cut > 0, xml);
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml[..cut] + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>D2</t></is></c><c </row>");
        }

        await site.RebuildAsync(checkOnly: true);

        var error = site.AssertDiagnostic("input/deputies/roster.xlsx", null, DiagnosticCodes.UnreadableSpreadsheet);
        Assert.Contains("损坏", error.Message);
        Assert.DoesNotMatch("[A-Za-z]{4,}", error.Message);
    }

    private static IEnumerable<IDictionary<string, object?>> RowsFailingAtThird()
    {
        yield return new Dictionary<string, object?> { ["A"] = "代表编号", ["B"] = "姓名", ["C"] = "层级" };
        yield return new Dictionary<string, object?> { ["A"] = "D1", ["B"] = "陈美华", ["C"] = "县" };
        throw new FormatException("The input string '３' was not in a correct format.");
    }

    [Fact]
    public void ReadRows_ExceptionPartWay_IsAChineseErrorNamingFileSheetAndRow_AndKeepsRowsBefore()
    {
        var diagnostics = new DiagnosticBag();

        var records = SpreadsheetReader.ReadRows("input/deputies/roster.xlsx", RecordKind.Deputies, diagnostics, "代表名册", RowsFailingAtThird());

        Assert.Single(records);
        var error = Assert.Single(diagnostics.Sorted(), d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.UnreadableSpreadsheet, error.Code);
        Assert.Equal(new SourceLocation("input/deputies/roster.xlsx", 3), error.Location);
        Assert.Contains("工作表「代表名册」第3行", error.Message);
        Assert.DoesNotContain("format", error.Message);
    }

    [Fact]
    public async Task Build_XlsxBirthSerialOfAChild_IsAWarningNamingRowAndColumn()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("代表名册")
            .Row("代表编号", "姓名", "出生年月", "层级")
            .Row("D1", "陈美华", 44900, "县")
            .Row("D2", "刘桂英", "1920年1月", "县")
            .Row("D3", "张建国", "1967年3月", "县");
        book.Save(Roster(site, "roster.xlsx"));

        await site.RebuildAsync();

        var child = site.AssertDiagnostic("input/deputies/roster.xlsx", 2, DiagnosticCodes.BadDate, Severity.Warning);
        Assert.Contains("不满 18 周岁", child.Message);
        Assert.Equal(3, child.Location.Column);
        var old = site.AssertDiagnostic("input/deputies/roster.xlsx", 3, DiagnosticCodes.BadDate, Severity.Warning);
        Assert.Contains("超过 100 周岁", old.Message);
        site.AssertFile("deputies/D1/index.html", "! 2022年12月");
        site.AssertFile("deputies/D3/index.html", "1967年3月");
    }

    [Theory]
    [InlineData("2008年11月", null)]
    [InlineData("2008年", null)]
    [InlineData("2008年12月", "不满 18 周岁")]
    [InlineData("2009年", "不满 18 周岁")]
    [InlineData("1925年11月", null)]
    [InlineData("1925年10月", "超过 100 周岁")]
    [InlineData("1925年", null)]
    [InlineData("1924年", "超过 100 周岁")]
    public void ImplausibleAge_OnlyACertainlyWrongBirthIsNamed(string birth, string? problem)
    {
        var said = DeputyValidator.ImplausibleAge(birth, new DateOnly(2026, 11, 23));
        if (problem is null)
        {
            Assert.Null(said);
        }
        else
        {
            Assert.Contains(problem, said);
        }
    }
}
