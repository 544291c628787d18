using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>
/// One document per draft (法规草案), and one per article (条), which points at the article's anchor.
/// A reading that a later one has superseded keeps its draft document (its feedback report stays
/// findable) but not its articles, so an article search lands on the text now open for comment.
/// </summary>
public static class DraftDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var plain = context.PlainText;
        foreach (var draft in context.Site.Drafts)
        {
            // Readings of one regulation differ in their titles' brackets (（草案）, （草案二次审议稿）); a
            // person typing the regulation's name means the reading now before the congress, so the
            // latest reading carries the bare name as a keyword (a shorter superseded title would rank first).
            var chain = context.Site.DraftReadings.GetValueOrDefault(draft.Id);
            var keywords = chain is { Count: > 1 } && chain[^1].Id == draft.Id ? Validation.Drafts.DraftTitles.Name(draft.Title) : null;
            yield return new SearchDocument(
                draft.Url,
                draft.Title,
                SearchDocuments.Join(
                    draft.Summary,
                    $"{draft.Office} {draft.Reading}",
                    DraftPlainText(draft.Text.Preamble),
                    draft.Explanation is { } e ? plain(e) : null,
                    draft.Feedback is { } f ? plain(f.Report) : null,
                    string.Join("\n", draft.Text.Attachments.Select(a => a.Title + "\n" + DraftPlainText(a.Paragraphs)))),
                SearchTypes.Draft,
                Date: draft.Opens,
                Keywords: keywords);
            if (context.Site.DraftReadings.TryGetValue(draft.Id, out var readings) && readings[^1].Id != draft.Id)
            {
                continue;
            }

            foreach (var article in draft.Text.Articles)
            {
                yield return new SearchDocument(
                    SiteRoutes.DraftArticle(draft.Id, article.Anchor),
                    $"{draft.Title} {article.Label}",
                    DraftPlainText(article.Paragraphs),
                    SearchTypes.Article,
                    Date: draft.Opens);
            }
        }
    }

    /// <summary>A draft's paragraphs as search reads them: a table by its cells, not its pipes.</summary>
    private static string DraftPlainText(IEnumerable<string> paragraphs) =>
        string.Join("\n", paragraphs.Select(p => Site.Theme.ViewModels.DraftTable.Parse(p)?.PlainText() ?? p));
}
