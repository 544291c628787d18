using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Site.Intake.Office;

/// <summary>
/// Merged cells of a spreadsheet, filled in as a person reads the printed table: every cell a merge
/// covers holds the value of its top-left cell. Excel writes the covered cells as empty cells; WPS,
/// LibreOffice and other tools may leave them out of the sheet's XML altogether, so a covered cell is
/// created where the row lacks it. Each filled cell is recorded, so a row is judged blank (or notes
/// only) on its own cells: a merge running over a blank row does not make a record. Shared by the
/// generator's roster reading and the offline comment import.
/// </summary>
public static class MergedCells
{
    /// <summary>A merged range, rows and columns counted from 0, both ends included.</summary>
    public readonly record struct Range(int FromRow, int FromColumn, int ToRow, int ToColumn);

    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>
    /// The merged ranges of each sheet of an .xlsx, by sheet name (<c>mergeCell ref="A1:E1"</c> in the
    /// sheet's part, found through xl/workbook.xml and its relationships); a sheet without merges is absent.
    /// </summary>
    public static Dictionary<string, List<Range>> ReadXlsx(string file)
    {
        var result = new Dictionary<string, List<Range>>(StringComparer.Ordinal);
        using var zip = ZipFile.OpenRead(file);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var rels = OpenXml(zip, "xl/_rels/workbook.xml.rels"))
        {
            while (rels?.ReadToFollowing("Relationship", PackageRelationships) == true)
            {
                if (rels.GetAttribute("Id") is { } id && rels.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
                }
            }
        }

        var sheets = new List<(string Name, string Part)>();
        using (var workbook = OpenXml(zip, "xl/workbook.xml"))
        {
            while (workbook?.ReadToFollowing("sheet", Main) == true)
            {
                if (workbook.GetAttribute("name") is { } name && workbook.GetAttribute("id", Relationships) is { } rid
                    && targets.TryGetValue(rid, out var part))
                {
                    sheets.Add((name, part));
                }
            }
        }

        foreach (var (name, part) in sheets)
        {
            using var sheet = OpenXml(zip, part);
            if (sheet is null)
            {
                continue;
            }

            List<Range>? ranges = null;
            while (sheet.Read())
            {
                if (sheet.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (sheet.LocalName == "sheetData")
                {
                    // The cells are MiniExcel's to read; the merges come after them. Skip() stops on the
                    // node after the cells (mergeCells, whose children the next Read() reaches).
                    sheet.Skip();
                    continue;
                }

                if (sheet.LocalName == "mergeCell" && Parse(sheet.GetAttribute("ref")) is { } range)
                {
                    (ranges ??= []).Add(range);
                }
            }

            if (ranges is not null)
            {
                result[name] = ranges;
            }
        }

        return result;
    }

    /// <summary>
    /// The rows with every merge's covered cells holding its top-left value (created where absent,
    /// under the key <paramref name="key"/> gives the column), each with the keys it filled (null for
    /// a row no merge covers). A covered cell with a value of its own keeps it.
    /// </summary>
    public static IEnumerable<(IDictionary<string, object?> Row, HashSet<string>? Filled)> Fill(
        IEnumerable<IDictionary<string, object?>> rows, IReadOnlyList<Range>? ranges, Func<int, string> key)
    {
        if (ranges is null || ranges.Count == 0)
        {
            foreach (var row in rows)
            {
                yield return (row, null);
            }

            yield break;
        }

        var pending = ranges.Where(r => r.ToRow >= r.FromRow && r.ToColumn >= r.FromColumn && (r.ToRow > r.FromRow || r.ToColumn > r.FromColumn))
            .OrderBy(r => r.FromRow).ToList();
        var next = 0;
        var active = new List<(Range Range, object? Value)>();
        var index = -1;
        foreach (var original in rows)
        {
            index++;
            active.RemoveAll(a => a.Range.ToRow < index);
            while (next < pending.Count && pending[next].FromRow == index)
            {
                var range = pending[next++];
                active.Add((range, original.TryGetValue(key(range.FromColumn), out var value) ? value : null));
            }

            while (next < pending.Count && pending[next].FromRow < index)
            {
                next++; // a range starting before the first row read: no value to fill with
            }

            if (active.Count == 0)
            {
                yield return (original, null);
                continue;
            }

            var row = original.IsReadOnly ? new Dictionary<string, object?>(original) : original;
            HashSet<string>? filled = null;
            foreach (var (range, value) in active)
            {
                if (value is null || value is string { Length: 0 })
                {
                    continue;
                }

                for (var column = range.FromColumn; column <= range.ToColumn; column++)
                {
                    if (index == range.FromRow && column == range.FromColumn)
                    {
                        continue;
                    }

                    var name = key(column);
                    if (!row.TryGetValue(name, out var own) || own is null || own is string { Length: 0 })
                    {
                        row[name] = value;
                        (filled ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                    }
                }
            }

            yield return (row, filled);
        }
    }

    /// <summary>"A", "B" … "Z", "AA" for columns counted from 0, as MiniExcel keys a row's cells.</summary>
    public static string ColumnLetters(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>"B2:B14" as a range; null for anything else.</summary>
    public static Range? Parse(string? reference)
    {
        if (reference?.Split(':') is not [var from, var to] || Cell(from) is not var (r1, c1) || Cell(to) is not var (r2, c2))
        {
            return null;
        }

        return new Range(Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2));
    }

    private static (int Row, int Column)? Cell(string reference)
    {
        var i = 0;
        var column = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        return i == 0 || i == reference.Length || column > 16_384
               || !int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row < 1
            ? null
            : (row - 1, column - 1);
    }

    private static XmlReader? OpenXml(ZipArchive zip, string part)
    {
        var entry = zip.GetEntry(part) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, part, StringComparison.OrdinalIgnoreCase));
        return entry is null ? null : XmlReader.Create(entry.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
    }
}
