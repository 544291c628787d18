using System.Text;
using Site.Generator.Diagnostics;
using Site.Generator.Loading;

namespace Site.Generator.Tests.Loading;

/// <summary>
/// CSV cells as Excel saves them: a cell with a comma, a quote or a line break is quoted, and its
/// quotes are doubled. Every cell must read back as typed (an address with a comma, a pledge that
/// quotes someone, a biography over two lines), in UTF-8 and in GB18030; only the spaces around a
/// cell are dropped, as for every roster cell.
/// </summary>
public sealed class CsvQuotingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("csv-quoting-").FullName;

    static CsvQuotingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string[] Headers = ["代表编号", "姓名", "简介", "履职承诺"];

    public static TheoryData<string> Encodings => new("utf-8", "GB18030");

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Read_CellsWithCommasQuotesAndLineBreaks_ReadBackAsTyped(string encoding)
    {
        string[][] rows =
        [
            ["D1", "王建国", "家住易俗河镇金霞路1号,3栋", "他说：\"有事找代表\"，我就去办"],
            ["D2", "李卫东", "第一行\n第二行", "\"\""],
            ["D3", "陈美华", "", "\""],
            ["D4", "赵大勇", "  前后有空格  ", ",,"],
            ["D5", "欧阳红梅", "a\"b\"c", "\"开头和结尾\""],
        ];

        AssertReadsBack(rows, encoding);
    }

    [Fact]
    public void Read_RandomCells_ReadBackAsTyped()
    {
        var random = new Random(7);
        const string alphabet = "代表联络站接待群众意见,\"，。、 ab1\n";
        var rows = Enumerable.Range(0, 3000).Select(i => new[]
        {
            $"D{i}",
            "张三",
            new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()),
            new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()),
        }).ToArray();

        AssertReadsBack(rows, "utf-8");
    }

    private void AssertReadsBack(string[][] rows, string encoding)
    {
        var path = Path.Combine(_folder, $"roster-{encoding}.csv");
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(Headers))
        {
            text.Append(string.Join(',', row.Select(Quote))).Append("\r\n");
        }

        File.WriteAllBytes(path, Encoding.GetEncoding(encoding).GetBytes(text.ToString()));
        var diagnostics = new DiagnosticBag();

        // The roster's 层级 is given for the whole file (a sheet without it and without this is one error for the sheet).
        var level = new SourceLocation("input/site.yaml", 1);
        RawEntry[] fileValues = [new RawEntry("levels", level, new RawScalar("县", level), "层级（site.yaml）")];
        var maps = SpreadsheetReader.Read(path, "input/deputies/roster.csv", RecordKind.Deputies, diagnostics, fileValues);

        Assert.Empty(diagnostics.Sorted());
        var expected = rows.Select(r => r.Select(c => c.Trim()).ToArray()).Where(r => r.Any(c => c.Length > 0)).ToList();
        Assert.Equal(expected.Count, maps.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var keys = new[] { "id", "name", "bio", "pledge" };
            for (var column = 0; column < keys.Length; column++)
            {
                var cell = (maps[i].Find(keys[column])?.Value as RawScalar)?.Value ?? "";
                Assert.True(expected[i][column] == cell, $"row {i + 2}, {Headers[column]}: expected «{Escape(expected[i][column])}», read «{Escape(cell)}»");
            }
        }
    }

    private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n");

    /// <summary>As Excel writes a cell: quoted when it holds a comma, a quote or a line break, quotes doubled.</summary>
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
