using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using MiniExcelLibs;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>开放数据 of the sample site: each file read back as a spreadsheet program and a script would.</summary>
[Collection(nameof(SampleSite))]
public sealed class OpenDataTests(SampleSite sample)
{
    private string File(string name) => Path.Combine(sample.Output, "data", name);

    [Theory]
    [InlineData("deputies", "代表编号", 60)]
    [InlineData("stations", "编号", 12)]
    [InlineData("reports", "代表编号", 13)]
    public void Csv_HasBomChineseHeadersAndOneRowPerRecord(string name, string firstHeader, int rows)
    {
        var bytes = System.IO.File.ReadAllBytes(File(name + ".csv"));
        using var stream = new MemoryStream(bytes);
        var table = stream.Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(firstHeader, table[0].Keys.First());
        Assert.Equal(rows, table.Count);
    }

    [Theory]
    [InlineData("deputies")]
    [InlineData("stations")]
    [InlineData("suggestions")]
    [InlineData("duties")]
    [InlineData("reports")]
    public void CsvAndJson_HoldTheSameRecords(string name)
    {
        using var stream = System.IO.File.OpenRead(File(name + ".csv"));
        var csv = stream.Query(useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList();
        using var json = JsonDocument.Parse(System.IO.File.ReadAllBytes(File(name + ".json")));
        var fields = json.RootElement.GetProperty("fields").EnumerateArray().Select(f => (Key: f.GetProperty("key").GetString()!, Label: f.GetProperty("label").GetString()!)).ToList();
        var records = json.RootElement.GetProperty("records").EnumerateArray().ToList();

        Assert.NotEmpty(records);
        Assert.Equal(csv.Count, records.Count);
        Assert.Equal(fields.Select(f => f.Label), csv[0].Keys);
        for (var i = 0; i < records.Count; i++)
        {
            foreach (var (key, label) in fields)
            {
                var fromJson = records[i].TryGetProperty(key, out var value) ? value.GetString() : "";
                // MiniExcel joins the lines of a quoted multi-line cell (a reply's paragraphs) with CR LF;
                // the file itself holds the LF the record has.
                Assert.Equal(fromJson, (csv[i][label]?.ToString() ?? "").Replace("\r\n", "\n"));
            }
        }
    }

    [Fact]
    public void Deputies_CarryNoPhotoBioOrContact()
    {
        var header = System.IO.File.ReadLines(File("deputies.csv")).First();

        Assert.DoesNotContain("照片", header);
        Assert.DoesNotContain("简介", header);
        Assert.DoesNotContain("电话", header);
    }

    [Fact]
    public void Duties_AreEveryRecordOfTheTimelines()
    {
        var parser = new HtmlParser();
        var onPages = Directory.EnumerateDirectories(Path.Combine(sample.Output, "deputies"), "D*")
            .Sum(folder => parser.ParseDocument(System.IO.File.ReadAllText(Path.Combine(folder, "index.html"))).QuerySelectorAll("section[aria-labelledby=duties] ol.timeline > li").Length);

        Assert.True(onPages > 0);
        Assert.Equal(onPages, System.IO.File.ReadLines(File("duties.csv")).Count() - 1);
    }

    [Fact]
    public void Page_ListsEveryFileAndTheBallots()
    {
        var page = new HtmlParser().ParseDocument(System.IO.File.ReadAllText(Path.Combine(sample.Output, "data/index.html")));
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();

        foreach (var name in new[] { "deputies", "stations", "suggestions", "duties", "reports" })
        {
            Assert.Contains($"/data/{name}.csv", links);
            Assert.Contains($"/data/{name}.json", links);
        }

        Assert.Contains("/ballots/ballots.csv", links);
        Assert.Contains("CC BY 4.0", page.QuerySelector("main")!.TextContent);
    }
}
