namespace Site.Search;

/// <summary>What a person asked: the text, optional facet filters, the results page (1-based).</summary>
public sealed record SearchRequest(string? Query, string? Type = null, string? Region = null, string? Year = null, int Page = 1)
{
    public const int PageSize = 10;

    /// <summary>
    /// Every hit of an exactly counted query is on a page up to this one: totals are exact up to the
    /// sample size (<see cref="FacetingCollector.SampleSize"/>), and an estimated total pages through its sample.
    /// </summary>
    public const int MaxPage = FacetingCollector.SampleSize / PageSize;
}

/// <summary>One page of results with counts per type, region and year (each counted with the other filters applied).</summary>
public sealed record SearchResponse(
    string Query,
    long Total,
    int Page,
    int PageCount,
    IReadOnlyList<SearchHitResult> Hits,
    IReadOnlyList<FacetCount> Types,
    IReadOnlyList<FacetCount> Regions,
    IReadOnlyList<FacetCount> Years,
    string? Error = null)
{
    /// <summary>
    /// True when the query matched so much that <see cref="Total"/> and the facet counts were scaled
    /// up from a sample of the matches (shown as 约 N).
    /// </summary>
    public bool Estimated { get; init; }

    /// <summary>
    /// True when nothing had the text as typed and the hits are pages that have each of its words
    /// (SmartCn segmentation), not necessarily together.
    /// </summary>
    public bool Relaxed { get; init; }

    /// <summary>
    /// The page asked for when it was past the last one (page=11 of 10): <see cref="Page"/> is then the
    /// last page, whose hits are shown instead of none. Null when the page asked for exists.
    /// </summary>
    public int? PastEnd { get; init; }

    /// <summary>
    /// When the filters leave nothing but the text alone matches: how many pages match it without
    /// them (counted exactly); null otherwise.
    /// </summary>
    public long? Unfiltered { get; init; }

    /// <summary>When nothing matches: the query with one character changed that titles hold (花石镇 for 花石真), or null.</summary>
    public string? Suggestion { get; init; }

    /// <summary>
    /// For a deputy's full name before a form of address (王建国代表) whose page is not among the hits of
    /// the first page (pages holding the text as typed, such as his 述职评议, come first): his page, as
    /// (title, URL), shown above the hits without changing them. Null otherwise.
    /// </summary>
    public (string Title, string Url)? Deputy { get; init; }

    public static SearchResponse Empty(string query, string? error) => new(query, 0, 1, 0, [], [], [], [], error);
}

/// <summary>A hit: <see cref="SnippetHtml"/> is escaped text with &lt;mark&gt; around matches.</summary>
public sealed record SearchHitResult(string Url, string Title, string Type, string TypeLabel, string SnippetHtml, string? Date, string? Region, float Score);

public sealed record FacetCount(string Value, string Label, long Count);
