using System.IO.Compression;
using System.Xml.Linq;

namespace Site.Intake.Office;

/// <summary>
/// Excel data validations (数据验证) added to a worksheet that MiniExcel wrote, which has no API for
/// them: a drop-down list on the columns where the office may only choose from a few words, so a
/// typo such as 已答覆 or 答复了 is caught in Excel, not by the import a week later.
/// <para>
/// The validations go into <c>xl/worksheets/sheet1.xml</c> as <c>&lt;dataValidations&gt;</c>, at
/// the place the SpreadsheetML schema (ECMA-376 Part 1, 18.3.1.99 worksheet) gives them: after
/// <c>sheetData</c>, <c>autoFilter</c>, <c>mergeCells</c> and <c>conditionalFormatting</c>, before
/// <c>hyperlinks</c>, <c>pageMargins</c> and <c>tableParts</c>; Excel refuses a package whose
/// worksheet elements are out of that order. The import still checks every value (a sheet may come
/// back from WPS or an older Excel that dropped the lists).
/// </para>
/// </summary>
public static class SheetDropDowns
{
    /// <summary>One column's rule: <paramref name="Column"/> is 0-based; <paramref name="Choices"/> the words offered; <paramref name="Strict"/> refuses anything else (otherwise Excel only warns).</summary>
    public sealed record DropDown(int Column, IReadOnlyList<string> Choices, string Prompt, bool Strict = true);

    /// <summary>One column that must hold a date: Excel warns (does not refuse) on text that is not a date.</summary>
    public sealed record DateColumn(int Column, string Prompt);

    // Elements that come before dataValidations in CT_Worksheet, in schema order.
    private static readonly string[] Before =
    [
        "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
        "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
        "phoneticPr", "conditionalFormatting",
    ];

    /// <summary>
    /// The package <paramref name="xlsx"/> with the drop-downs and date checks added to its first
    /// worksheet, from row 2 (below the header) to Excel's last row. Throws
    /// <see cref="InvalidDataException"/> when the package has no <c>xl/worksheets/sheet1.xml</c>, and
    /// <see cref="ArgumentException"/> when a list's words, joined, exceed Excel's 255 characters.
    /// </summary>
    public static byte[] Add(byte[] xlsx, IReadOnlyList<DropDown> dropDowns, IReadOnlyList<DateColumn> dates)
    {
        using var buffer = new MemoryStream();
        buffer.Write(xlsx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml") ?? throw new InvalidDataException("表格文件中没有第一个工作表（xl/worksheets/sheet1.xml）。");
            XDocument sheet;
            using (var stream = entry.Open())
            {
                sheet = XDocument.Load(stream);
            }

            var root = sheet.Root!;
            var main = root.Name.Namespace;
            var validations = new XElement(main + "dataValidations");
            foreach (var dropDown in dropDowns)
            {
                var list = string.Join(",", dropDown.Choices);
                if (list.Length > 255)
                {
                    throw new ArgumentException($"下拉选项合计超过 Excel 允许的 255 个字符：{list}", nameof(dropDowns));
                }

                validations.Add(new XElement(main + "dataValidation",
                    new XAttribute("type", "list"),
                    new XAttribute("errorStyle", dropDown.Strict ? "stop" : "warning"),
                    new XAttribute("allowBlank", "1"),
                    new XAttribute("showInputMessage", "1"),
                    new XAttribute("showErrorMessage", "1"),
                    new XAttribute("errorTitle", "请从下拉列表中选择"),
                    new XAttribute("error", $"只能填写：{string.Join("、", dropDown.Choices)}。"),
                    new XAttribute("promptTitle", "填写说明"),
                    new XAttribute("prompt", dropDown.Prompt),
                    new XAttribute("sqref", Range(dropDown.Column)),
                    new XElement(main + "formula1", $"\"{list}\"")));
            }

            foreach (var date in dates)
            {
                // Any date from 2000-01-01 on (Excel's serial 36526): a typed 2026-3-9 or 2026年3月9日 becomes one.
                validations.Add(new XElement(main + "dataValidation",
                    new XAttribute("type", "date"),
                    new XAttribute("errorStyle", "warning"),
                    new XAttribute("operator", "greaterThanOrEqual"),
                    new XAttribute("allowBlank", "1"),
                    new XAttribute("showInputMessage", "1"),
                    new XAttribute("showErrorMessage", "1"),
                    new XAttribute("errorTitle", "请填写日期"),
                    new XAttribute("error", "这里应填写日期，如 2026-03-09。"),
                    new XAttribute("promptTitle", "填写说明"),
                    new XAttribute("prompt", date.Prompt),
                    new XAttribute("sqref", Range(date.Column)),
                    new XElement(main + "formula1", "36526")));
            }

            validations.SetAttributeValue("count", validations.Elements().Count());
            var after = root.Elements().LastOrDefault(e => e.Name.Namespace == main && Before.Contains(e.Name.LocalName));
            if (after is null)
            {
                root.AddFirst(validations);
            }
            else
            {
                after.AddAfterSelf(validations);
            }

            entry.Delete();
            using var output = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            using var writer = System.Xml.XmlWriter.Create(output, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
            sheet.Save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>A column's cells from row 2 to Excel's last row, as an A1 range: 8 → I2:I1048576.</summary>
    internal static string Range(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return $"{letters}2:{letters}1048576";
    }
}
