using Site.Generator.Indexing.Sources;
using Site.Generator.Model;
using Site.Generator.Rendering.Markdown;
using Site.Search;

namespace Site.Generator.Indexing;

/// <summary>
/// What the build puts in the search index: the documents of every source, in this order. Adding a
/// searchable record kind = a source in Sources/ and one line here.
/// </summary>
public static class SearchDocuments
{
    private static readonly Func<SearchSourceContext, IEnumerable<SearchDocument>>[] Sources =
    [
        DeputyDocuments.From,
        ReportBackDocuments.From,
        StationDocuments.From,
        RegionDocuments.From,
        StoryDocuments.From,
        SuggestionDocuments.From,
        DraftDocuments.From,
        BallotDocuments.From,
        PageDocuments.From,
    ];

    /// <param name="plainText">Markdown to plain text; the build passes its cache's memo so unchanged bodies are not parsed again.</param>
    /// <param name="memo">With `serve`, unchanged stories' documents from the previous build.</param>
    public static IEnumerable<SearchDocument> From(SiteModel site, Func<MarkdownSource, string>? plainText = null, SearchDocumentMemo? memo = null)
    {
        var context = new SearchSourceContext(site, plainText ?? PlainText, memo);
        return Sources.SelectMany(source => source(context));
    }

    public static string PlainText(MarkdownSource source) => MarkdownRenderer.PlainText(source);

    /// <summary>The township/street a region lies in, by name, for the search filter.</summary>
    internal static string? Township(SiteModel site, RegionCode? code) => site.Township(code)?.Name;

    /// <summary>Non-blank parts, trimmed, one per line.</summary>
    internal static string Join(params string?[] parts) =>
        string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
