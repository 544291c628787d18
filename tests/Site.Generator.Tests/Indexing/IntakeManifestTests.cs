using Site.Contracts;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;
using static Site.Generator.Tests.Support.XlsxBuilder;

namespace Site.Generator.Tests.Indexing;

/// <summary>What the build tells the endpoint about deputies (deputies.json): whose term ended, and where to send people instead.</summary>
public sealed class IntakeManifestTests
{
    [Fact]
    public async Task Build_RosterWithTermEndedColumn_WritesTheDateIntoDeputiesJson_AndABadDateIsAWarning()
    {
        using var site = TestSite.Write(TestSite.MinimalConfig + """

            -- input/stations/stations.yaml --
            - id: S01
              name: 易俗河镇代表联络站
              kind: 代表联络站
            """);
        Directory.CreateDirectory(Path.Combine(site.Root, "input/deputies"));
        var book = new XlsxBuilder();
        book.AddSheet("代表名册")
            .Row("代表编号", "姓名", "层级", "届次", "联络站", "离任日期")
            .Row("D1", "陈美华", "县", "县第十八届", "S01", "2026年3月15日")
            .Row("D2", "刘桂英", "县", "县第十八届", "S01", Blank)
            .Row("D3", "周建军", "县", "县第十八届", "S01", "三月");
        book.Save(Path.Combine(site.Root, "input/deputies", "roster.xlsx"));

        await site.RebuildAsync();

        var manifest = DeputyManifest.Load(Path.Combine(site.IntakeFolder, BuildContract.DeputiesFile));
        Assert.Equal(new DateOnly(2026, 3, 15), manifest.Find("D1")!.TermEnded);
        Assert.Equal("S01", manifest.Find("D1")!.Station);
        Assert.Null(manifest.Find("D2")!.TermEnded);
        Assert.Null(manifest.Find("D3")!.TermEnded);
        var warning = Assert.Single(site.Report.Diagnostics.Sorted(), d => d.Code == DiagnosticCodes.BadDate);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("离任日期", warning.Message);
        site.AssertFile("deputies/D3/index.html", "周建军");
    }
}
