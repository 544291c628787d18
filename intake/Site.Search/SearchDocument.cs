namespace Site.Search;

/// <summary>
/// One hit as the build indexes it: a page, or a part of a page with its own anchor (an article of a
/// draft, a suggestion in the list).
/// </summary>
/// <param name="Type">One of <see cref="SearchTypes"/>; drives the type facet and label.</param>
/// <param name="Region">The township/street the record belongs to, by name (facet), if any.</param>
/// <param name="Level">The deputy level(s), space-separated, if any.</param>
/// <param name="Date">The date shown with the hit and used for the year facet, if any.</param>
/// <param name="Keywords">Extra text matched but not shown: pinyin of names, ids, old names.</param>
public sealed record SearchDocument(
    string Url,
    string Title,
    string Body,
    string Type,
    string? Region = null,
    string? Level = null,
    DateOnly? Date = null,
    string? Keywords = null);

/// <summary>The kinds of hit, with the Chinese labels pages show.</summary>
public static class SearchTypes
{
    public const string Deputy = "deputy";

    /// <summary>
    /// A deputy's 述职评议 (report to the voters): its own kind, not 人大代表, so that the 人大代表 filter
    /// lists and counts the deputies themselves, as a person clicking it expects.
    /// </summary>
    public const string ReportBack = "report";
    public const string Station = "station";
    public const string Region = "region";
    public const string Story = "story";
    public const string Suggestion = "suggestion";
    public const string Draft = "draft";
    public const string Article = "article";
    public const string Ballot = "ballot";
    public const string Project = "project";
    public const string Page = "page";

    public static readonly IReadOnlyList<(string Type, string Label)> All =
    [
        (Deputy, "人大代表"),
        (ReportBack, "述职评议"),
        (Station, "家站点"),
        (Region, "地区"),
        (Story, "履职故事"),
        (Ballot, "民生实事票决"),
        (Project, "民生实事项目"),
        (Suggestion, "代表建议"),
        (Draft, "法规草案"),
        (Article, "草案条文"),
        (Page, "页面"),
    ];

    public static string Label(string type) => All.FirstOrDefault(t => t.Type == type).Label ?? type;
}

/// <summary>Field names of the index; the build and the endpoint both use these.</summary>
public static class SearchFields
{
    public const string Url = "url";

    /// <summary>
    /// The URL with each run of digits padded (<see cref="SearchOrder.Natural"/>), as a sort key only:
    /// hits that score the same come in this order (第二条 before 第十条).
    /// </summary>
    public const string UrlOrder = "url_order";
    public const string Title = "title";
    public const string TitleExact = "title_exact";
    public const string Body = "body";

    /// <summary>SmartCn words of the title (<see cref="ChineseWordAnalyzer"/>): ranking only.</summary>
    public const string TitleWords = "title_words";

    /// <summary>SmartCn words of the start of the body (<see cref="ChineseWordAnalyzer.BodyLead"/>): ranking only.</summary>
    public const string Words = "words";
    public const string Keywords = "keywords";
    public const string Type = "type";
    public const string Region = "region";
    public const string Level = "level";
    public const string Year = "year";
    public const string Date = "date";
}

/// <summary>How hits that score the same are ordered: by URL, read as a person reads numbers in it.</summary>
public static class SearchOrder
{
    /// <summary>
    /// <paramref name="url"/> with every run of ASCII digits left-padded with zeros to 10 digits, so
    /// that an ordinal comparison puts /drafts/x/#article-2 before /drafts/x/#article-10. A run longer
    /// than 10 digits is kept as it is.
    /// </summary>
    public static string Natural(string url)
    {
        var builder = new System.Text.StringBuilder(url.Length + 16);
        for (var i = 0; i < url.Length;)
        {
            if (!char.IsAsciiDigit(url[i]))
            {
                builder.Append(url[i++]);
                continue;
            }

            var start = i;
            while (i < url.Length && char.IsAsciiDigit(url[i]))
            {
                i++;
            }

            builder.Append('0', Math.Max(0, 10 - (i - start))).Append(url, start, i - start);
        }

        return builder.ToString();
    }
}
