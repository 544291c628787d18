using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per suggestion (代表建议): session, deputies, unit, status and reply; it points at the suggestion's table row.</summary>
public static class SuggestionDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var site = context.Site;
        foreach (var suggestion in site.Suggestions)
        {
            var deputies = suggestion.Deputies.Select(d => site.DeputiesById.GetValueOrDefault(d)).OfType<Deputy>().ToList();
            yield return new SearchDocument(
                suggestion.Url,
                suggestion.Title,
                SearchDocuments.Join(
                    $"{suggestion.Session} {suggestion.Type} {suggestion.Number}",
                    "领衔代表：" + string.Join("、", deputies.Select(d => d.Name)),
                    suggestion.Unit is null ? null : "承办单位：" + suggestion.Unit,
                    SuggestionVocabulary.StatusLabel(suggestion.Status),
                    suggestion.Reply),
                SearchTypes.Suggestion,
                deputies.Select(d => SearchDocuments.Township(site, d.Region)).FirstOrDefault(r => r is not null),
                Date: suggestion.Assigned);
        }
    }
}
