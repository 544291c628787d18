using System.Text;
using MiniExcelLibs;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Loading;

public sealed class SpreadsheetTests
{
    static SpreadsheetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Build_Gb18030Csv_LoadsChineseRoster()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var csv = "代表编号,姓名,性别,民族,出生年月,层级\nD1,欧阳红梅,女,土家族,1979.1,县、乡\nD2,马志强,男,回族,1966,县\n";
        Directory.CreateDirectory(Path.Combine(site.Root, "input/deputies"));
        await File.WriteAllBytesAsync(Path.Combine(site.Root, "input/deputies/roster.csv"), Encoding.GetEncoding("GB18030").GetBytes(csv));

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "欧阳红梅", "土家族", "1979年1月", "县级、乡镇级");
        site.AssertFile("deputies/D2/index.html", "马志强", "1966年");
    }

    [Fact]
    public async Task Build_XlsxWithBlankCellsAndDates_Loads()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var rows = new[]
        {
            new Dictionary<string, object?> { ["代表编号"] = "D1", ["姓名"] = "陈美华", ["性别"] = "女", ["出生年月"] = new DateTime(1975, 3, 1), ["层级"] = "县" },
            new Dictionary<string, object?> { ["代表编号"] = "D2", ["姓名"] = "刘桂英", ["性别"] = null, ["出生年月"] = null, ["层级"] = "县" },
        };
        Directory.CreateDirectory(Path.Combine(site.Root, "input/deputies"));
        MiniExcel.SaveAs(Path.Combine(site.Root, "input/deputies/roster.xlsx"), rows, sheetName: "代表名单");

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "陈美华", "1975年3月");
        site.AssertFile("deputies/D2/index.html", "刘桂英");
    }

    [Fact]
    public async Task Check_XlsxBadRow_NamesSheetAndRow()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var rows = new[]
        {
            new Dictionary<string, object?> { ["代表编号"] = "D1", ["姓名"] = "陈美华", ["层级"] = "县" },
            new Dictionary<string, object?> { ["代表编号"] = "D2", ["姓名"] = "刘桂英", ["层级"] = "村" },
        };
        Directory.CreateDirectory(Path.Combine(site.Root, "input/deputies"));
        MiniExcel.SaveAs(Path.Combine(site.Root, "input/deputies/roster.xlsx"), rows, sheetName: "代表名单");

        await site.RebuildAsync(checkOnly: true);

        var diagnostic = site.AssertDiagnostic("input/deputies/roster.xlsx", 3, DiagnosticCodes.BadValue);
        Assert.Contains("工作表「代表名单」第3行 层级", diagnostic.Message);
    }
}
