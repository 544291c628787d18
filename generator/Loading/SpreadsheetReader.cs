using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using Site.Generator.Diagnostics;

namespace Site.Generator.Loading;

/// <summary>
/// Reads the office's spreadsheets (.xlsx through MiniExcel; .csv in UTF-8 or GB18030, the encoding
/// Chinese Excel saves in) into one <see cref="RawMap"/> per row. The first row is the header; the
/// line of a row is its spreadsheet row number, so messages match what staff see in Excel.
/// </summary>
public static class SpreadsheetReader
{
    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static List<RawMap> Read(string file, string relative, RecordKind kind, DiagnosticBag diagnostics)
    {
        try
        {
            if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                var encoding = DetectEncoding(file);
                var config = new CsvConfiguration { StreamReaderFunc = stream => new StreamReader(stream, encoding), SplitFn = SplitCsvRecord };
                var rows = MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.CSV, configuration: config);
                return ReadRows(rows, relative, sheet: null, kind, diagnostics);
            }

            var result = new List<RawMap>();
            foreach (var sheet in MiniExcel.GetSheetNames(file))
            {
                var rows = MiniExcel.Query(file, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX);
                result.AddRange(ReadRows(rows, relative, sheet, kind, diagnostics));
            }

            return result;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or InvalidOperationException or FormatException
                                       or System.Xml.XmlException or ArgumentException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableSpreadsheet, new SourceLocation(relative), $"无法读取表格文件：{ex.Message}");
            return [];
        }
    }

    /// <summary>UTF-8 if the bytes are valid UTF-8 (with or without BOM), otherwise GB18030.</summary>
    public static Encoding DetectEncoding(string file)
    {
        var bytes = File.ReadAllBytes(file);
        try
        {
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    /// <summary>
    /// One CSV record into its cells, as Excel quotes them: a quoted cell may hold commas, line breaks
    /// and doubled quotes. MiniExcel's own splitter (a regex per line, then quotes trimmed off each
    /// cell) lost a cell that is only quote marks (<c>""""</c> read as nothing), and was most of the
    /// time spent reading a 100,000-row roster.
    /// </summary>
    internal static string[] SplitCsvRecord(string record)
    {
        var cells = new List<string>(16);
        var cell = new StringBuilder(64);
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c != '"')
                {
                    cell.Append(c);
                }
                else if (i + 1 < record.Length && record[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells.ToArray();
    }

    private static List<RawMap> ReadRows(
        IEnumerable<dynamic> rows, string relative, string? sheet, RecordKind kind, DiagnosticBag diagnostics)
    {
        var result = new List<RawMap>();
        List<(string Column, string Header, string? Key)>? columns = null;
        var rowNumber = 0;
        foreach (IDictionary<string, object?> row in rows)
        {
            rowNumber++;
            if (columns is null)
            {
                columns = ReadHeader(row, relative, sheet, kind, diagnostics);
                continue;
            }

            var entries = new List<RawEntry>();
            for (var i = 0; i < columns.Count; i++)
            {
                var (column, header, key) = columns[i];
                if (key is null)
                {
                    continue;
                }

                var text = CellText(row.TryGetValue(column, out var value) ? value : null);
                if (text.Length == 0)
                {
                    continue; // blank cells are absent fields, so "required" checks name them
                }

                var location = new SourceLocation(relative, rowNumber, i + 1);
                entries.Add(new RawEntry(key, location, new RawScalar(text, location), header));
            }

            if (entries.Count == 0)
            {
                continue; // an empty row between blocks of data
            }

            var context = sheet is null ? $"第{rowNumber}行" : $"工作表「{sheet}」第{rowNumber}行";
            result.Add(new RawMap(entries, new SourceLocation(relative, rowNumber), context));
        }

        return result;
    }

    private static List<(string Column, string Header, string? Key)> ReadHeader(
        IDictionary<string, object?> row, string relative, string? sheet, RecordKind kind, DiagnosticBag diagnostics)
    {
        var columns = new List<(string, string, string?)>();
        var index = 0;
        foreach (var (column, value) in row)
        {
            index++;
            var header = CellText(value);
            if (header.Length == 0)
            {
                columns.Add((column, header, null));
                continue;
            }

            var key = kind.Headers.TryGetValue(header, out var mapped) ? mapped
                : kind.Headers.Values.Contains(header) ? header
                : null;
            if (key is null)
            {
                diagnostics.Warning(
                    DiagnosticCodes.UnknownSpreadsheetColumn,
                    new SourceLocation(relative, 1, index),
                    $"{(sheet is null ? "" : $"工作表「{sheet}」")}不认识的列「{header}」，已忽略；可用的列：{string.Join("、", kind.Headers.Keys)}");
            }

            columns.Add((column, header, key));
        }

        return columns;
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "是" : "否",
        // MiniExcel joins the lines of a quoted CSV cell with CR LF; a cell's line break is LF, as in Excel.
        _ => (value.ToString() ?? "").Trim().ReplaceLineEndings("\n"),
    };
}
