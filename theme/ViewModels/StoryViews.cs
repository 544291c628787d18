namespace Site.Theme.ViewModels;

/// <summary>A story as lists show it: a card with title, date, column and summary.</summary>
public sealed record StoryCard(string Title, string Url, string Date, string IsoDate, string ColumnName, string ColumnUrl, string? Summary, string? Cover);

/// <summary>A link to a deputy or station with a short description.</summary>
public sealed record LinkCard(string Label, string Url, string? Note = null);

/// <summary>履职故事 page.</summary>
public sealed record StoryPage(
    PageMeta Meta,
    string Title,
    string Date,
    string IsoDate,
    string ColumnName,
    string ColumnUrl,
    string? Author,
    string? Cover,
    string BodyHtml,
    IReadOnlyList<LinkCard> Deputies,
    IReadOnlyList<LinkCard> Stations,
    IReadOnlyList<LinkCard> Tags,
    IReadOnlyList<StoryCard> Related);

/// <summary>A paginated list of stories (all, one column, one tag).</summary>
public sealed record StoryListPage(
    PageMeta Meta,
    string Heading,
    string? Intro,
    IReadOnlyList<StoryCard> Stories,
    Pager Pager,
    IReadOnlyList<LinkCard> Filters);

/// <summary>Page N of M, with the URLs of its neighbours.</summary>
public sealed record Pager(int Page, int PageCount, string? PreviousUrl, string? NextUrl);

/// <summary>A plain content page (about, how to comment, privacy).</summary>
public sealed record PlainPageView(PageMeta Meta, string Title, string BodyHtml);

/// <summary>An index of links with counts: all columns, all tags.</summary>
public sealed record IndexPage(PageMeta Meta, string Heading, string? Intro, IReadOnlyList<LinkCard> Items);

/// <summary>The 404 page.</summary>
public sealed record NotFoundPage(PageMeta Meta);
