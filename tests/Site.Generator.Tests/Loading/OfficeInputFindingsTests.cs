using System.Text;
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
}
