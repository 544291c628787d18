using System.Globalization;
using System.Text;
using Site.Generator.Diagnostics;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Ballots;

/// <summary>民生实事票决: the arithmetic a congress office checks, and pages whose numbers agree.</summary>
public sealed class BallotTests
{
    /// <summary>A valid county ballot: 4 candidates, 3 places, 100 deputies due, 96 present.</summary>
    private static string Ballot(string places = "3", string present = "96", string c4For = "30", string extraCandidate = "", string c1Progress = "", string total = "1000", string proposals = "20") => TestSite.MinimalConfig + $$"""

        -- input/ballots/county-2026.yaml --
        id: county-2026
        body: 某县人民代表大会
        year: 2026
        stages: { collect: 2025-09-01, vote: 2026-01-10, evaluate: 2026-12-20 }
        proposals: {{proposals}}
        channels:
          - { name: 代表建议, count: 12 }
          - { name: 网络征集, count: 8 }
        due: 100
        present: {{present}}
        places: {{places}}
        totalBudget: {{total}}
        candidates:
          - id: P1
            title: 农村公路提质
            budget: 500
            for: 90
            against: 4
            abstain: 2
            unit: 县交通运输局
            progress:
              - { date: 2026-03-01, percent: 20, text: 完成招标 }
              - { date: 2026-06-01, percent: 60, text: 过半 }{{c1Progress}}
          - id: P2
            title: 学校饮水设备
            budget: 300
            for: 80
            against: 10
            abstain: 6
          - id: P3
            title: 集镇公厕
            budget: 200
            for: 70
            against: 20
            abstain: 6
          - id: P4
            title: 口袋公园
            budget: 150
            for: {{c4For}}
            against: 10
            abstain: 5
        {{extraCandidate}}
        """;

    [Fact]
    public async Task Build_ValidBallot_HasNoErrors()
    {
        using var site = await TestSite.BuildAsync(Ballot());
        site.AssertNoErrors();
    }

    [Fact]
    public async Task Validate_VotesOverPresent_IsReportedAtTheCandidate()
    {
        using var site = await TestSite.BuildAsync(Ballot(present: "95"));

        var diagnostic = site.AssertDiagnostic("input/ballots/county-2026.yaml", null, DiagnosticCodes.BallotArithmetic);
        Assert.Contains("赞成 90 + 反对 4 + 弃权 2 = 96，多于实到代表 95 人", diagnostic.Message);
    }

    [Fact]
    public async Task Validate_PresentOverDue_IsReported()
    {
        using var site = await TestSite.BuildAsync(Ballot(present: "101"));

        var diagnostic = site.AssertDiagnostic("input/ballots/county-2026.yaml", 10, DiagnosticCodes.BallotArithmetic);
        Assert.Contains("实到代表（101）多于应到代表（100）", diagnostic.Message);
    }

    [Fact]
    public async Task Validate_PlacesNotFewerThanCandidates_IsNotADifferentialVote()
    {
        using var site = await TestSite.BuildAsync(Ballot(places: "4"));

        var diagnostic = site.AssertDiagnostic("input/ballots/county-2026.yaml", 11, DiagnosticCodes.BallotElection);
        Assert.Contains("差额票决要求候选项目多于拟定项目", diagnostic.Message);
    }

    [Fact]
    public async Task Validate_TieAtTheLastPlace_AsksWhoWasElected()
    {
        using var site = await TestSite.BuildAsync(Ballot(c4For: "70"));

        var diagnostic = site.AssertDiagnostic("input/ballots/county-2026.yaml", 11, DiagnosticCodes.BallotElection);
        Assert.Contains("第 3 名与第 4 名赞成票相同（70 票）", diagnostic.Message);
    }

    [Fact]
    public async Task Validate_StatedElectedOutsideTopN_NeedsANote()
    {
        var files = Ballot().Replace("    for: 30\n", "    for: 30\n    elected: 是\n").Replace("    for: 70\n", "    for: 70\n    elected: 否\n");
        using var site = await TestSite.BuildAsync(files);

        var messages = site.Report.Diagnostics.Sorted().Where(d => d.Code == DiagnosticCodes.BallotElection).Select(d => d.Message).ToList();
        Assert.Contains(messages, m => m.Contains("赞成票 30 票，排第 4 名，不在前 3 名，却当选") && m.Contains("note（说明）"));
        Assert.Contains(messages, m => m.Contains("赞成票排第 3 名，在前 3 名，却未当选"));
        Assert.Contains(messages, m => m.Contains("未超过应到代表 100 人的半数"));
    }

    [Fact]
    public async Task Validate_ProgressGoingBackOrOverHundred_IsReported()
    {
        using var site = await TestSite.BuildAsync(Ballot(c1Progress: """

                  - { date: 2026-05-01, percent: 50, text: 倒退 }
                  - { date: 2026-07-01, percent: 120, text: 超了 }
            """));

        var messages = site.Report.Diagnostics.Sorted().Select(d => (d.Code, d.Message)).ToList();
        Assert.True(messages.Count >= 3, string.Join("\n", messages));
        Assert.Contains(messages, m => m.Code == DiagnosticCodes.ProgressOrder && m.Message.Contains("进度从 60% 退回到 50%"));
        Assert.Contains(messages, m => m.Code == DiagnosticCodes.ProgressOrder && m.Message.Contains("2026-05-01 早于上一条进展（2026-06-01）"));
        Assert.Contains(messages, m => m.Code == DiagnosticCodes.BadNumber && m.Message.Contains("“120”不是0到100之间的整数"));
    }

    [Fact]
    public async Task Validate_TotalBudgetUnlikeSumOfElected_IsReported()
    {
        using var site = await TestSite.BuildAsync(Ballot(total: "1150"));

        var diagnostic = site.AssertDiagnostic("input/ballots/county-2026.yaml", 12, DiagnosticCodes.BallotMoney);
        Assert.Contains("写的是 1150 万元，当选项目的投资合计为 1000 万元", diagnostic.Message);
    }

    [Fact]
    public async Task Validate_ChannelsNotAddingUpToProposals_IsReported()
    {
        using var site = await TestSite.BuildAsync(Ballot(proposals: "25"));

        var diagnostic = site.AssertDiagnostic("input/ballots/county-2026.yaml", 5, DiagnosticCodes.BallotArithmetic);
        Assert.Contains("征集 25 个，各渠道合计 20 个", diagnostic.Message);
    }

    [Fact]
    public async Task Page_ChartAndTable_ShowTheSameNumbers()
    {
        using var site = await TestSite.BuildAsync(Ballot());
        site.AssertNoErrors();
        var page = site.Html("ballots/county-2026/index.html");

        var bars = page.QuerySelectorAll("figure.vote-chart .bar").Select(g => (g.GetAttribute("data-title"), g.GetAttribute("data-for"), g.GetAttribute("data-against"), g.GetAttribute("data-abstain"))).ToList();
        var rows = page.QuerySelectorAll("table.vote-table tbody tr").Select(r => r.QuerySelector("th")!.QuerySelector("a")?.TextContent ?? r.QuerySelector("th")!.TextContent)
            .Zip(page.QuerySelectorAll("table.vote-table tbody tr"), (title, r) => ((string?)title, (string?)r.Children[2].TextContent, (string?)r.Children[3].TextContent, (string?)r.Children[4].TextContent)).ToList();
        Assert.Equal(4, bars.Count);
        Assert.Equal(bars, rows);

        // Bar widths are the votes over the deputies present, on a 300-unit scale.
        var forBar = page.QuerySelector("figure.vote-chart .bar svg rect.for")!;
        Assert.Equal(Math.Round(90.0 / 96 * 300, 1).ToString(CultureInfo.InvariantCulture), forBar.GetAttribute("width"));
        Assert.Equal(3, page.QuerySelectorAll("table.vote-table tr.elected").Length);
        // The chart is one image with a name; its labels and counts are text (they grow with 关怀模式), not SVG text.
        var chart = page.QuerySelector("figure.vote-chart [role=img]")!;
        Assert.False(string.IsNullOrWhiteSpace(chart.GetAttribute("aria-label")));
        Assert.Empty(chart.QuerySelectorAll("svg text"));
        Assert.Equal("1. " + bars[0].Item1, chart.QuerySelector(".bar-label")!.TextContent);
        Assert.Equal(bars[0].Item2, chart.QuerySelector(".bar-value")!.TextContent);
    }

    [Fact]
    public async Task Index_TotalsAddUpOverBallotsAndYears()
    {
        var files = Ballot() + """

            -- input/ballots/town-2025.yaml --
            id: town-2025
            body: 某镇人民代表大会
            year: 2025
            due: 50
            present: 48
            places: 1
            candidates:
              - { id: P1, title: 村道硬化, budget: 80.5, for: 40, against: 5, abstain: 3, progress: [{ date: 2025-11-01, percent: 100, text: 完工 }], final: { satisfied: 40, basic: 6, dissatisfied: 2 } }
              - { id: P2, title: 文化广场, budget: 60, for: 20, against: 20, abstain: 8 }
            """;
        using var site = await TestSite.BuildAsync(files);
        site.AssertNoErrors();

        var figures = site.Html("ballots/index.html").QuerySelectorAll("ul.figures li strong").Select(s => s.TextContent).ToList();

        // 万元 as official documents write it: no thousands comma ("1,080.5" before; a tester read "14,130 万元" on the sample).
        Assert.Equal(["2", "4", "1080.5", "1", "95.8%"], figures);
        // Each total is kept whole with its label (span.nw): "0" / "个已完成" broke apart on a 375 px phone.
        site.AssertFile(
            "ballots/index.html",
            "<span class=\"nw\">1 场票决</span>，<span class=\"nw\">3 个民生实事项目</span>，<span class=\"nw\">1000 万元投资</span>，<span class=\"nw\">0 个已完成</span>",
            "<span class=\"nw\">1 场票决</span>，<span class=\"nw\">1 个民生实事项目</span>，<span class=\"nw\">80.5 万元投资</span>，<span class=\"nw\">1 个已完成</span>");
    }

    [Fact]
    public async Task Downloads_CsvAndJson_CarryEveryCandidate()
    {
        using var site = await TestSite.BuildAsync(Ballot());

        var csv = File.ReadAllBytes(Path.Combine(site.Output, "ballots", "ballots.csv"));
        var lines = Encoding.UTF8.GetString(csv.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("county-2026,2026,某县人民代表大会,票决,100,96,3,P1,农村公路提质,500,90,4,2,1,是,县交通运输局,60,", lines[1]);
        site.AssertFile("ballots/ballots.json", "\"id\": \"county-2026\"", "\"for\": 90", "\"elected\": false");
    }

    [Fact]
    public async Task TallySheet_InGb18030_GivesTheVotesOfItsBallot()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var files = TestSite.MinimalConfig + """

            -- input/ballots/town-2026.yaml --
            id: town-2026
            body: 某镇人民代表大会
            year: 2026
            due: 50
            present: 47
            places: 1
            candidates:
              - { id: P2, unit: 镇人民政府, progress: [{ date: 2026-05-01, percent: 30, text: 开工 }] }
            """;
        using var site = TestSite.Write(files);
        File.WriteAllBytes(Path.Combine(site.Root, "input", "ballots", "votes.csv"), Encoding.GetEncoding("GB18030").GetBytes(
            "票决编号,项目编号,项目名称,估算投资（万元）,赞成票,反对票,弃权票\r\ntown-2026,P1,文化广场,60,20,20,7\r\ntown-2026,P2,村道硬化,80,40,5,2\r\nother-2026,P9,不存在,1,1,0,0\r\n"));
        await site.RebuildAsync();

        site.AssertDiagnostic("input/ballots/votes.csv", 4, DiagnosticCodes.UnknownBallot);
        File.WriteAllBytes(Path.Combine(site.Root, "input", "ballots", "votes.csv"), Encoding.GetEncoding("GB18030").GetBytes(
            "票决编号,项目编号,项目名称,估算投资（万元）,赞成票,反对票,弃权票\r\ntown-2026,P1,文化广场,60,20,20,7\r\ntown-2026,P2,村道硬化,80,40,5,2\r\n"));
        await site.RebuildAsync();
        site.AssertFile("ballots/town-2026/P2/index.html", "村道硬化", "镇人民政府", "30%");
    }
}
