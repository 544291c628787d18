namespace Site.Theme.ViewModels;

/// <summary>民生实事票决: every ballot by year, with totals that add up.</summary>
public sealed record BallotIndexPage(PageMeta Meta, IReadOnlyList<Figure> Totals, IReadOnlyList<BallotYear> Years, IReadOnlyList<LinkCard> Downloads);

public sealed record BallotYear(int Year, string Anchor, IReadOnlyList<Figure> Totals, IReadOnlyList<BallotRow> Ballots);

/// <summary>One ballot in the index: money in 万元, satisfaction as a percentage (or null before 测评).</summary>
public sealed record BallotRow(string Title, string Url, string Body, string Method, int Candidates, int Projects, string Budget, int Completed, string? Satisfaction);

/// <summary>A ballot: stages, collection, the vote (chart and table with the same numbers), projects.</summary>
public sealed record BallotPage(
    PageMeta Meta,
    string Title,
    string? Summary,
    IReadOnlyList<TimelineStep> Timeline,
    IReadOnlyList<Fact> Facts,
    IReadOnlyList<ChannelRow> Channels,
    VoteChart Chart,
    IReadOnlyList<ProjectCard> Projects,
    IReadOnlyList<LinkCard> Downloads,
    string Act = "票决");

/// <summary>A stage on the timeline; <see cref="State"/> is done, current or upcoming.</summary>
public sealed record TimelineStep(string Label, string? Date, string? IsoDate, string State);

public sealed record ChannelRow(string Name, int Count, int Percent);

/// <summary>Votes per candidate; the chart and the table are drawn from these same rows.</summary>
public sealed record VoteChart(string Caption, int Due, int Present, int Places, IReadOnlyList<VoteRow> Rows);

public sealed record VoteRow(int Rank, string Title, string? Url, int For, int Against, int Abstain, string? Budget, string? Source, bool Elected, string? Note);

/// <param name="Satisfaction">The latest rating: 年中票评满意率 95.2％ or 年终测评满意率 …, null before either.</param>
public sealed record ProjectCard(string Title, string Url, string? Unit, string? Budget, string? Schedule, int Percent, string? Latest, string? Satisfaction = null);

/// <summary>An elected project: who carries it out, its update history, the two satisfaction votes.</summary>
public sealed record ProjectPage(
    PageMeta Meta,
    string Title,
    string BallotTitle,
    string BallotUrl,
    IReadOnlyList<Fact> Facts,
    int Percent,
    IReadOnlyList<ProgressRow> Progress,
    IReadOnlyList<SatisfactionRow> Satisfaction);

public sealed record ProgressRow(string Date, string IsoDate, int? Percent, string? Milestone, string Text, string? Photo);

public sealed record SatisfactionRow(string Label, string? Date, int Satisfied, int Basic, int Dissatisfied, string Rate);
