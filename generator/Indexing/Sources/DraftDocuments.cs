using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per draft (法规草案), and one per article (条), which points at the article's anchor.</summary>
public static class DraftDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var plain = context.PlainText;
        foreach (var draft in context.Site.Drafts)
        {
            yield return new SearchDocument(
                draft.Url,
                draft.Title,
                SearchDocuments.Join(draft.Summary, $"{draft.Office} {draft.Reading}", string.Join("\n", draft.Text.Preamble), draft.Explanation is { } e ? plain(e) : null, draft.Feedback is { } f ? plain(f.Report) : null),
                SearchTypes.Draft,
                Date: draft.Opens);
            foreach (var article in draft.Text.Articles)
            {
                yield return new SearchDocument(
                    SiteRoutes.DraftArticle(draft.Id, article.Anchor),
                    $"{draft.Title} {article.Label}",
                    string.Join("\n", article.Paragraphs),
                    SearchTypes.Article,
                    Date: draft.Opens);
            }
        }
    }
}
