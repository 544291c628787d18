using MiniExcelLibs;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;
using Site.Generator.Tests.Support;
using MergedCells = Site.Intake.Office.MergedCells;
using static Site.Generator.Tests.Support.XlsxBuilder;

namespace Site.Generator.Tests.Loading;

/// <summary>
/// Rosters as offices keep them (issue #21): each case a tiny spreadsheet made here, built as a whole
/// site; what a deputy's page shows, and what the build says about every row it did not publish.
/// </summary>
public sealed class OfficeRosterTests
{
    private static string Roster(TestSite site, string name = "roster.xlsx")
    {
        Directory.CreateDirectory(Path.Combine(site.Root, "input/deputies"));
        return Path.Combine(site.Root, "input/deputies", name);
    }

    private static IReadOnlyList<Diagnostic> Of(TestSite site, string code, Severity severity) =>
        site.Report.Diagnostics.Sorted().Where(d => d.Code == code && d.Severity == severity).ToList();

    [Fact]
    public async Task Build_RunningNumberColumn_IsReadPastWithoutAWarning_AndANumberedBlankRowIsBlank()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("代表名册")
            .Row("序 号", "代表编号", "姓名", "性别", "层级", "届次")
            .Row(1, "D1", "陈美华", "女", "县", "第十八届")
            .Row(2, "D2", "刘桂英", "女", "县", "第十八届")
            .Row(3, Blank, Blank, Blank, Blank, Blank);
        book.Save(Roster(site));

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "陈美华");
        site.AssertFile("deputies/D2/index.html", "刘桂英");
        Assert.Empty(Of(site, DiagnosticCodes.UnknownSpreadsheetColumn, Severity.Warning));
        Assert.Empty(Of(site, DiagnosticCodes.SkippedRow, Severity.Warning));
    }

    [Fact]
    public async Task Build_MergedTitleRowAboveHeader_FindsHeaderAndPublishesEveryRow()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("代表名册")
            .Row("2026年11月代表名册", Blank, Blank, Blank, Blank)
            .Row()
            .Row("代表编号", "姓名", "性别", "层级", "届次")
            .Row("D1", "陈美华", "女", "县", "第十八届")
            .Row("D2", "刘桂英", "女", "县", "第十八届")
            .Merge("A1:E1");
        book.Save(Roster(site));

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "陈美华");
        site.AssertFile("deputies/D2/index.html", "刘桂英");
        Assert.Empty(Of(site, DiagnosticCodes.UnknownSpreadsheetColumn, Severity.Warning));
    }

    [Fact]
    public async Task Build_DelegationMergedDownItsRows_GivesEveryRowItsDelegation()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("名单")
            .Row("代表编号", "代表团", "姓名", "层级", "届次")
            .Row("D1", "花石代表团", "陈美华", "县", "第十八届")
            .Row("D2", Blank, "刘桂英", "县", "第十八届")
            .Merge("B2:B3");
        book.Save(Roster(site));

        await site.RebuildAsync();

        site.AssertFile("deputies/D2/index.html", "刘桂英", "花石代表团");
    }

    [Fact]
    public async Task Build_TitleRowsOnlyAndNoHeader_IsAnErrorNamingTheFile()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("Sheet1").Row("2026年11月代表名册").Row("陈美华", "女").Row("刘桂英", "女");
        book.Save(Roster(site));

        await site.RebuildAsync(checkOnly: true);

        site.AssertDiagnostic("input/deputies/roster.xlsx", null, DiagnosticCodes.SkippedSheet, Severity.Warning);
        site.AssertDiagnostic("input/deputies/roster.xlsx", null, DiagnosticCodes.EmptySheet);
    }

    [Fact]
    public async Task Build_HiddenSheetOfDropDownLists_IsSkippedWithAWarning()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("代表名单").Row("代表编号", "姓名", "层级", "届次").Row("D1", "陈美华", "县", "第十八届");
        book.AddSheet("选项", hidden: true).Row("性别", "层级").Row("男", "县").Row("女", "乡");
        book.Save(Roster(site));

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "陈美华");
        var warning = site.AssertDiagnostic("input/deputies/roster.xlsx", null, DiagnosticCodes.SkippedSheet, Severity.Warning);
        Assert.Contains("选项", warning.Message);
    }

    [Fact]
    public async Task Build_SecondSheetWithItsOwnHeader_IsReadToo()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("第一代表组").Row("代表编号", "姓名", "层级", "届次").Row("D1", "陈美华", "县", "第十八届");
        book.AddSheet("第二代表组").Row("第二代表组名单").Row("编号", "姓名", "层级", "届次").Row("D2", "刘桂英", "县", "第十八届");
        book.AddSheet("Sheet3");
        book.Save(Roster(site));

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "陈美华");
        site.AssertFile("deputies/D2/index.html", "刘桂英");
    }

    [Fact]
    public async Task Build_ChineseBuiltInDateFormatsAndTextDates_ReadAsDates()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        var sheet = book.AddSheet("名单").Row("代表编号", "姓名", "层级", "届次", "出生年月");
        int[] formats = [14, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];
        foreach (var format in formats)
        {
            // 1967-03-15 is serial 24546.
            sheet.Row($"F{format}", "陈美华", "县", "第十八届", new Cell(24546, format));
        }

        string[] texts = ["1967年3月", "1967.03", "1967-3", "1967/3/15", "196703", "1967年3月15日"];
        for (var i = 0; i < texts.Length; i++)
        {
            sheet.Row($"T{i}", "刘桂英", "县", "第十八届", texts[i]);
        }

        sheet.Row("Y", "马志强", "县", "第十八届", "1988年");
        book.Save(Roster(site));

        await site.RebuildAsync();

        foreach (var format in formats)
        {
            site.AssertFile($"deputies/F{format}/index.html", "1967年3月");
        }

        for (var i = 0; i < texts.Length; i++)
        {
            site.AssertFile($"deputies/T{i}/index.html", "1967年3月");
        }

        site.AssertFile("deputies/Y/index.html", "1988年", "! 1988年1月");
    }

    [Fact]
    public async Task Build_DutyDateInChineseLongDateFormat_ReadsAsDate()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + """

            -- input/deputies/d.yaml --
            id: D1
            name: 陈美华
            levels: [县]
            term: 第十八届
            """);
        var book = new XlsxBuilder();
        // 2026-03-15 is serial 46096, shown by format 31 as 2026年3月15日.
        book.AddSheet("履职").Row("代表编号", "日期", "类型", "事项").Row("D1", new Cell(46096, 31), "接待选民", "在联络站接待选民");
        Directory.CreateDirectory(Path.Combine(site.Root, "input/duties"));
        book.Save(Path.Combine(site.Root, "input/duties/duties.xlsx"));

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "在联络站接待选民", "2026");
    }

    [Fact]
    public async Task Build_OfficialListWithOwnHeadersAndNoIds_LoadsWithStableIds()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + """

            roster:
              files:
                deputies/名单.xlsx:
                  层级: 县
                  届次: 第十八届
            """);
        var book = new XlsxBuilder();
        book.AddSheet("Sheet1")
            .Row("代表团", "姓名", "政党", "性别", "民族", "出生日期", "职务", "备注")
            .Row("花石代表团", "陈美华", "中共", "女", "汉族", new Cell(24546, 14), "花石镇农民", "")
            .Row("花石代表团", "刘桂英", "无党派", "女", "汉族", "1971.05", "村委会主任", "连任");
        book.Save(Roster(site, "名单.xlsx"));

        await site.RebuildAsync();

        var chen = SpreadsheetReader.DerivedId("陈美华", "1967年3月");
        var liu = SpreadsheetReader.DerivedId("刘桂英", "1971年5月");
        site.AssertFile($"deputies/{chen}/index.html", "陈美华", "花石代表团", "中共", "1967年3月", "花石镇农民", "第十八届", "县级");
        site.AssertFile($"deputies/{liu}/index.html", "刘桂英", "无党派");
        site.AssertDiagnostic("input/deputies/名单.xlsx", 1, DiagnosticCodes.DerivedIds, Severity.Warning);
        var unknown = site.AssertDiagnostic("input/deputies/名单.xlsx", 1, DiagnosticCodes.UnknownSpreadsheetColumn, Severity.Warning);
        Assert.Contains("备注", unknown.Message);
        Assert.Contains("姓名", unknown.Message);

        // The same people, reordered, with a row added above them: the same ids, so printed QR codes keep working.
        File.Delete(Roster(site, "名单.xlsx"));
        book = new XlsxBuilder();
        book.AddSheet("Sheet1")
            .Row("代表团", "姓名", "政党", "性别", "民族", "出生日期", "职务")
            .Row("花石代表团", "马志强", "中共", "男", "回族", "1966", "教师")
            .Row("花石代表团", "刘桂英", "无党派", "女", "汉族", "1971年5月", "村委会主任")
            .Row("花石代表团", "陈美华", "中共", "女", "汉族", "1967-03", "花石镇农民");
        book.Save(Roster(site, "名单.xlsx"));

        await site.RebuildAsync();

        site.AssertFile($"deputies/{chen}/index.html", "陈美华");
        site.AssertFile($"deputies/{liu}/index.html", "刘桂英");
    }

    [Fact]
    public async Task Check_ListWithoutLevelColumnOrConfig_IsOneErrorForTheSheet()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        var sheet = book.AddSheet("Sheet1").Row("代表团", "姓名", "性别");
        for (var i = 0; i < 50; i++)
        {
            sheet.Row("花石代表团", $"陈美{(char)('甲' + i)}", "女");
        }

        book.Save(Roster(site));

        await site.RebuildAsync(checkOnly: true);

        var errors = site.Report.Diagnostics.Sorted().Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count <= 2, string.Join('\n', errors));
        var missing = site.AssertDiagnostic("input/deputies/roster.xlsx", 1, DiagnosticCodes.MissingColumn);
        Assert.Contains("层级", missing.Message);
        Assert.Contains("代表团、姓名、性别", missing.Message);
    }

    [Fact]
    public async Task Build_BadValueInOptionalColumn_WarnsAndStillPublishesTheRow()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var rows = new[]
        {
            new Dictionary<string, object?> { ["代表编号"] = "D1", ["姓名"] = "陈美华", ["性别"] = "女", ["出生年月"] = "1975.3", ["层级"] = "县", ["届次"] = "第十八届" },
            new Dictionary<string, object?> { ["代表编号"] = "D2", ["姓名"] = "刘桂英", ["性别"] = "女士", ["出生年月"] = "村党支部书记", ["层级"] = "县", ["届次"] = "第十八届" },
        };
        MiniExcel.SaveAs(Roster(site), rows, sheetName: "代表名单");

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "陈美华", "1975年3月");
        site.AssertFile("deputies/D2/index.html", "刘桂英", "! 村党支部书记", "! 女士");
        site.AssertDiagnostic("input/deputies/roster.xlsx", 3, DiagnosticCodes.BadDate, Severity.Warning);
        site.AssertDiagnostic("input/deputies/roster.xlsx", 3, DiagnosticCodes.BadValue, Severity.Warning);
    }

    [Fact]
    public async Task Build_PaddedNamesDuplicatesBlankTermAndLevelAgainstTerm_AreWarned()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var rows = new[]
        {
            new Dictionary<string, object?> { ["代表编号"] = "D1", ["姓名"] = "赵  敏", ["层级"] = "县", ["届次"] = "湘潭县第十八届" },
            new Dictionary<string, object?> { ["代表编号"] = "D2", ["姓名"] = "王　芳", ["层级"] = "县", ["届次"] = null },
            new Dictionary<string, object?> { ["代表编号"] = "D3", ["姓名"] = "赵敏", ["层级"] = "省", ["届次"] = "湘潭县第十八届" },
        };
        MiniExcel.SaveAs(Roster(site), rows, sheetName: "代表名单");

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "赵敏", "! 赵  敏");
        site.AssertFile("deputies/D2/index.html", "王芳");
        site.AssertDiagnostic("input/deputies/roster.xlsx", 2, DiagnosticCodes.NameSpaces, Severity.Warning);
        site.AssertDiagnostic("input/deputies/roster.xlsx", 3, DiagnosticCodes.NameSpaces, Severity.Warning);
        site.AssertDiagnostic("input/deputies/roster.xlsx", 3, DiagnosticCodes.MissingField, Severity.Warning);
        var duplicate = site.AssertDiagnostic("input/deputies/roster.xlsx", 4, DiagnosticCodes.DuplicateName, Severity.Warning);
        Assert.Contains("第2行", duplicate.Message);
        Assert.Contains("第4行", duplicate.Message);
        site.AssertDiagnostic("input/deputies/roster.xlsx", 4, DiagnosticCodes.LevelMismatch, Severity.Warning);
    }

    [Fact]
    public async Task Build_OldXlsWorkbook_Loads()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "roster-excel97.xls"), Roster(site, "roster.xls"));

        await site.RebuildAsync();

        site.AssertFile("deputies/D1/index.html", "陈美华", "1967年3月");
        site.AssertFile("deputies/D2/index.html", "刘桂英");
    }

    [Fact]
    public async Task Check_HtmlSavedAsXls_IsAnErrorSayingSaveAsXlsx()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        await File.WriteAllTextAsync(Roster(site, "roster.xls"), "<html><body><table><tr><td>姓名</td></tr></table></body></html>");

        await site.RebuildAsync(checkOnly: true);

        var error = site.AssertDiagnostic("input/deputies/roster.xls", null, DiagnosticCodes.UnreadableSpreadsheet);
        Assert.Contains(".xlsx", error.Message);
    }

    [Fact]
    public void DerivedId_DependsOnNameAndBirthOnly()
    {
        Assert.Equal(SpreadsheetReader.DerivedId("陈美华", "1967年3月"), SpreadsheetReader.DerivedId("陈美华", "1967年3月"));
        Assert.NotEqual(SpreadsheetReader.DerivedId("陈美华", "1967年3月"), SpreadsheetReader.DerivedId("陈美华", "1968年3月"));
        Assert.Matches("^D[0-9a-z]{10}$", SpreadsheetReader.DerivedId("陈美华", ""));
    }

    [Fact]
    public async Task Build_DelegationMergedOverABlankRowAndANotesOnlyRow_SkipsThemAsTheirOwnCellsSay()
    {
        // As LibreOffice saves it: 代表团 merged A6:A16 down the whole block, row 14 left blank (its
        // cells bordered, so present but empty), row 15 with a note only. The merge's fill is not the
        // row's own content: row 14 is a blank row, row 15 a notes-only row.
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        var sheet = book.AddSheet("县代表名册")
            .Row("2026年县人大代表名册", Blank, Blank, Blank, Blank, Blank)
            .Row().Row().Row()
            .Row("代表团", "姓名", "层级", "届次", "出生年月", "备注");
        string[] names = ["陈美华", "刘桂英", "王建国", "李秀兰", "张志强", "赵红梅", "孙立新", "周文斌"];
        for (var i = 0; i < names.Length; i++)
        {
            sheet.Row(i == 0 ? "花石代表团" : Blank, names[i], "县", "第十八届", $"1967年{i + 1}月", Blank);
        }

        sheet.Row(Blank, Blank, Blank, Blank, Blank, Blank)
            .Row(Blank, Blank, Blank, Blank, Blank, "以下为补选代表")
            .Row(Blank, "吴海燕", "县", "第十八届", "1970年5月", Blank)
            .Merge("A6:A16");
        book.Save(Roster(site));

        await site.RebuildAsync();

        Assert.Empty(Of(site, DiagnosticCodes.MissingField, Severity.Error));
        var skipped = Assert.Single(Of(site, DiagnosticCodes.SkippedRow, Severity.Warning));
        Assert.Equal(15, skipped.Location.Line);
        Assert.Single(Of(site, DiagnosticCodes.DerivedIds, Severity.Warning)); // the roster-wide note only
        var id = SpreadsheetReader.DerivedId("吴海燕", "1970年5月");
        site.AssertFile($"deputies/{id}/index.html", "吴海燕", "花石代表团");
    }

    [Fact]
    public async Task Build_MergesWhoseCoveredCellsAreAbsent_FillThemAsExcelMergesDo()
    {
        // As WPS and other tools write a sheet: a merge's covered cells are not in the XML at all (not
        // even empty), a row with no cells is left out, and a merge may end in the last column.
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("县代表名册").OmitEmptyRows()
            .Row("2026年县人大代表名册", null, null, null, null, null, null)
            .Row("代表编号", "代表团", "姓名", "层级", "届次", "出生年月", "选举单位")
            .Row("D1", "花石代表团", "陈美华", "县", "第十八届", "1967年3月", null)
            .Row("D2", null, "刘桂英", "县", "第十八届", null, null)
            .Row()
            .Row("D3", null, "王建国", "县", "第十八届", null, null)
            .Row("D4", "易俗河代表团", "李秀兰", "县", "第十八届", null, "易俗河镇第三选区")
            .Row("D5", null, "张志强", "县", "第十八届", "村党支部书记", null)
            .Merge("A1:G1")
            .Merge("B3:B6")
            .Merge("B7:B8")
            .Merge("G7:G8");
        book.Save(Roster(site));

        await site.RebuildAsync();

        site.AssertFile("deputies/D2/index.html", "刘桂英", "花石代表团");
        site.AssertFile("deputies/D3/index.html", "王建国", "花石代表团");
        site.AssertFile("deputies/D5/index.html", "张志强", "易俗河代表团", "易俗河镇第三选区");
        Assert.Empty(Of(site, DiagnosticCodes.MissingField, Severity.Error));
        Assert.Empty(Of(site, DiagnosticCodes.SkippedRow, Severity.Warning));
        Assert.Empty(Of(site, DiagnosticCodes.UnknownSpreadsheetColumn, Severity.Warning));
        // Row numbers still match Excel's after the left-out row 5.
        site.AssertDiagnostic("input/deputies/roster.xlsx", 8, DiagnosticCodes.BadDate, Severity.Warning);
    }

    [Fact]
    public void ReadMerges_OneRead_RecordsWhichCellsTheFillWrote()
    {
        var rows = new List<IDictionary<string, object?>>
        {
            new Dictionary<string, object?> { ["A"] = "花石代表团", ["B"] = "陈美华" },
            new Dictionary<string, object?> { ["B"] = "刘桂英" },
            new Dictionary<string, object?> { ["A"] = null, ["B"] = null },
        };

        var filled = MergedCells.Fill(rows, [new MergedCells.Range(0, 0, 2, 0)], MergedCells.ColumnLetters).ToList();

        Assert.Null(filled[0].Filled);
        Assert.Equal("花石代表团", filled[1].Row["A"]);
        Assert.Equal(["A"], filled[1].Filled!);
        Assert.Equal("花石代表团", filled[2].Row["A"]);
        Assert.Equal(["A"], filled[2].Filled!);
        Assert.Equal("AA", MergedCells.ColumnLetters(26));
        Assert.Equal(new MergedCells.Range(2, 1, 13, 1), MergedCells.Parse("B3:B14"));
    }

    [Fact]
    public async Task Build_OrderPerList_TwoCharacterNamesFirstOnlyWhereThatListSaysSo()
    {
        // Strictly by strokes 王大明 (大, 3 strokes) comes before 王红 (红, 6); a list printed with
        // two-character names first has 王红 first. One site, three lists, each in its own order.
        using var site = TestSite.Write(TestSite.MinimalConfig + """

            roster:
              order: 笔画
              lists:
                花石代表团: 两字名在前
                乡镇级人大代表: 两字名在前
                射埠代表团: 笔画
                白石代表团: 两字名在前
            """);
        var book = new XlsxBuilder();
        book.AddSheet("名单")
            .Row("代表编号", "代表团", "姓名", "层级", "届次")
            .Row("D1", "花石代表团", "王大明", "县", "第十八届")
            .Row("D2", "花石代表团", "王红", "县", "第十八届")
            .Row("D3", "射埠代表团", "王小红", "乡", "第十八届")
            .Row("D4", "射埠代表团", "王芳", "乡", "第十八届");
        book.Save(Roster(site));

        await site.RebuildAsync();

        static void InOrder(TestSite site, string page, params string[] names)
        {
            var html = File.ReadAllText(Path.Combine(site.Output, page));
            var positions = names.Select(n => html.IndexOf($">{n}<", StringComparison.Ordinal)).ToList();
            Assert.All(positions, p => Assert.True(p >= 0, $"{page}: {string.Join("、", names)}"));
            Assert.True(positions.SequenceEqual(positions.Order()), $"{page}: expected {string.Join("、", names)}");
        }

        InOrder(site, "deputies/group/花石代表团/index.html", "王红", "王大明");
        InOrder(site, "deputies/group/射埠代表团/index.html", "王小红", "王芳");
        InOrder(site, "deputies/level/county/index.html", "王大明", "王红");
        InOrder(site, "deputies/level/township/index.html", "王芳", "王小红");
        InOrder(site, "deputies/index.html", "王大明", "王红");
        InOrder(site, "deputies/index.html", "王小红", "王芳");
        var unknown = site.AssertDiagnostic("input/site.yaml", null, DiagnosticCodes.UnknownKey, Severity.Warning);
        Assert.Contains("白石代表团", unknown.Message);
    }

    [Fact]
    public async Task Build_SameNameAndBirthThreeTimesWithoutIds_WarningsSayTheCountAndThatRowOrderDecidesIds()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig);
        var book = new XlsxBuilder();
        book.AddSheet("名单")
            .Row("姓名", "层级", "届次", "出生年月")
            .Row("陈美华", "县", "第十八届", "1967年3月")
            .Row("陈美华", "县", "第十八届", "1967.03")
            .Row("陈美华", "乡", "第十八届", "1967-3");
        book.Save(Roster(site));

        await site.RebuildAsync();

        var id = SpreadsheetReader.DerivedId("陈美华", "1967年3月");
        site.AssertFile($"deputies/{id}-3/index.html", "陈美华");
        var suffixed = site.AssertDiagnostic("input/deputies/roster.xlsx", 3, DiagnosticCodes.DerivedIds, Severity.Warning);
        Assert.Contains("如是不同的人", suffixed.Message);
        Assert.Contains("行序", suffixed.Message);
        Assert.Contains("「代表编号」列", suffixed.Message);
        Assert.Contains("二维码", suffixed.Message);
        var names = Of(site, DiagnosticCodes.DuplicateName, Severity.Warning);
        Assert.Equal([3, 4], names.Select(d => d.Location.Line));
        Assert.All(names, d => Assert.Contains("出现3次", d.Message));
        Assert.All(names, d => Assert.DoesNotContain("两次", d.Message));
        Assert.All(names, d => Assert.Contains("工作表「名单」第2行、工作表「名单」第3行、工作表「名单」第4行", d.Message));
    }
}
