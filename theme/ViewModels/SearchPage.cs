namespace Site.Theme.ViewModels;

/// <summary>全站搜索: the static page (results fetched as you type) and the server-rendered results page.</summary>
public sealed record SearchPage(PageMeta Meta, string Query, SearchResults? Results);

/// <summary>Results as the endpoint returns them; <see cref="SearchHit.SnippetHtml"/> is escaped text with &lt;mark&gt;.</summary>
public sealed record SearchResults(long Total, int Page, int PageCount, IReadOnlyList<SearchHit> Hits, IReadOnlyList<Facet> Types, string? Error = null);

public sealed record SearchHit(string Url, string Title, string Type, string TypeLabel, string SnippetHtml, string? Date);

public sealed record Facet(string Value, string Label, long Count);
