using Site.Generator.Vocabulary;

namespace Site.Generator.Model;

/// <summary>
/// 民生实事项目票决: one congress (or a street's 议政代表会, which 票选) choosing the year's
/// livelihood projects from more candidates than places, then supervising and rating them.
/// </summary>
public sealed record Ballot(
    string Id,
    string SourcePath,
    string Body,
    BallotMethod Method,
    RegionCode? Region,
    int Year,
    string? Session,
    string? Summary,
    IReadOnlyList<BallotStage> Stages,
    int? Proposals,
    IReadOnlyList<ProposalChannel> Channels,
    int Due,
    int Present,
    int Places,
    IReadOnlyList<BallotCandidate> Candidates)
{
    public string Url => SiteRoutes.Ballot(Id);

    public IEnumerable<BallotCandidate> Elected => Candidates.Where(c => c.Elected);

    public string MethodLabel => Method == BallotMethod.Vote ? "票决" : "票选";

    public string Title => $"{Year}年{Body}民生实事项目{MethodLabel}";
}

/// <summary>票决 by a people's congress; 票选 by a street's 议政代表会.</summary>
public enum BallotMethod
{
    Vote,
    Poll,
}

/// <summary>The seven stages, in order, each with the day it happened (or is planned).</summary>
public sealed record BallotStage(string Key, string Label, DateOnly? Date);

/// <summary>Where proposals came from (代表建议, 联络站收集, 网络征集 …) and how many.</summary>
public sealed record ProposalChannel(string Name, int Count);

/// <summary>A candidate project and its votes; an elected one carries the project that follows.</summary>
public sealed record BallotCandidate(
    string Id,
    string Title,
    string? Description,
    decimal? Budget,
    string? Source,
    int For,
    int Against,
    int Abstain,
    bool Elected,
    string? Note,
    LivelihoodProject? Project)
{
    /// <summary>1 for most votes for; candidates with equal votes share a rank.</summary>
    public int Rank { get; init; }
}

/// <summary>An elected project being carried out: who, how much (万元), by when, how it is going.</summary>
public sealed record LivelihoodProject(
    string BallotId,
    string Id,
    string Title,
    string? Unit,
    decimal? Budget,
    string? Schedule,
    IReadOnlyList<ProgressUpdate> Progress,
    SatisfactionVote? MidYear,
    SatisfactionVote? Final)
{
    public string Url => SiteRoutes.BallotProject(BallotId, Id);

    public int Percent => Progress.LastOrDefault(p => p.Percent is not null)?.Percent ?? 0;

    public bool Completed => Percent >= 100;
}

public sealed record ProgressUpdate(DateOnly Date, int? Percent, string? Milestone, string Text, string? Photo);

/// <summary>票评 (mid-year) or 测评 (year-end): 满意 / 基本满意 / 不满意.</summary>
public sealed record SatisfactionVote(DateOnly? Date, int Satisfied, int Basic, int Dissatisfied)
{
    public int Total => Satisfied + Basic + Dissatisfied;

    /// <summary>满意率 as offices report it: satisfied plus basically satisfied, over all votes.</summary>
    public decimal Rate => Total == 0 ? 0 : Math.Round(100m * (Satisfied + Basic) / Total, 1);
}
