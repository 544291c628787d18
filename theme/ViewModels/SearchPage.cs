namespace Site.Theme.ViewModels;

/// <summary>全站搜索: the static page (results fetched as you type) and the server-rendered results page.</summary>
/// <param name="Examples">Queries the box suggests, taken from the site's own content (each finds something).</param>
public sealed record SearchPage(PageMeta Meta, string Query, SearchResults? Results, IReadOnlyList<string>? Examples = null)
{
    /// <summary>Characters (text elements) of a query the page repeats in its title, path and notices.</summary>
    public const int ShownLength = 30;

    /// <summary>The query as the page repeats it: the box keeps all of it.</summary>
    public string ShownQuery => Shown(Query);

    /// <summary>
    /// <paramref name="query"/> as headings and notices repeat it: its first <see cref="ShownLength"/>
    /// characters and "…" when longer (a pasted paragraph filled a phone's screen twice), never cut
    /// inside a character made of several code points.
    /// </summary>
    public static string Shown(string query)
    {
        var text = new System.Globalization.StringInfo(query);
        return text.LengthInTextElements <= ShownLength ? query : text.SubstringByTextElements(0, ShownLength) + "…";
    }
}

/// <summary>
/// One page of results as the endpoint renders them. <see cref="SearchHit.SnippetHtml"/> is escaped
/// text with &lt;mark&gt;; facet and pager links are complete URLs that keep the other filters.
/// <see cref="Estimated"/>: the counts were scaled up from a sample, because the query matched a great deal.
/// <see cref="Relaxed"/>: nothing had the text as typed, so these hits hold each of its words (in one field) instead.
/// </summary>
public sealed record SearchResults(
    long Total,
    int Page,
    int PageCount,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyList<FacetGroup> Facets,
    string? PreviousUrl,
    string? NextUrl,
    string? Error = null,
    bool Estimated = false,
    bool Relaxed = false)
{
    /// <summary>The page asked for (as typed) when it was past the last; <see cref="Page"/> is then the last page.</summary>
    public string? PastEnd { get; init; }

    /// <summary>The first page's link, given with <see cref="PastEnd"/>.</summary>
    public string? FirstUrl { get; init; }

    /// <summary>The page parameter as typed when it was not a number (the first page is shown).</summary>
    public string? BadPage { get; init; }

    /// <summary>
    /// When the filters leave nothing but the text alone matches: how many hits there are without
    /// them, the filters as (label, value), and the link to those hits.
    /// </summary>
    public long? Unfiltered { get; init; }

    public IReadOnlyList<(string Label, string Value)> Filters { get; init; } = [];

    public string? UnfilteredUrl { get; init; }

    /// <summary>When nothing matched: a query one character off that titles hold (您是不是要找), and its link.</summary>
    public string? Suggestion { get; init; }

    public string? SuggestionUrl { get; init; }

    /// <summary>A deputy's page for 王建国代表 when the hits shown do not hold it (title, URL), or null.</summary>
    public (string Title, string Url)? Deputy { get; init; }

    /// <summary>
    /// When the query names a whole part of the site (法规草案): that part's list, as the navigation
    /// labels and links it (征求意见, /drafts/), offered above the hits. Null otherwise.
    /// </summary>
    public (string Label, string Url)? Section { get; init; }
}

public sealed record SearchHit(string Url, string Title, string TypeLabel, string SnippetHtml, string? Date, string? Region)
{
    /// <summary>A draft's reading as its record names it (一审, 二审, 征求意见稿), for a draft or an article hit; null otherwise.</summary>
    public string? Reading { get; init; }

    /// <summary>A draft's status at the time of the search (征求意见中, 尚未开始, 已截止) and its class (open, upcoming, closed).</summary>
    public string? Status { get; init; }

    public string? StatusClass { get; init; }
}

/// <summary>A filter dimension (类型, 地区, 年份) with its values; the first value clears the filter.</summary>
public sealed record FacetGroup(string Label, IReadOnlyList<Facet> Values);

public sealed record Facet(string Label, long? Count, string Url, bool Selected);
