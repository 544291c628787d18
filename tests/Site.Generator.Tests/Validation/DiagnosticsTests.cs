using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Validation;

/// <summary>Every kind of author error: its code and position, all reported in one run.</summary>
public sealed class DiagnosticsTests
{
    private const string BrokenSite = TestSite.MinimalConfig + """

        -- input/deputies/deputies.yaml --
        - id: D1
          name: 王建国
          gender: 男
          levels: [县]
        -- input/stations/stations.yaml --
        - id: S1
          name: 易俗河镇代表联络站
          kind: 代表联络站
        -- content/stories/no-title.md --
        ---
        date: 2026-01-01
        column: 履职故事
        ---
        正文
        -- content/stories/bad-date.md --
        ---
        title: 日期错了
        date: 2026-02-30
        column: 履职故事
        ---
        -- content/stories/unknown-column.md --
        ---
        title: 专栏错了
        date: 2026-01-01
        column: 不存在的专栏
        ---
        -- content/stories/refs.md --
        ---
        title: 引用错了
        date: 2026-01-01
        column: 履职故事
        deputies: [D1, D999]
        stations: [S404]
        deputy: D1
        ---
        第一段。

        见[不存在的页面](/nowhere/)，![图](missing.png)。
        -- content/stories/zz/refs.md --
        ---
        title: 重复的网址
        date: 2026-01-02
        column: 履职故事
        ---
        -- content/stories/yaml.md --
        ---
        title: [未闭合
        date: 2026-01-01
        ---
        -- content/stories/no-header.md --
        只有正文，没有文件头。
        """;

    [Fact]
    public async Task Check_BrokenSite_ReportsEveryProblemWithCodeAndPosition()
    {
        using var site = await TestSite.BuildAsync(BrokenSite, checkOnly: true);

        site.AssertDiagnostic("content/stories/no-title.md", 2, DiagnosticCodes.MissingField);
        site.AssertDiagnostic("content/stories/bad-date.md", 3, DiagnosticCodes.BadDate);
        site.AssertDiagnostic("content/stories/unknown-column.md", 4, DiagnosticCodes.UnknownColumn);
        site.AssertDiagnostic("content/stories/refs.md", 5, DiagnosticCodes.UnknownDeputy);
        site.AssertDiagnostic("content/stories/refs.md", 6, DiagnosticCodes.UnknownStation);
        site.AssertDiagnostic("content/stories/refs.md", 7, DiagnosticCodes.UnknownKey, Severity.Warning);
        site.AssertDiagnostic("content/stories/refs.md", 11, DiagnosticCodes.BrokenLink);
        site.AssertDiagnostic("content/stories/refs.md", 11, DiagnosticCodes.MissingImage);
        site.AssertDiagnostic("content/stories/zz/refs.md", 1, DiagnosticCodes.DuplicateId);
        site.AssertDiagnostic("content/stories/yaml.md", null, DiagnosticCodes.YamlSyntax);
        site.AssertDiagnostic("content/stories/no-header.md", 1, DiagnosticCodes.MissingFrontMatter);
    }

    [Fact]
    public async Task Check_UnknownDeputy_MessageNamesFieldAndIdInCompilerFormat()
    {
        using var site = await TestSite.BuildAsync(BrokenSite, checkOnly: true);

        var diagnostic = site.AssertDiagnostic("content/stories/refs.md", 5, DiagnosticCodes.UnknownDeputy);

        Assert.StartsWith("content/stories/refs.md:5:", diagnostic.ToString());
        Assert.Contains("error SG3101: deputies（相关代表）", diagnostic.ToString());
        Assert.Contains("\"D999\"", diagnostic.Message);
    }

    [Fact]
    public async Task Build_BrokenSite_WritesNothing()
    {
        using var site = await TestSite.BuildAsync(BrokenSite);

        Assert.False(site.Report.Succeeded);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task Check_UnsafeLink_IsReportedAndDropped()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- content/stories/x.md --
            ---
            title: 链接
            date: 2026-01-01
            column: 履职故事
            ---
            [点我](javascript:alert(1))
            """);

        site.AssertDiagnostic("content/stories/x.md", 6, DiagnosticCodes.BrokenLink);
    }

    [Fact]
    public async Task Check_BadRosterValues_NamesSheetRowAndHeader()
    {
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- input/deputies/roster.csv --
            代表编号,姓名,性别,出生年月,层级,备注
            D1,王建国,男,1967年3月,县,
            D2,李四,男性,1970-13,省、县,
            ,赵五,女,,乡,
            """, checkOnly: true);

        // Optional fields (性别, 出生年月) with a bad value are warnings and the row still publishes
        // (issue #21); a blank 代表编号 in a roster that has the column stays an error.
        var gender = site.AssertDiagnostic("input/deputies/roster.csv", 3, DiagnosticCodes.BadValue, Severity.Warning);
        Assert.Contains("第3行 性别", gender.Message);
        site.AssertDiagnostic("input/deputies/roster.csv", 3, DiagnosticCodes.BadDate, Severity.Warning);
        site.AssertDiagnostic("input/deputies/roster.csv", 4, DiagnosticCodes.MissingField);
        site.AssertDiagnostic("input/deputies/roster.csv", 1, DiagnosticCodes.UnknownSpreadsheetColumn, Severity.Warning);
        Assert.Equal(1, site.Report.Diagnostics.ErrorCount);
    }

    [Fact]
    public async Task Check_PageOnARosterUrl_IsAClashAtThePagesFile()
    {
        const string Files = TestSite.MinimalConfig + """

            -- input/deputies/deputies.yaml --
            - id: D1
              name: 王建国
              levels: [县]
            -- content/pages/daibiao.md --
            ---
            title: 代表名单说明
            slug: deputies
            ---
            这一页会占用代表名单的网址。
            """;
        using var check = await TestSite.BuildAsync(Files, checkOnly: true);

        var clash = check.AssertDiagnostic("content/pages/daibiao.md", 1, DiagnosticCodes.UrlClash);
        Assert.StartsWith("content/pages/daibiao.md:1:", clash.ToString());
        Assert.Contains("/deputies/", clash.Message);

        // build reports the same error instead of failing on the output path.
        using var build = await TestSite.BuildAsync(Files);
        build.AssertDiagnostic("content/pages/daibiao.md", 1, DiagnosticCodes.UrlClash);
        Assert.False(Directory.Exists(build.Output));
    }
}
