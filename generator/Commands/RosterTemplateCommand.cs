using MiniExcelLibs;
using Site.Generator.Loading;

namespace Site.Generator.Commands;

/// <summary>
/// `site template --out FILE`: the deputies' roster (代表名单) as an office fills it in, an .xlsx with
/// the header row the loader reads and one example row that passes `check` against the sample site.
/// Headers come from the loader's own header table (<see cref="HeaderTable"/>), so the template can
/// never ask for a column the build would not read.
/// </summary>
public static class RosterTemplateCommand
{
    /// <summary>The kind of record the template is for.</summary>
    public static RecordKind Kind => RecordKind.Deputies;

    /// <summary>
    /// Spreadsheet header → field key, as the loader (<see cref="SpreadsheetReader"/>) reads it for
    /// <paramref name="kind"/>. The one place the template and the README's column list learn the vocabulary.
    /// </summary>
    public static IReadOnlyDictionary<string, string> HeaderTable(RecordKind kind) => kind.Headers;

    /// <summary>
    /// Each field once, in the table's order: the header the template writes (the first the table lists
    /// for the field) and the other headers the loader also accepts for it.
    /// </summary>
    public static IReadOnlyList<(string Field, string Header, IReadOnlyList<string> Aliases)> Columns(RecordKind kind) =>
        HeaderTable(kind)
            .GroupBy(pair => pair.Value, StringComparer.Ordinal)
            .Select(g => (g.Key, g.First().Key, (IReadOnlyList<string>)g.Skip(1).Select(p => p.Key).ToList()))
            .ToList();

    /// <summary>
    /// The example row, by field key: a deputy of the sample county (湘潭县), whose station (S01) and
    /// region (430321100, 易俗河镇) exist in the sample input/, written as offices write them
    /// (birth as 1978.6, levels as 县、乡).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Example = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["id"] = "D0101", ["name"] = "赵明华", ["gender"] = "女", ["ethnicity"] = "汉族", ["birth"] = "1978.6",
        ["photo"] = "", ["levels"] = "县、乡", ["term"] = "县第十八届", ["constituency"] = "第5选区",
        ["group"] = "易俗河代表组", ["title"] = "易俗河镇金桥村党总支书记", ["sector"] = "农业农村",
        ["station"] = "S01", ["party"] = "中共党员", ["region"] = "430321100",
        ["bio"] = "在村里工作十五年，牵头办起村里的蔬菜合作社。", ["pledge"] = "每月到联络站接待一次选民，件件登记、件件回复。",
    };

    /// <summary>The template's bytes: one sheet named 代表名单, the header row, the example row.</summary>
    public static byte[] Render()
    {
        var columns = Columns(Kind);
        var row = columns.ToDictionary(c => c.Header, c => (object?)Example.GetValueOrDefault(c.Field, ""));
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, new[] { row }, sheetName: Kind.Label);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes the template to <paramref name="output"/>; exit 1 when it is not .xlsx, or lies where the
    /// build would read it or publish it (<see cref="OutputPaths"/>): in input/deputies/ its example
    /// deputy would appear on the site before anyone replaced it.
    /// </summary>
    public static async Task<int> RunAsync(string root, string output, CancellationToken cancellationToken)
    {
        if (!output.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"模板是 Excel 文件，--out 请以 .xlsx 结尾：{output}");
            return 1;
        }

        if ((OutputPaths.Problem(root, output, "模板（含示例代表）") ?? OutputPaths.MissingFolder(output)) is { } problem)
        {
            Console.Error.WriteLine("--out：" + problem);
            return 1;
        }

        await Site.Intake.Export.CommentExport.ToFileAsync(Render(), output, cancellationToken);
        Console.WriteLine($"已写出{Kind.Label}模板 {Path.GetFullPath(output)}：第一行是表头，第二行是示例（请替换或删除），填好后放进 input/{Kind.Folder}/ 即可。");
        return 0;
    }
}
