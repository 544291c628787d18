using System.IO.Compression;
using System.Security;
using System.Text;

namespace Site.Generator.Tests.Support;

/// <summary>
/// Writes a small .xlsx by hand (SpreadsheetML in a zip), for what MiniExcel's writer cannot make:
/// merged cells, hidden sheets and cells in Excel's built-in number formats (the Chinese date formats
/// 27–36 and 50–58 have no format code in the file, as Excel saves them).
/// </summary>
public sealed class XlsxBuilder
{
    private readonly List<Sheet> _sheets = [];

    public Sheet AddSheet(string name, bool hidden = false)
    {
        var sheet = new Sheet(name, hidden);
        _sheets.Add(sheet);
        return sheet;
    }

    public void Save(string path)
    {
        var formats = _sheets.SelectMany(s => s.Rows).SelectMany(r => r).OfType<Cell>().Select(c => c.NumberFormat)
            .Where(f => f != 0).Distinct().ToList();
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Write(string name, string text)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
            writer.Write(text);
        }

        Write("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
            """ + string.Concat(_sheets.Select((_, i) => $"""<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>""")) + "</Types>");
        Write("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Write("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """ + string.Concat(_sheets.Select((s, i) => $"""<sheet name="{SecurityElement.Escape(s.Name)}" sheetId="{i + 1}"{(s.Hidden ? " state=\"hidden\"" : "")} r:id="rId{i + 1}"/>""")) + "</sheets></workbook>");
        Write("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """ + string.Concat(_sheets.Select((_, i) => $"""<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>"""))
            + $"""<Relationship Id="rId{_sheets.Count + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""");
        Write("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            <fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>
            <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
            <borders count="1"><border/></borders>
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
            """ + $"""<cellXfs count="{formats.Count + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"""
            + string.Concat(formats.Select(f => $"""<xf numFmtId="{f}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>"""))
            + "</cellXfs></styleSheet>");
        for (var i = 0; i < _sheets.Count; i++)
        {
            Write($"xl/worksheets/sheet{i + 1}.xml", _sheets[i].Xml(formats));
        }
    }

    /// <summary>A cell with no value, as Excel writes the cells a merge covers.</summary>
    public static readonly object Blank = new();

    /// <summary>A cell: text, or a number shown in built-in number format <paramref name="NumberFormat"/>.</summary>
    public sealed record Cell(object Value, int NumberFormat = 0);

    public sealed class Sheet(string name, bool hidden)
    {
        private readonly List<string> _merges = [];

        public string Name { get; } = name;

        public bool Hidden { get; } = hidden;

        public List<object?[]> Rows { get; } = [];

        /// <summary>
        /// Adds a row; strings become text cells, numbers numbers, <see cref="Cell"/> formatted numbers,
        /// null a cell absent from the file (as WPS and LibreOffice leave out the cells a merge covers).
        /// </summary>
        public Sheet Row(params object?[] cells)
        {
            Rows.Add(cells);
            return this;
        }

        /// <summary>
        /// Leaves rows without cells out of the sheet's XML, as WPS and other tools write a sheet
        /// (Excel and LibreOffice write an empty row element where a row is formatted).
        /// </summary>
        public bool Sparse { get; private set; }

        public Sheet OmitEmptyRows()
        {
            Sparse = true;
            return this;
        }

        /// <summary>Merges a range such as "A1:F1".</summary>
        public Sheet Merge(string range)
        {
            _merges.Add(range);
            return this;
        }

        internal string Xml(List<int> formats)
        {
            var xml = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
            for (var r = 0; r < Rows.Count; r++)
            {
                if (Sparse && Rows[r].All(c => c is null))
                {
                    continue;
                }

                xml.Append($"<row r=\"{r + 1}\">");
                for (var c = 0; c < Rows[r].Length; c++)
                {
                    var reference = $"{(char)('A' + c)}{r + 1}";
                    switch (Rows[r][c])
                    {
                        case null:
                            break;
                        case var blank when blank == Blank:
                            xml.Append($"<c r=\"{reference}\"/>");
                            break;
                        case string text:
                            xml.Append($"<c r=\"{reference}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(text)}</t></is></c>");
                            break;
                        case Cell cell:
                            xml.Append($"<c r=\"{reference}\" s=\"{formats.IndexOf(cell.NumberFormat) + 1}\"><v>{Convert.ToString(cell.Value, System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                            break;
                        case var number:
                            xml.Append($"<c r=\"{reference}\"><v>{Convert.ToString(number, System.Globalization.CultureInfo.InvariantCulture)}</v></c>");
                            break;
                    }
                }

                xml.Append("</row>");
            }

            xml.Append("</sheetData>");
            if (_merges.Count > 0)
            {
                xml.Append($"<mergeCells count=\"{_merges.Count}\">");
                foreach (var merge in _merges)
                {
                    xml.Append($"<mergeCell ref=\"{merge}\"/>");
                }

                xml.Append("</mergeCells>");
            }

            return xml.Append("</worksheet>").ToString();
        }
    }
}
