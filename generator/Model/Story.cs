using Site.Generator.Vocabulary;

namespace Site.Generator.Model;

/// <summary>履职故事: a story written by publicity staff.</summary>
public sealed record Story(
    string Slug,
    string Title,
    DateOnly Date,
    Column Column,
    string? Author,
    IReadOnlyList<DeputyId> Deputies,
    IReadOnlyList<StationId> Stations,
    IReadOnlyList<string> Tags,
    string? Cover,
    string? Summary,
    MarkdownSource Body)
{
    /// <summary>建议编号 of the suggestions the story tells of (its <c>suggestions:</c>); each is checked against input/suggestions/.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    public string Url => SiteRoutes.Story(Slug);
}

/// <summary>Markdown text with the file it came from and the line its first line is on.</summary>
public sealed record MarkdownSource(string Path, string Text, int FirstLine, string Folder);

/// <summary>A plain page (about, how to comment, privacy notice).</summary>
public sealed record PlainPage(string Slug, string Title, string? Summary, int Order, MarkdownSource Body)
{
    public string Url => SiteRoutes.Page(Slug);
}
