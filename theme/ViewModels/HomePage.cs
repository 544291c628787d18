namespace Site.Theme.ViewModels;

/// <summary>The home page: what a citizen looks for first.</summary>
public sealed record HomePage(
    PageMeta Meta,
    string Intro,
    IReadOnlyList<StoryCard> LatestStories,
    /// <summary>Open drafts not closing within 7 days (those are in <see cref="ClosingSoon"/>).</summary>
    IReadOnlyList<LinkCard> OpenDrafts,
    IReadOnlyList<LinkCard> Columns,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<LinkCard> Ballots,
    IReadOnlyList<LinkCard>? ClosingSoon = null);

/// <summary>A headline number (代表 60 名, 家站点 12 个).</summary>
public sealed record Figure(string Label, string Value, string? Url);
