using System.Globalization;
using System.IO.Hashing;
using System.Text;
using ExcelDataReader;
using MiniExcelLibs;
using MiniExcelLibs.Csv;
using MiniExcelLibs.OpenXml;
using Site.Generator.Diagnostics;
using Site.Generator.Validation;

namespace Site.Generator.Loading;

/// <summary>
/// Reads the office's spreadsheets into one <see cref="RawMap"/> per row: .xlsx through MiniExcel,
/// .xls (Excel 97–2003) through ExcelDataReader, .csv in UTF-8 or GB18030 (the encoding Chinese Excel
/// saves in). Spreadsheets as offices keep them: the header row is the first row with enough known
/// column names (title rows, merged titles and blank rows above it are skipped); every visible sheet
/// whose header matches is read; hidden sheets (drop-down lists) are skipped with a warning; merged
/// cells count for every cell they cover, though a row made only of a merge's fill is blank. Nothing is dropped silently: a sheet without a header, a
/// row that yields nothing and a file that yields no record are each a diagnostic naming file, sheet
/// and row. The line of a row is its spreadsheet row number, so messages match what staff see in Excel.
/// </summary>
public static class SpreadsheetReader
{
    /// <summary>Rows looked at for a header before a sheet is given up as having none.</summary>
    private const int HeaderSearchRows = 20;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Columns a sheet must have, per kind, before any of its rows is read.</summary>
    private static readonly Dictionary<RecordKind, string[]> RequiredColumns = new()
    {
        [RecordKind.Deputies] = ["name", "levels"],
        [RecordKind.Regions] = ["code", "name"],
    };

    /// <param name="fileValues">
    /// Values the whole file shares, from site.yaml (<c>roster: files:</c>), by field key: used where
    /// the file has no such column or the cell is blank.
    /// </param>
    public static List<RawMap> Read(
        string file, string relative, RecordKind kind, DiagnosticBag diagnostics,
        IReadOnlyList<RawEntry>? fileValues = null)
    {
        var state = new FileState(relative, kind, diagnostics, fileValues ?? []);
        try
        {
            switch (Path.GetExtension(file).ToLowerInvariant())
            {
                case ".csv":
                    var encoding = DetectEncoding(file);
                    var config = new CsvConfiguration { StreamReaderFunc = stream => new StreamReader(stream, encoding), SplitFn = PaddedCsvSplitter() };
                    ReadSheet(state, null, MergedCells.Fill(Rows(MiniExcel.Query(file, useHeaderRow: false, excelType: ExcelType.CSV, configuration: config)), null, MergedCells.ColumnLetters));
                    break;
                case ".xls":
                    ReadXls(file, state);
                    break;
                default:
                    // One pass over the cells: the merges are read from the sheet's XML and filled in here
                    // (MiniExcel's own fill skips covered cells a tool left out of the file, and a second
                    // unfilled read was needed to tell a merge's fill from a row's own cells).
                    var merges = MergedCells.ReadXlsx(file);
                    foreach (var sheet in MiniExcel.GetSheetInformations(file))
                    {
                        if (sheet.State != SheetState.Visible)
                        {
                            state.HiddenSheet(sheet.Name);
                            continue;
                        }

                        var rows = Rows(MiniExcel.Query(file, useHeaderRow: false, sheetName: sheet.Name, excelType: ExcelType.XLSX));
                        ReadSheet(state, sheet.Name, MergedCells.Fill(rows, merges.GetValueOrDefault(sheet.Name), MergedCells.ColumnLetters));
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            Unreadable(state, ex);
            return state.Records;
        }

        state.Finish();
        return state.Records;
    }

    /// <summary>
    /// Rows already read into cells (as MiniExcel gives them, keyed by column letter) as one sheet of
    /// <paramref name="relative"/>: for tests of what the reader says when the rows fail part way.
    /// </summary>
    internal static List<RawMap> ReadRows(string relative, RecordKind kind, DiagnosticBag diagnostics, string? sheet, IEnumerable<IDictionary<string, object?>> rows)
    {
        var state = new FileState(relative, kind, diagnostics, []);
        try
        {
            ReadSheet(state, sheet, MergedCells.Fill(rows, null, MergedCells.ColumnLetters));
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            Unreadable(state, ex);
        }

        return state.Records;
    }

    /// <summary>
    /// Whatever a library throws, the office sees a Chinese message naming the sheet and row where
    /// reading stopped (the library's own message is English and names its internals); the records
    /// read before it are kept.
    /// </summary>
    private static void Unreadable(FileState state, Exception ex)
    {
        var hint = state.Relative.EndsWith(".xls", StringComparison.OrdinalIgnoreCase)
            ? "；请在 Excel 中打开它，另存为“Excel 工作簿 (.xlsx)”后放回"
            : "";
        var where = state.Sheet is null ? "" : $"工作表「{state.Sheet}」";
        var location = state.Row > 0 ? new SourceLocation(state.Relative, state.Row) : new SourceLocation(state.Relative);
        var message = state.Row > 0
            ? $"无法读取表格文件：{where}第{state.Row}行{RowFailure(ex)}，此行及以后的行都未读取{hint}"
            : $"无法读取表格文件：{FileFailure(ex)}{hint}";
        state.Diagnostics.Error(DiagnosticCodes.UnreadableSpreadsheet, location, message);
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
    /// Why a file could not be opened at all, in words an office can act on (the library's own
    /// message is English and names its internals).
    /// </summary>
    private static string FileFailure(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "文件在读取时不见了",
        UnauthorizedAccessException => "没有读取此文件的权限",
        IOException => "文件打不开（是否正在 Excel 或 WPS 中打开？关闭后重试）",
        InvalidDataException or System.Xml.XmlException or ExcelDataReader.Exceptions.ExcelReaderException or NotSupportedException
            => "文件已损坏，或不是它的扩展名所说的格式",
        _ => $"文件内容无法识别（{ex.GetType().Name}）；请在 Excel 或 WPS 中打开后重新保存，仍不行请把文件交给网站维护人员",
    };

    /// <summary>Why reading stopped at a row, in Chinese (see <see cref="FileFailure"/>).</summary>
    private static string RowFailure(Exception ex) => ex switch
    {
        MiniExcelLibs.Exceptions.ExcelColumnNotFoundException => "的列数与表头不符",
        InvalidDataException or System.Xml.XmlException => "所在的文件部分已损坏",
        _ => $"的内容无法识别（{ex.GetType().Name}）；请检查此行各单元格，仍不行请把文件交给网站维护人员",
    };

    /// <summary>
    /// <see cref="SplitCsvRecord"/> for one file, a record shorter than the widest before it padded
    /// with empty cells: Excel and WPS leave trailing empty cells off a row (and a line break typed
    /// unquoted into a cell splits its row in two), and MiniExcel throws on a row shorter than its first.
    /// </summary>
    internal static Func<string, string[]> PaddedCsvSplitter()
    {
        var width = 0;
        return record =>
        {
            var cells = SplitCsvRecord(record);
            if (cells.Length >= width)
            {
                width = cells.Length;
                return cells;
            }

            var padded = new string[width];
            cells.CopyTo(padded, 0);
            Array.Fill(padded, "", cells.Length, width - cells.Length);
            return padded;
        };
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

    /// <summary>
    /// A header cell as a key of <see cref="RecordKind.Headers"/>: spaces and line breaks inside it
    /// removed ("姓  名", "出生\n年月"), a required-mark asterisk dropped.
    /// </summary>
    internal static string NormalizeHeader(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c is not ('*' or '＊'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether a cell says <paramref name="header"/> as <see cref="NormalizeHeader"/> reads it, without a copy per cell.</summary>
    private static bool SameHeader(string text, string header)
    {
        var j = 0;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '*' or '＊')
            {
                continue;
            }

            if (j >= header.Length || header[j++] != c)
            {
                return false;
            }
        }

        return j == header.Length;
    }

    /// <summary>
    /// 序号: the running number every office roster has in its first column. Not a field (编号, where a
    /// vocabulary has it, is the record's id), so it is read past without a warning, and a row numbered
    /// but otherwise blank is a blank row.
    /// </summary>
    internal static bool IgnoredColumn(string header) => string.Concat(header.Where(c => !char.IsWhiteSpace(c))) is "序号";

    private static string? KeyOf(RecordKind kind, string header) =>
        kind.Headers.TryGetValue(header, out var mapped) ? mapped
        : kind.Headers.Values.Contains(header) ? header
        : null;

    /// <summary>Excel 97–2003 workbooks: every sheet with its visibility and merged cells.</summary>
    private static void ReadXls(string file, FileState state)
    {
        using var stream = File.OpenRead(file);
        using var reader = ExcelReaderFactory.CreateBinaryReader(stream);
        do
        {
            if (!string.Equals(reader.VisibleState, "visible", StringComparison.OrdinalIgnoreCase))
            {
                state.HiddenSheet(reader.Name);
                continue;
            }

            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.GetValue(i);
                }

                rows.Add(row);
            }

            var merges = (reader.MergeCells ?? []).Select(m => new MergedCells.Range(m.FromRow, m.FromColumn, m.ToRow, m.ToColumn)).ToList();
            ReadSheet(state, reader.Name, MergedCells.Fill(rows.Select(ToRow), merges, XlsKey));
        }
        while (reader.NextResult());
    }

    private static string XlsKey(int column) => column.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The rows, with <see cref="FileState.Row"/> set to the row being fetched and then handled, so
    /// that an exception from the library or from reading a cell names the row it stopped at.
    /// </summary>
    private static IEnumerable<T> Tracked<T>(IEnumerable<T> rows, FileState state)
    {
        var number = 0;
        using var enumerator = rows.GetEnumerator();
        while (true)
        {
            state.Row = ++number;
            if (!enumerator.MoveNext())
            {
                break;
            }

            yield return enumerator.Current;
        }

        state.Row = 0;
    }

    // MiniExcel's rows are typed dynamic but are dictionaries: taken as objects and cast, so that no
    // dynamic conversion loads the C# runtime binder (and compiles its expression trees) at every start.
    private static IEnumerable<IDictionary<string, object?>> Rows(IEnumerable<object> rows)
    {
        foreach (var row in rows)
        {
            yield return (IDictionary<string, object?>)row;
        }
    }

    private static IDictionary<string, object?> ToRow(object?[] cells)
    {
        var row = new Dictionary<string, object?>(cells.Length);
        for (var i = 0; i < cells.Length; i++)
        {
            row[i.ToString(CultureInfo.InvariantCulture)] = cells[i];
        }

        return row;
    }

    /// <param name="rows">
    /// The sheet's rows with merged cells filled in, each with the cells the fill wrote
    /// (<see cref="MergedCells.Fill"/>): whether a row is blank, or has content only in unknown
    /// columns, is decided on its own cells, so a merge running past the data (代表团 merged down a
    /// block with a blank row in it) makes no nameless records.
    /// </param>
    private static void ReadSheet(FileState state, string? sheet, IEnumerable<(IDictionary<string, object?> Row, HashSet<string>? Filled)> rows)
    {
        var relative = state.Relative;
        var kind = state.Kind;
        var diagnostics = state.Diagnostics;
        var where = sheet is null ? "" : $"工作表「{sheet}」";
        List<(string Column, string Header, string? Key)>? columns = null;
        HashSet<string>? keys = null;
        var skip = false;
        var deriveIds = false;
        var rowNumber = 0;
        var searched = 0;
        var nonBlankRows = 0;
        var records = 0;
        var firstText = (string?)null;
        (string Text, int Row)? brokenHeader = null;
        state.Sheet = sheet;
        foreach (var (row, filled) in Tracked(rows, state))
        {
            rowNumber++;
            if (columns is null)
            {
                var texts = row.Select(cell => (cell.Key, Text: NormalizeHeader(CellText(cell.Value)))).ToList();
                if (texts.All(t => t.Text.Length == 0))
                {
                    continue;
                }

                nonBlankRows++;
                firstText ??= texts.First(t => t.Text.Length > 0).Text;
                var known = texts.Where(t => t.Text.Length > 0).Select(t => KeyOf(kind, t.Text)).OfType<string>().Distinct().Count();
                if (known >= 2)
                {
                    columns = ReadHeader(texts, rowNumber, where, state);
                    if (sheet is null && texts.LastOrDefault(t => t.Text.Length > 0) is { Text: var last } && KeyOf(kind, last) is null)
                    {
                        brokenHeader = (last, rowNumber);
                    }
                    keys = columns.Select(c => c.Key).OfType<string>().ToHashSet(StringComparer.Ordinal);
                    skip = MissingColumns(state, where, rowNumber, keys, columns);
                    deriveIds = kind == RecordKind.Deputies && !keys.Contains("id");
                    if (deriveIds && !skip)
                    {
                        diagnostics.Warning(DiagnosticCodes.DerivedIds, new SourceLocation(relative, rowNumber),
                            $"{where}没有「代表编号」列：代表编号由姓名和出生年月生成（同一人的编号在增删、调整行序后不变）");
                    }
                }
                else if (++searched >= HeaderSearchRows)
                {
                    break;
                }

                continue;
            }

            if (brokenHeader is var (lastHeader, headerRow))
            {
                // A line break typed into a CSV header cell without quotes splits the header in two:
                // "出生" ending one row and "年月" starting the next, which no column check explains.
                brokenHeader = null;
                var rest = NormalizeHeader(CellText(row.TryGetValue("A", out var first) ? first : null));
                if (rest.Length > 0 && KeyOf(kind, lastHeader + rest) is not null)
                {
                    diagnostics.Error(DiagnosticCodes.UnreadableSpreadsheet, new SourceLocation(relative, headerRow),
                        $"第{headerRow}行表头的「{lastHeader}」和第{rowNumber}行开头的「{rest}」是同一列「{lastHeader}{rest}」，中间有一个没加英文双引号的换行，表头被断成了两行，后面各行的列也对不上：请在 Excel 或 WPS 中改正该单元格后重新另存为 CSV");
                }
            }

            if (skip)
            {
                nonBlankRows += row.Any(cell => filled?.Contains(cell.Key) != true && CellText(cell.Value).Length > 0) ? 1 : 0;
                continue;
            }

            var entries = new List<RawEntry>(columns.Count + state.FileValues.Count + 1);
            var anyText = false;
            var anyKnownText = false;
            var repeatsHeader = true;
            for (var i = 0; i < columns.Count; i++)
            {
                var (column, header, key) = columns[i];
                var text = CellText(row.TryGetValue(column, out var value) ? value : null);
                if (text.Length == 0)
                {
                    continue; // blank cells are absent fields, so "required" checks name them
                }

                if (IgnoredColumn(header))
                {
                    continue;
                }

                var own = filled?.Contains(column) != true;
                anyText = anyText || own;
                anyKnownText = anyKnownText || (own && key is not null);
                if (key is null)
                {
                    continue;
                }

                repeatsHeader = repeatsHeader && SameHeader(text, header);
                var location = new SourceLocation(relative, rowNumber, i + 1);
                entries.Add(new RawEntry(key, location, new RawScalar(text, location), header));
            }

            if (!anyText)
            {
                continue; // an empty row between blocks of data
            }

            nonBlankRows++;
            if (!anyKnownText)
            {
                diagnostics.Warning(DiagnosticCodes.SkippedRow, new SourceLocation(relative, rowNumber),
                    $"{where}第{rowNumber}行只在不认识的列中有内容，已跳过");
                continue;
            }

            if (repeatsHeader && entries.Count >= 2)
            {
                continue; // the header again, as long lists repeat it on every printed page
            }

            foreach (var shared in state.FileValues)
            {
                if (!keys!.Contains(shared.Key) || entries.TrueForAll(e => e.Key != shared.Key))
                {
                    entries.Add(shared);
                }
            }

            var context = sheet is null ? $"第{rowNumber}行" : $"工作表「{sheet}」第{rowNumber}行";
            if (deriveIds)
            {
                var id = state.DeriveId(entries, context);
                var location = new SourceLocation(relative, rowNumber);
                entries.Insert(0, new RawEntry("id", location, new RawScalar(id, location), "代表编号（生成）"));
            }

            state.Records.Add(new RawMap(entries, new SourceLocation(relative, rowNumber), context));
            records++;
        }

        state.Row = 0;

        if (columns is null)
        {
            if (nonBlankRows > 0)
            {
                state.SheetWithoutHeader(where, firstText!);
            }

            return;
        }

        state.NonEmptySheets++;
        if (records == 0 && !skip && nonBlankRows > 0)
        {
            diagnostics.Error(DiagnosticCodes.EmptySheet, new SourceLocation(relative),
                $"{where}有 {nonBlankRows} 行内容，但没有读出任何一行记录");
        }
    }

    private static List<(string Column, string Header, string? Key)> ReadHeader(
        List<(string Column, string Text)> texts, int rowNumber, string where, FileState state)
    {
        var columns = new List<(string, string, string?)>(texts.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (column, header) in texts)
        {
            index++;
            if (header.Length == 0 || IgnoredColumn(header))
            {
                columns.Add((column, header, null));
                continue;
            }

            var key = KeyOf(state.Kind, header);
            if (key is null)
            {
                state.Diagnostics.Warning(
                    DiagnosticCodes.UnknownSpreadsheetColumn,
                    new SourceLocation(state.Relative, rowNumber, index),
                    $"{where}不认识的列「{header}」，已忽略；可用的列：{string.Join("、", state.Kind.Headers.Keys)}");
            }
            else if (!seen.TryAdd(key, header))
            {
                state.Diagnostics.Warning(
                    DiagnosticCodes.UnknownSpreadsheetColumn,
                    new SourceLocation(state.Relative, rowNumber, index),
                    $"{where}列「{header}」与列「{seen[key]}」是同一项，只读取前一列");
                key = null;
            }

            columns.Add((column, header, key));
        }

        return columns;
    }

    /// <summary>A required column neither in the sheet nor given for the file: one error for the sheet, not one per row.</summary>
    private static bool MissingColumns(FileState state, string where, int rowNumber, HashSet<string> keys, List<(string Column, string Header, string? Key)> columns)
    {
        if (!RequiredColumns.TryGetValue(state.Kind, out var required))
        {
            return false;
        }

        var missing = required.Where(k => !keys.Contains(k) && state.FileValues.All(v => v.Key != k)).ToList();
        if (missing.Count == 0)
        {
            return false;
        }

        var names = missing.Select(k => state.Kind.Headers.FirstOrDefault(h => h.Value == k).Key ?? k);
        var fileWide = missing.Contains("levels")
            ? $"；全表相同的值（如层级、届次）也可以在 input/site.yaml 的 roster: files: 下为本文件写一次"
            : "";
        state.Diagnostics.Error(DiagnosticCodes.MissingColumn, new SourceLocation(state.Relative, rowNumber),
            $"{where}没有「{string.Join("」「", names)}」列，本表的记录都未读取；本表的列：{string.Join("、", columns.Select(c => c.Header).Where(h => h.Length > 0))}{fileWide}");
        return true;
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        string text => text.Trim().ReplaceLineEndings("\n"),
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        bool flag => flag ? "是" : "否",
        // MiniExcel joins the lines of a quoted CSV cell with CR LF; a cell's line break is LF, as in Excel.
        _ => (value.ToString() ?? "").Trim().ReplaceLineEndings("\n"),
    };

    /// <summary>What one file has given so far, for its diagnostics.</summary>
    private sealed class FileState(string relative, RecordKind kind, DiagnosticBag diagnostics, IReadOnlyList<RawEntry> fileValues)
    {
        private readonly Dictionary<string, string> _derived = new(StringComparer.Ordinal);
        private readonly List<string> _skippedSheets = [];

        public string Relative { get; } = relative;

        public RecordKind Kind { get; } = kind;

        public DiagnosticBag Diagnostics { get; } = diagnostics;

        public IReadOnlyList<RawEntry> FileValues { get; } = fileValues;

        public List<RawMap> Records { get; } = [];

        public int NonEmptySheets { get; set; }

        /// <summary>The sheet being read (null for a CSV) and the row being read or fetched, 1-based; 0 outside rows.</summary>
        public string? Sheet { get; set; }

        public int Row { get; set; }

        public void HiddenSheet(string name)
        {
            _skippedSheets.Add($"「{name}」（隐藏）");
            Diagnostics.Warning(DiagnosticCodes.SkippedSheet, new SourceLocation(Relative),
                $"工作表「{name}」是隐藏的（多为下拉选项），已跳过；要发布其中的记录，请先在 Excel 中取消隐藏");
        }

        public void SheetWithoutHeader(string where, string firstText)
        {
            _skippedSheets.Add(where.Length == 0 ? "全表" : where);
            Diagnostics.Warning(DiagnosticCodes.SkippedSheet, new SourceLocation(Relative),
                $"{where}前 {HeaderSearchRows} 行中没有找到表头（至少两个认识的列名；第一个有内容的单元格是「{firstText}」），已跳过；可用的列：{string.Join("、", Kind.Headers.Keys)}");
        }

        /// <summary>
        /// 代表编号 for a roster without one: "D" and 10 base-32 digits of XxHash64 over the name
        /// (spaces removed) and the normalised 出生年月, so an id depends on the person alone, not on
        /// the row's place; a second person with the same name and birth gets "-2", "-3" in row order (so
        /// for them only, reordering rows swaps ids: the warning asks for a 代表编号 column).
        /// </summary>
        public string DeriveId(List<RawEntry> entries, string context)
        {
            static string? Value(List<RawEntry> entries, string key) =>
                entries.Find(e => e.Key == key)?.Value is RawScalar scalar ? scalar.Value : null;
            var name = string.Concat((Value(entries, "name") ?? "").Where(c => !char.IsWhiteSpace(c)));
            var birthText = Value(entries, "birth");
            var birth = birthText is null ? "" : DateParsing.NormalizeYearMonth(birthText) ?? birthText.Trim();
            var id = DerivedId(name, birth);
            var unique = id;
            for (var n = 2; _derived.ContainsKey(unique); n++)
            {
                unique = $"{id}-{n}";
            }

            if (unique != id)
            {
                Diagnostics.Warning(DiagnosticCodes.DerivedIds, entries[0].KeyLocation,
                    $"{context} 姓名和出生年月与{_derived[id]}相同，生成的代表编号加了序号“{unique}”；如是同一人，请删去重复的一行；如是不同的人，他们的编号取决于行的先后，调整行序会互换编号和已印的二维码，请为他们填写「代表编号」列（或保持行序不变），使二维码不变");
            }

            _derived[unique] = context;
            return unique;
        }

        public void Finish()
        {
            if (Records.Count == 0 && (NonEmptySheets > 0 || _skippedSheets.Count > 0))
            {
                var skipped = _skippedSheets.Count == 0 ? "" : $"；跳过的工作表：{string.Join("、", _skippedSheets)}";
                Diagnostics.Error(DiagnosticCodes.EmptySheet, new SourceLocation(Relative),
                    $"没有从这个文件读出任何{Kind.Label}记录{skipped}");
            }
            else if (Records.Count == 0)
            {
                Diagnostics.Warning(DiagnosticCodes.EmptySheet, new SourceLocation(Relative), "这个表格文件是空的，没有读出任何记录");
            }
        }
    }

    /// <summary>See <see cref="FileState.DeriveId"/>; public so its stability can be tested.</summary>
    public static string DerivedId(string name, string birth)
    {
        const string Digits = "0123456789abcdefghjkmnpqrstvwxyz"; // Crockford's base 32, lower case
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(name + "\n" + birth));
        var chars = new char[11];
        chars[0] = 'D';
        for (var i = 1; i < chars.Length; i++)
        {
            chars[i] = Digits[(int)(hash & 31)];
            hash >>= 5;
        }

        return new string(chars);
    }
}
