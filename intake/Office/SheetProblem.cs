namespace Site.Intake.Office;

/// <summary>
/// One thing wrong with an imported sheet, where a person finds it in Excel: the file, the sheet,
/// the row number Excel shows, and the column by its header and letter. An error stops the whole
/// file (nothing is applied); a warning is said and the rest goes ahead.
/// </summary>
public sealed record SheetProblem(string File, string? Sheet, int? Row, string? Column, string Message, bool IsError = true)
{
    /// <summary>留言办理表.xlsx，工作表“留言”，第 5 行，“答复日期”列（K 列）：不是日期：“下周”</summary>
    public override string ToString()
    {
        var where = File;
        if (Sheet is not null)
        {
            where += $"，工作表“{Sheet}”";
        }

        if (Row is { } row)
        {
            where += $"，第 {row} 行";
        }

        if (Column is not null)
        {
            where += $"，{Column}";
        }

        return $"{where}：{(IsError ? "" : "提示：")}{Message}";
    }
}
