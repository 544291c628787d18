using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Generator.Model;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>民生实事票决: the index by year, each ballot (stages, vote chart and table, projects), each project, and data downloads.</summary>
public static class BallotPages
{
    public const string CsvUrl = SiteRoutes.BallotsCsv;
    public const string JsonUrl = SiteRoutes.BallotsJson;

    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        if (site.Ballots.Count == 0)
        {
            yield break;
        }

        yield return PageJob.For<BallotIndexTemplate, BallotIndexPage>(SiteRoutes.Ballots, () => Index(site));
        yield return PageJob.File(CsvUrl, () => Csv(site.Ballots));
        yield return PageJob.File(JsonUrl, () => Json(site.Ballots));
        foreach (var ballot in site.Ballots)
        {
            yield return PageJob.For<BallotTemplate, BallotPage>(ballot.Url, () => Page(site, ballot));
            yield return PageJob.File(ballot.Url + "votes.csv", () => Csv([ballot]));
            foreach (var candidate in ballot.Elected)
            {
                yield return PageJob.For<ProjectTemplate, ProjectPage>(candidate.Project!.Url, () => Project(ballot, candidate.Project));
            }
        }
    }

    /// <summary>
    /// An amount in 万元 as Chinese official documents write it: digits without a thousands separator and up to two
    /// decimals (14130, 86.5; never "14,130"), so every page, the search index and the CSV agree. Null gives "".
    /// </summary>
    public static string Money(decimal? value) => value is { } v ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// Whole percentages of <paramref name="counts"/> that add up to exactly 100 (when any count is above zero), by the
    /// largest remainder method (Hamilton's): each share is rounded down, then the points still missing go one each to
    /// the shares with the largest fractional parts (ties to the earlier one). Rounding each share on its own made a
    /// ballot's collection channels add up to 99%. Shapes: one percentage per count, in order; all zeros for no counts.
    /// </summary>
    public static int[] Percentages(IReadOnlyList<int> counts)
    {
        var total = counts.Sum(c => (long)Math.Max(0, c));
        var shares = new int[counts.Count];
        if (total == 0)
        {
            return shares;
        }

        var remainders = new long[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            var scaled = 100L * Math.Max(0, counts[i]);
            shares[i] = (int)(scaled / total);
            remainders[i] = scaled % total;
        }

        var missing = 100 - shares.Sum();
        foreach (var i in Enumerable.Range(0, counts.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(missing))
        {
            shares[i]++;
        }

        return shares;
    }

    /// <summary>Totals over a set of ballots; the index shows them for all years and for each year.</summary>
    public static IReadOnlyList<Figure> Totals(IEnumerable<Ballot> ballots)
    {
        var list = ballots.ToList();
        var projects = list.SelectMany(b => b.Elected).ToList();
        var rated = projects.Select(p => p.Project!.Final).OfType<SatisfactionVote>().ToList();
        var figures = new List<Figure>
        {
            new("场票决", list.Count.ToString(CultureInfo.InvariantCulture), null),
            new("个民生实事项目", projects.Count.ToString(CultureInfo.InvariantCulture), null),
            new("万元投资", Money(projects.Sum(p => p.Budget ?? 0)), null),
            new("个已完成", projects.Count(p => p.Project!.Completed).ToString(CultureInfo.InvariantCulture), null),
        };
        if (rated.Count > 0)
        {
            figures.Add(new("年终测评满意率", Rate(rated.Sum(r => r.Satisfied + r.Basic), rated.Sum(r => r.Total)), null));
        }

        return figures;
    }

    private static string Rate(int part, int whole) =>
        whole == 0 ? "" : (100m * part / whole).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static BallotIndexPage Index(SiteModel site) => new(
        PageContext.Meta("民生实事项目票决", "历年民生实事项目人大代表票决结果、实施进度和满意度测评", SiteRoutes.Ballots, "ballots", new Crumb("民生实事票决", null)),
        Totals(site.Ballots),
        site.Ballots.GroupBy(b => b.Year).OrderByDescending(g => g.Key).Select(g => new BallotYear(
            g.Key,
            $"year-{g.Key}",
            Totals(g),
            g.Select(b =>
            {
                var projects = b.Elected.Select(c => c.Project!).ToList();
                var rated = projects.Select(p => p.Final).OfType<SatisfactionVote>().ToList();
                // Before the year-end rating, the mid-year votes the records hold, labelled as such.
                var midYear = projects.Select(p => p.MidYear).OfType<SatisfactionVote>().ToList();
                return new BallotRow(b.Title, b.Url, b.Body, b.MethodLabel, b.Candidates.Count, projects.Count,
                    Money(b.Elected.Sum(c => c.Budget ?? 0)), projects.Count(p => p.Completed),
                    rated.Count > 0 ? Rate(rated.Sum(r => r.Satisfied + r.Basic), rated.Sum(r => r.Total))
                    : midYear.Count > 0 ? "年中 " + Rate(midYear.Sum(r => r.Satisfied + r.Basic), midYear.Sum(r => r.Total)) : null);
            }).ToList())).ToList(),
        Downloads());

    private static List<LinkCard> Downloads() =>
        [new("全部票决数据（CSV，可用 Excel 打开）", CsvUrl), new("全部票决数据（JSON）", JsonUrl)];

    private static BallotPage Page(SiteModel site, Ballot ballot)
    {
        var title = ballot.Title;
        var today = DateOnly.FromDateTime(site.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var reached = ballot.Stages.LastOrDefault(s => s.Date is { } d && d <= today);
        var words = BallotVocabulary.Words(ballot.Method);
        var timeline = ballot.Stages.Select(s => new TimelineStep(
            s.Key == "vote" ? words.Act : s.Label,
            s.Date is { } d ? PageContext.ChineseDate(d) : null,
            s.Date is { } iso ? PageContext.IsoDate(iso) : null,
            s == reached ? "current" : s.Date is { } done && done <= today ? "done" : "upcoming")).ToList();

        var facts = new List<Fact> { new(words.Body, ballot.Body) };
        if (ballot.Region is { } region && site.RegionName(region) is { Length: > 0 } regionName)
        {
            facts.Add(new("地区", regionName));
        }

        if (ballot.Session is not null)
        {
            facts.Add(new("会议", ballot.Session));
        }

        if (ballot.Proposals is { } proposals)
        {
            facts.Add(new("征集项目", $"{proposals} 个"));
        }

        facts.Add(new("候选项目", $"{ballot.Candidates.Count} 个，拟定 {ballot.Places} 个（差额 {ballot.Candidates.Count - ballot.Places} 个）"));
        facts.Add(new($"应到 / 实到{words.Members}", $"{ballot.Due} 人 / {ballot.Present} 人"));
        facts.Add(new("当选项目投资", $"{Money(ballot.Elected.Sum(c => c.Budget ?? 0))} 万元"));

        var channelShares = Percentages(ballot.Channels.Select(c => c.Count).ToList());
        return new BallotPage(
            PageContext.Meta(title, ballot.Summary ?? $"{title}：候选项目得票、当选项目和实施进度", ballot.Url, "ballots",
                new Crumb("民生实事票决", SiteRoutes.Ballots), new Crumb($"{ballot.Year}年{ballot.Body}", null)),
            title,
            ballot.Summary,
            timeline,
            facts,
            ballot.Channels.Select((c, i) => new ChannelRow(c.Name, c.Count, channelShares[i])).ToList(),
            Chart(ballot),
            ballot.Elected.Select(c => c.Project!).Select(p => new ProjectCard(p.Title, p.Url, p.Unit, p.Budget is null ? null : Money(p.Budget), p.Schedule, p.Percent,
                p.Progress.LastOrDefault() is { } last ? $"{PageContext.ChineseDate(last.Date)}：{last.Text}" : null,
                LatestSatisfaction(p) is var (label, vote) ? $"{label}满意率 {vote.Rate.ToString("0.#", CultureInfo.InvariantCulture)}%" : null)).ToList(),
            [new($"本次{words.Act}得票数据（CSV）", ballot.Url + "votes.csv"), .. Downloads()],
            words.Act);
    }

    /// <summary>A project's latest rating: the year-end one, else the mid-year vote; null before either.</summary>
    public static (string Label, SatisfactionVote Vote)? LatestSatisfaction(LivelihoodProject project) =>
        project.Final is { } final ? ("年终测评", final) : project.MidYear is { } mid ? ("年中票评", mid) : null;

    public static VoteChart Chart(Ballot ballot) => new(
        $"{ballot.Candidates.Count} 个候选项目的得票（实到{BallotVocabulary.Words(ballot.Method).Members} {ballot.Present} 人）",
        ballot.Due,
        ballot.Present,
        ballot.Places,
        ballot.Candidates.Select(c => new VoteRow(c.Rank, c.Title, c.Project?.Url, c.For, c.Against, c.Abstain,
            c.Budget is null ? null : Money(c.Budget), c.Source, c.Elected, c.Note)).ToList());

    private static ProjectPage Project(Ballot ballot, LivelihoodProject project)
    {
        var ballotTitle = ballot.Title;
        var facts = new List<Fact>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                facts.Add(new Fact(label, value));
            }
        }

        Add("责任单位", project.Unit);
        Add("投资", project.Budget is null ? null : $"{Money(project.Budget)} 万元");
        Add("完成时限", project.Schedule);
        var candidate = ballot.Candidates.First(c => c.Id == project.Id);
        Add("项目内容", candidate.Description);
        Add("得票", $"赞成 {candidate.For}、反对 {candidate.Against}、弃权 {candidate.Abstain}（第 {candidate.Rank} 名）");
        var satisfaction = new List<SatisfactionRow>();
        if (project.MidYear is { } mid)
        {
            satisfaction.Add(Row("年中票评", mid));
        }

        if (project.Final is { } final)
        {
            satisfaction.Add(Row("年终测评", final));
        }

        return new ProjectPage(
            PageContext.Meta(project.Title, $"{ballotTitle}当选项目：{project.Title}的实施进展和代表评议", project.Url, "ballots",
                new Crumb("民生实事票决", SiteRoutes.Ballots), new Crumb($"{ballot.Year}年{ballot.Body}", ballot.Url), new Crumb(project.Title, null)),
            project.Title,
            ballotTitle,
            ballot.Url,
            facts,
            project.Percent,
            project.Progress.Select(p => new ProgressRow(PageContext.ChineseDate(p.Date), PageContext.IsoDate(p.Date), p.Percent, p.Milestone, p.Text, p.Photo)).ToList(),
            satisfaction);

        static SatisfactionRow Row(string label, SatisfactionVote vote) => new(label, vote.Date is { } d ? PageContext.ChineseDate(d) : null,
            vote.Satisfied, vote.Basic, vote.Dissatisfied, vote.Rate.ToString("0.#", CultureInfo.InvariantCulture) + "%");
    }

    /// <summary>One row per candidate, UTF-8 with BOM so Excel opens the Chinese correctly.</summary>
    public static byte[] Csv(IEnumerable<Ballot> ballots)
    {
        var csv = new StringBuilder();
        csv.Append("票决编号,年度,票决机关,方式,应到代表,实到代表,拟定项目数,项目编号,项目名称,估算投资（万元）,赞成,反对,弃权,名次,是否当选,责任单位,完成进度（%）,年终满意率（%）\r\n");
        foreach (var b in ballots)
        {
            foreach (var c in b.Candidates)
            {
                string[] cells =
                [
                    b.Id, b.Year.ToString(CultureInfo.InvariantCulture), b.Body, b.MethodLabel,
                    b.Due.ToString(CultureInfo.InvariantCulture), b.Present.ToString(CultureInfo.InvariantCulture), b.Places.ToString(CultureInfo.InvariantCulture),
                    c.Id, c.Title, c.Budget?.ToString(CultureInfo.InvariantCulture) ?? "",
                    c.For.ToString(CultureInfo.InvariantCulture), c.Against.ToString(CultureInfo.InvariantCulture), c.Abstain.ToString(CultureInfo.InvariantCulture),
                    c.Rank.ToString(CultureInfo.InvariantCulture), c.Elected ? "是" : "否", c.Project?.Unit ?? "",
                    c.Project?.Percent.ToString(CultureInfo.InvariantCulture) ?? "", c.Project?.Final?.Rate.ToString(CultureInfo.InvariantCulture) ?? "",
                ];
                csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>Every ballot's figures as JSON, for journalists and researchers (<see cref="JsonBallot"/>: camelCase, nulls written).</summary>
    public static byte[] Json(IEnumerable<Ballot> ballots) => JsonSerializer.SerializeToUtf8Bytes(
        ballots.Select(b => new JsonBallot(
            b.Id,
            b.Year,
            b.Body,
            b.MethodLabel,
            b.Region?.Value,
            b.Session,
            b.Stages.Where(s => s.Date is not null).ToDictionary(s => s.Label, s => s.Date),
            b.Proposals,
            b.Channels.Select(c => new JsonChannel(c.Name, c.Count)),
            new JsonVote(b.Due, b.Present, b.Places),
            b.Candidates.Select(c => new JsonCandidate(
                c.Id,
                c.Title,
                c.Budget,
                c.Source,
                new JsonVotes(c.For, c.Against, c.Abstain),
                c.Rank,
                c.Elected,
                c.Note,
                c.Project is not { } p ? null : new JsonProject(
                    p.Unit,
                    p.Schedule,
                    p.Percent,
                    p.Progress.Select(u => new JsonProgress(u.Date, u.Percent, u.Milestone, u.Text)),
                    p.MidYear,
                    p.Final))))),
        Writing.GeneratorJson.Info<IEnumerable<JsonBallot>>(BallotJson));

    private static readonly JsonSerializerOptions BallotJson = Writing.GeneratorJson.With(new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // ballots.json, one record per level (the names as published; satisfaction votes as their model writes them).
    internal sealed record JsonBallot(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("year")] int Year,
        [property: JsonPropertyName("body")] string Body,
        [property: JsonPropertyName("method")] string Method,
        [property: JsonPropertyName("region")] string? Region,
        [property: JsonPropertyName("session")] string? Session,
        [property: JsonPropertyName("stages")] Dictionary<string, DateOnly?> Stages,
        [property: JsonPropertyName("proposals")] int? Proposals,
        [property: JsonPropertyName("channels")] IEnumerable<JsonChannel> Channels,
        [property: JsonPropertyName("vote")] JsonVote Vote,
        [property: JsonPropertyName("candidates")] IEnumerable<JsonCandidate> Candidates);

    internal sealed record JsonChannel([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("count")] int Count);

    internal sealed record JsonVote([property: JsonPropertyName("due")] int Due, [property: JsonPropertyName("present")] int Present, [property: JsonPropertyName("places")] int Places);

    internal sealed record JsonCandidate(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("budgetWan")] decimal? BudgetWan,
        [property: JsonPropertyName("source")] string? Source,
        [property: JsonPropertyName("votes")] JsonVotes Votes,
        [property: JsonPropertyName("rank")] int Rank,
        [property: JsonPropertyName("elected")] bool Elected,
        [property: JsonPropertyName("note")] string? Note,
        [property: JsonPropertyName("project")] JsonProject? Project);

    internal sealed record JsonVotes([property: JsonPropertyName("for")] int For, [property: JsonPropertyName("against")] int Against, [property: JsonPropertyName("abstain")] int Abstain);

    internal sealed record JsonProject(
        [property: JsonPropertyName("unit")] string? Unit,
        [property: JsonPropertyName("schedule")] string? Schedule,
        [property: JsonPropertyName("percent")] int Percent,
        [property: JsonPropertyName("progress")] IEnumerable<JsonProgress> Progress,
        [property: JsonPropertyName("midYear")] SatisfactionVote? MidYear,
        [property: JsonPropertyName("final")] SatisfactionVote? Final);

    internal sealed record JsonProgress(
        [property: JsonPropertyName("date")] DateOnly Date,
        [property: JsonPropertyName("percent")] int? Percent,
        [property: JsonPropertyName("milestone")] string? Milestone,
        [property: JsonPropertyName("text")] string Text);
}
