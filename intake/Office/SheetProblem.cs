namespace Site.Intake.Office;

/// <summary>
/// One thing wrong with an imported sheet, where a person finds it in Excel: the file, the sheet,
/// the row number Excel shows, and the column by its header and letter. An error stops the whole
/// file (nothing is applied); a warning is said and the rest goes ahead.
/// </summary>
public sealed record SheetProblem(string File, string? Sheet, int? Row, string? Column, string Message, bool IsError = true)
{
    /// <summary>留言办理表.xlsx，工作表“留言”，第 5 行，“答复日期”列（K 列）：不是日期：“下周”</summary>
    public override string ToString() => $"{Place(File, Sheet, Row, Column)}：{(IsError ? "" : "提示：")}{Message}";

    /// <summary>
    /// Where something is, in the one wording both importers (the office's message sheet and the offline
    /// comment sheet) use: 办理表.xlsx，工作表“留言”，第 5 行，“答复日期”列（K 列）, each part left out when null.
    /// </summary>
    public static string Place(string file, string? sheet, int? row = null, string? column = null)
    {
        var where = file;
        if (sheet is not null)
        {
            where += $"，工作表“{sheet}”";
        }

        if (row is { } number)
        {
            where += $"，第 {number} 行";
        }

        if (column is not null)
        {
            where += $"，{column}";
        }

        return where;
    }

    /// <summary>A column by its header and letter: “答复日期”列（K 列）.</summary>
    public static string ColumnOf(string header, string letter) => $"“{header}”列（{letter} 列）";

    /// <summary>
    /// <paramref name="problems"/> in the order a person goes through the file: the file's own first,
    /// then by sheet (in <paramref name="sheets"/>' order, the workbook's) and row; stable otherwise.
    /// </summary>
    public static List<SheetProblem> InFileOrder(IEnumerable<SheetProblem> problems, IReadOnlyList<string> sheets) =>
        problems.OrderBy(p => p.Sheet is null ? -1 : IndexOf(sheets, p.Sheet)).ThenBy(p => p.Row ?? 0).ToList();

    private static int IndexOf(IReadOnlyList<string> sheets, string sheet)
    {
        for (var i = 0; i < sheets.Count; i++)
        {
            if (sheets[i] == sheet)
            {
                return i;
            }
        }

        return sheets.Count;
    }
}
