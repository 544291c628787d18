using AngleSharp.Html.Dom;
using SkiaSharp;
using Site.Generator.Diagnostics;
using Site.Generator.Rendering;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// Deputies' photos (resized, turned upright, kept when unchanged, bad files reported where they are
/// named), duty figures adding up to the records, the sortable county table, 述职评议 records with
/// their coverage page, and the stations' QR posters. Photos are drawn here with SkiaSharp.
/// </summary>
public sealed class DeputyPlacesTests
{
    private const string Site = TestSite.MinimalConfig + """

        -- input/stations/stations.yaml --
        - id: S1
          name: 易俗河镇代表联络站
          kind: 代表联络站
          address: 易俗河镇金霞路18号
          receptionRule: 每月第一个周三 9:00-11:30
        - id: S2
          name: 花石镇代表之家
          kind: 代表之家
        -- input/deputies/deputies.yaml --
        - id: D1
          name: 王建国
          levels: [县]
          term: 县第十八届
          station: S1
          photo: wang.jpg
        - id: D2
          name: 李卫东
          levels: [县]
          term: 县第十八届
          station: S1
        - id: D3
          name: 陈美华
          levels: [县]
          term: 县第十八届
          station: S2
        -- input/duties/duties.csv --
        代表编号,日期,类型,事项
        D1,2026-03-01,调研,调研农村养老服务
        D1,2026-04-02,接待选民,在联络站接待选民
        D1,2026-05-03,列席,列席常委会会议
        D1,2025-06-04,走访,走访困难群众
        D2,2026-03-05,接待选民,在联络站接待选民
        D2,2026-03-20,接待选民,在联络站接待选民
        D2,2026-06-01,接待选民,在联络站接待选民
        -- input/suggestions/suggestions.yaml --
        - number: "2026-001"
          title: 关于在农村推广老年助餐点的建议
          session: 县十八届人大七次会议
          type: 建议
          deputies: [D1, D3]
          status: 交办
          assigned: 2026-03-10
        -- input/reports/reports.yaml --
        - deputy: D1
          date: 2026-01-12
          place: 易俗河镇代表联络站
          voters: 52
          satisfied: 47
          fairly: 4
          dissatisfied: 1
          summary: 报告了农村养老服务调研的情况。
        """;

    private static readonly string[] Sizes = ["s", "m", "l"];

    [Fact]
    public async Task Photo_TurnedUprightByExif_CroppedAndResizedToThreeWebpSizes()
    {
        using var site = TestSite.Write(Site);
        WriteJpeg(site, "content/deputies/wang.jpg", 400, 300, exifOrientation: 6);

        await site.RebuildAsync();

        site.AssertNoErrors();
        var files = Directory.GetFiles(Path.Combine(site.Output, "deputies/photos")).Select(f => Path.GetFileName(f)).Order().ToList();
        Assert.Equal(3, files.Count);
        foreach (var (suffix, size) in Sizes.Zip(new[] { DeputyPhotos.Thumb, DeputyPhotos.Card, DeputyPhotos.Profile }))
        {
            var file = files.Single(f => f.EndsWith($"-{suffix}.webp", StringComparison.Ordinal));
            using var bitmap = SKBitmap.Decode(Path.Combine(site.Output, "deputies/photos", file));
            Assert.Equal((size.Width, size.Height), (bitmap.Width, bitmap.Height));

            // Stored sideways (left half red, right half blue) with Orientation 6: upright, red is on top.
            Assert.True(IsRed(bitmap.GetPixel(size.Width / 2, size.Height / 8)), "top should be red");
            Assert.True(IsBlue(bitmap.GetPixel(size.Width / 2, size.Height * 7 / 8)), "bottom should be blue");
        }

        // The original (a camera file, with its EXIF) is published only resized.
        Assert.False(File.Exists(Path.Combine(site.Output, "deputies/wang.jpg")));

        var profile = site.Html("deputies/D1/index.html").QuerySelector("#card img.photo")!;
        Assert.Equal("王建国的照片", profile.GetAttribute("alt"));
        Assert.EndsWith("-l.webp", profile.GetAttribute("src"));
        Assert.EndsWith("-s.webp", site.Html("deputies/index.html").QuerySelector("#deputy-table img.photo")!.GetAttribute("src"));
        Assert.EndsWith("-m.webp", site.Html("stations/S1/poster/index.html").QuerySelector(".poster-deputies img.photo")!.GetAttribute("src"));
    }

    [Fact]
    public async Task Photo_ByFolderConvention_AndPlaceholderForTheRest()
    {
        using var site = TestSite.Write(Site.Replace("  photo: wang.jpg\n", ""));
        WritePng(site, "content/deputies/D2.png", 600, 800);

        await site.RebuildAsync();

        site.AssertNoErrors();
        Assert.EndsWith("-l.webp", site.Html("deputies/D2/index.html").QuerySelector("#card img.photo")!.GetAttribute("src"));
        var none = site.Html("deputies/D3/index.html");
        Assert.Null(none.QuerySelector("#card img:not(.qr)"));
        Assert.Equal("陈美华（暂无照片）", none.QuerySelector("#card .photo.placeholder")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Photo_UnchangedOnRebuild_IsNotEncodedAgain_ChangedIs()
    {
        using var site = TestSite.Write(Site);
        WriteJpeg(site, "content/deputies/wang.jpg", 600, 800);
        await site.RebuildAsync();
        site.AssertNoErrors();
        Assert.Equal(1, site.Report.PhotosEncoded);

        // A fresh `build` (no cache in memory): the files of the previous output are kept.
        await site.RebuildAsync();
        Assert.Equal(0, site.Report.PhotosEncoded);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(site.Output, "deputies/photos")).Length);

        WriteJpeg(site, "content/deputies/wang.jpg", 600, 800, red: false);
        await site.RebuildAsync();
        Assert.Equal(1, site.Report.PhotosEncoded);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(site.Output, "deputies/photos")).Length);
    }

    [Fact]
    public async Task Photo_BrokenHugeOrMissing_PositionedErrors_AllInOneRun()
    {
        using var site = TestSite.Write(Site.Replace("""
              station: S1
            - id: D3
            """, """
              station: S1
              photo: d2.jpg
            - id: D3
            """).Replace("""
              station: S2
            -- input/duties
            """, """
              station: S2
              photo: none.jpg
            - id: D4
              name: 赵大勇
              levels: [县]
              photo: big.jpg
            -- input/duties
            """));
        Directory.CreateDirectory(Path.Combine(site.Root, "content/deputies"));
        File.WriteAllText(Path.Combine(site.Root, "content/deputies/wang.jpg"), "这不是照片，是改了扩展名的文字");
        WriteJpeg(site, "content/deputies/d2.jpg", 60, 80);
        using (var big = File.Create(Path.Combine(site.Root, "content/deputies/big.jpg")))
        {
            big.SetLength(DeputyPhotos.MaxBytes + 1);
        }

        await site.RebuildAsync();

        var yaml = "input/deputies/deputies.yaml";
        Assert.Contains("无法识别为图片", site.AssertDiagnostic(yaml, 6, DiagnosticCodes.UnreadablePhoto).Message);
        site.AssertDiagnostic(yaml, 12, DiagnosticCodes.PhotoTooSmall, Severity.Warning);
        site.AssertDiagnostic(yaml, 18, DiagnosticCodes.MissingImage);
        site.AssertDiagnostic(yaml, 22, DiagnosticCodes.PhotoTooLarge);
    }

    [Fact]
    public async Task Figures_AddUpToTheRecords_OnTheProfileAndTheCountyTable()
    {
        using var site = await BuildAsync();
        site.AssertNoErrors();

        var profile = site.Html("deputies/D1/index.html");
        var rows = profile.QuerySelectorAll(".figures-table tbody tr").Select(Cells).ToList();
        // 活动次数, 参加会议, 视察调研, 接待选民, 走访联系, 建议件数, 述职评议
        Assert.Equal(["2026年", "4", "1", "1", "1", "0", "1", "1"], rows[0]);
        Assert.Equal(["2025年", "1", "0", "0", "0", "1", "0", "0"], rows[1]);
        Assert.Equal(["合计", "5", "1", "1", "1", "1", "1", "1"], rows[2]);

        // The total of 活动次数 is every dated record on the page: the timeline and the 述职评议.
        var timeline = profile.QuerySelectorAll("#duties ~ ol.timeline li").Length + profile.QuerySelectorAll("#reports ~ ol.timeline li").Length;
        Assert.Equal(5, timeline);

        var table = site.Html("deputies/figures/index.html");
        Assert.Equal(["王建国", "李卫东", "陈美华"], Names(table));
        var total = Cells(table.QuerySelector("#figure-table tfoot tr")!);
        Assert.Equal(["合计", "", "7", "1", "1", "4", "0", "2", "1"], total);
    }

    [Fact]
    public async Task Figures_EachColumnHasAPageSortedByIt_LinkedFromItsHeading()
    {
        using var site = await BuildAsync();
        site.AssertNoErrors();

        var byReceptions = site.Html("deputies/figures/2026/receptions/index.html");
        Assert.Equal(["李卫东", "王建国", "陈美华"], Names(byReceptions));
        Assert.Equal("descending", byReceptions.QuerySelector("#figure-table a[data-sort=receptions]")!.ParentElement!.GetAttribute("aria-sort"));
        Assert.Single(byReceptions.QuerySelectorAll("#figure-table th[aria-sort]"));

        var bySuggestions = site.Html("deputies/figures/2026/suggestions/index.html");
        Assert.Equal(["王建国", "陈美华", "李卫东"], Names(bySuggestions)); // ties keep roster order

        var headings = site.Html("deputies/figures/index.html").QuerySelectorAll("#figure-table thead a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/deputies/figures/2026/receptions/#figure-table", headings);
        Assert.Contains("/deputies/figures/2026/#figure-table", headings);
        Assert.True(File.Exists(Path.Combine(site.Output, "deputies/figures/2025/visits/index.html")));
    }

    [Fact]
    public async Task ReportBack_OnTheDeputyPage_AndCoverageByStation()
    {
        using var site = await BuildAsync();
        site.AssertNoErrors();

        var report = site.Html("deputies/D1/index.html").QuerySelector("#report-2026-01-12")!;
        Assert.Contains("参加选民 52 人", report.TextContent);
        Assert.Contains("满意\u00a047\u00a0票", report.TextContent);
        Assert.Contains("满意率\u00a090.4%", report.TextContent);

        var coverage = site.Html("deputies/reports/index.html");
        Assert.Contains("本届 3 名代表中，已述职 1 名，尚未述职 2 名", coverage.QuerySelector(".intro")!.TextContent);
        // In the stations' order (as the station list has them: a 代表之家 before a 联络站).
        Assert.Equal(["花石镇代表之家", "易俗河镇代表联络站"], coverage.QuerySelectorAll("section h2").Select(h => h.TextContent).ToList());
        Assert.Equal(["done", "pending"], coverage.QuerySelectorAll("#s-S1 ~ div tbody tr").Select(r => r.ClassName!).ToList());
        Assert.Equal(["陈美华", "李卫东"], coverage.QuerySelectorAll("details a").Select(a => a.TextContent).ToList());
        // Each station's chip says what its figures count: the deputies who reported, of those who should.
        Assert.Equal(["花石镇代表之家 已述职 0 / 应述职 1", "易俗河镇代表联络站 已述职 1 / 应述职 2"],
            coverage.QuerySelectorAll("nav .chips a").Select(a => a.TextContent).ToList());
    }

    [Fact]
    public async Task ReportBack_BadRecords_PositionedChineseErrors_AllInOneRun()
    {
        using var site = await BuildAsync("""

            -- input/reports/bad.csv --
            代表编号,述职日期,述职地点,参加选民人数,满意,基本满意,不满意,满意率,评议结果
            D1,2026-02-01,易俗河镇,30,28,3,1,,
            D2,2026-02-02,易俗河镇,40,30,5,5,96%,
            D3,2026-02-03,花石镇,40,,,,120%,
            D9,2026-02-04,花石镇,40,,,,,满意
            D2,2026-02-05,,40,,,,,满意
            D3,2026-02-06,花石镇,40,,,,,
            D3,2026-02-07,花石镇,40,,,,,良好
            """);

        var csv = "input/reports/bad.csv";
        Assert.Contains("多于参加选民人数", site.AssertDiagnostic(csv, 2, DiagnosticCodes.ReportBackArithmetic).Message);
        Assert.Contains("按票数算是 75%", site.AssertDiagnostic(csv, 3, DiagnosticCodes.ReportBackArithmetic).Message);
        site.AssertDiagnostic(csv, 4, DiagnosticCodes.BadNumber);
        site.AssertDiagnostic(csv, 5, DiagnosticCodes.UnknownDeputy);
        site.AssertDiagnostic(csv, 6, DiagnosticCodes.MissingField);
        site.AssertDiagnostic(csv, 7, DiagnosticCodes.ReportBackUnappraised, Severity.Warning);
        site.AssertDiagnostic(csv, 8, DiagnosticCodes.BadValue);
    }

    [Fact]
    public async Task StationPoster_CodeOfTheMessageForm_NameAddressReceptionDeputies()
    {
        using var site = await BuildAsync();
        site.AssertNoErrors();

        var poster = site.Html("stations/S1/poster/index.html");
        const string target = "https://test.example/stations/S1/#message";
        Assert.Equal(target, poster.QuerySelector(".poster-url")!.TextContent);
        var expected = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<div>" + QrCodes.Svg(QrCodes.Encode(target)) + "</div>").QuerySelector("div")!.InnerHtml;
        Assert.Equal(expected, poster.QuerySelector(".poster-qr .qr")!.InnerHtml);
        Assert.Equal("易俗河镇代表联络站", poster.QuerySelector(".poster h1")!.TextContent);
        // Whose poster it is, readable on paper: the site's name at the head, its address at the foot.
        Assert.Equal("测试县人大", poster.QuerySelector(".poster .poster-brand")!.TextContent);
        Assert.Equal("测试县人大 网址：test.example", poster.QuerySelector(".poster .poster-site")!.TextContent);
        var facts = poster.QuerySelector(".poster-facts")!.TextContent;
        Assert.Contains("每月第一个周三 9:00—11:30", facts);
        Assert.Contains("易俗河镇金霞路18号", facts);
        Assert.Equal(["王建国", "李卫东"], poster.QuerySelectorAll(".poster-deputies strong").Select(s => s.TextContent).ToList());
        Assert.NotNull(site.Html("stations/S1/index.html").QuerySelector("a[href='/stations/S1/poster/']"));
    }

    /// <summary>The site above with 王建国's photo, and <paramref name="more"/> files.</summary>
    private static async Task<TestSite> BuildAsync(string more = "")
    {
        var site = TestSite.Write(Site + more);
        WriteJpeg(site, "content/deputies/wang.jpg", 600, 800);
        await site.RebuildAsync();
        return site;
    }

    private static List<string> Cells(AngleSharp.Dom.IElement row) => row.Children.Select(c => c.TextContent.Trim()).ToList();

    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("#figure-table tbody td.lead").Select(c => c.TextContent.Trim()).ToList();

    private static bool IsRed(SKColor c) => c.Red > 200 && c.Blue < 60;

    private static bool IsBlue(SKColor c) => c.Blue > 200 && c.Red < 60;

    /// <summary>A JPEG whose stored pixels are left half red, right half blue (or all blue), with an EXIF Orientation if asked.</summary>
    private static void WriteJpeg(TestSite site, string path, int width, int height, int exifOrientation = 0, bool red = true)
    {
        var jpeg = Draw(width, height, red, SKEncodedImageFormat.Jpeg);
        if (exifOrientation > 0)
        {
            // APP1 "Exif\0\0" + a big-endian TIFF header with one IFD entry: Orientation (0x0112), SHORT, 1 value.
            byte[] exif =
            [
                0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
                (byte)'M', (byte)'M', 0x00, 0x2A, 0, 0, 0, 8,
                0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, (byte)exifOrientation, 0, 0,
                0, 0, 0, 0,
            ];
            jpeg = [.. jpeg[..2], .. exif, .. jpeg[2..]];
        }

        Save(site, path, jpeg);
    }

    private static void WritePng(TestSite site, string path, int width, int height) => Save(site, path, Draw(width, height, true, SKEncodedImageFormat.Png));

    private static byte[] Draw(int width, int height, bool red, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.Blue);
        if (red)
        {
            using var paint = new SKPaint { Color = SKColors.Red };
            surface.Canvas.DrawRect(0, 0, width / 2f, height, paint);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(format, 95);
        return data.ToArray();
    }

    private static void Save(TestSite site, string path, byte[] bytes)
    {
        var full = Path.Combine(site.Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }
}
