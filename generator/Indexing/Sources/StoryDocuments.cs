using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per story (履职故事): its text, column, tags and author, placed in the township of its stations or deputies.</summary>
public static class StoryDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var site = context.Site;
        var plain = context.PlainText;
        var memo = context.Memo;

        // Stories are most of a large site, and each needs its Markdown as plain text: two cores at once.
        return site.Stories.AsParallel().AsOrdered().Select(story =>
        {
            var region = story.Stations.Select(s => SearchDocuments.Township(site, site.StationsById.GetValueOrDefault(s)?.Region)).FirstOrDefault(r => r is not null)
                ?? story.Deputies.Select(d => SearchDocuments.Township(site, site.DeputiesById.GetValueOrDefault(d)?.Region)).FirstOrDefault(r => r is not null);
            var tags = string.Join(" ", story.Tags);
            SearchDocument Build() => new(
                story.Url,
                story.Title,
                SearchDocuments.Join(story.Summary, plain(story.Body), story.Column.Name, tags, story.Author),
                SearchTypes.Story,
                region,
                Date: story.Date);
            return memo is null ? Build() : memo.Story(story.Body.Text, new StoryHeader(story.Url, story.Title, story.Summary, story.Column.Name, tags, story.Author, story.Date, region), Build);
        });
    }

    /// <summary>Everything a story's search document is made of besides its body.</summary>
    private sealed record StoryHeader(string Url, string Title, string? Summary, string Column, string Tags, string? Author, DateOnly Date, string? Region);
}
