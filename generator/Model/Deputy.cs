using Site.Generator.Vocabulary;

namespace Site.Generator.Model;

/// <summary>人大代表: a deputy, elected at one or more of the five levels.</summary>
public sealed record Deputy(
    DeputyId Id,
    string Name,
    string? Gender,
    string? Ethnicity,
    string? Birth,
    string? Photo,
    IReadOnlyList<DeputyLevel> Levels,
    string? Term,
    string? Constituency,
    string? Group,
    string? Title,
    string? Sector,
    string? Party,
    StationId? Station,
    RegionCode? Region,
    string? Bio,
    string? Pledge,
    DateOnly? TermEnded = null)
{
    public string Url => SiteRoutes.Deputy(Id);

    /// <summary>Whether the 离任日期 is <paramref name="today"/> or earlier (Beijing date): the endpoint refuses messages from that day on, and lists stop showing the deputy as serving.</summary>
    public bool HasLeftBy(DateOnly today) => TermEnded is { } ended && ended <= today;
}

/// <summary>五级人大: the level a deputy sits at.</summary>
public enum DeputyLevel
{
    National,
    Provincial,
    City,
    County,
    Township,
}

/// <summary>履职档案: one dated event of a deputy's duty record.</summary>
public sealed record DutyRecord(DeputyId Deputy, DateOnly Date, string Kind, string Title, string? Place, string? Summary, string? Evaluation);

/// <summary>代表建议 (议案 for bills): a suggestion and how it was handled.</summary>
public sealed record Suggestion(
    string Number,
    string Title,
    string Session,
    string Type,
    IReadOnlyList<DeputyId> Deputies,
    string? Unit,
    bool Key,
    SuggestionStatus Status,
    string? Result,
    string? Satisfaction,
    string? Reply,
    DateOnly? Assigned,
    DateOnly? Answered,
    DateOnly? Closed = null)
{
    /// <summary>The number as a URL segment: '/' and spaces made '-' (2026/016 → 2026-016); checked by <see cref="Validation.SafeName"/>.</summary>
    public string Slug => Number.Replace('/', '-').Replace(' ', '-');

    /// <summary>The row's id in suggestion tables.</summary>
    public string Anchor => "s-" + Slug;

    /// <summary>The suggestion's own page, where its reply is: /suggestions/2026-001/.</summary>
    public string Url => SiteRoutes.Suggestion(Slug);
}

/// <summary>交办 → 办理中 → 答复 → 办结.</summary>
public enum SuggestionStatus
{
    Assigned,
    InProgress,
    Answered,
    Closed,
}
