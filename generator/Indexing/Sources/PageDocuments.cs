using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per plain page (about, privacy …).</summary>
public static class PageDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context) =>
        context.Site.Pages.Select(page => new SearchDocument(page.Url, page.Title, SearchDocuments.Join(page.Summary, context.PlainText(page.Body)), SearchTypes.Page));
}
