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
        StationDocuments.From,
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
<<<<<<< HEAD
        var plain = plainText ?? PlainText;
        var places = new Places(site);
        foreach (var deputy in site.Deputies)
        {
            var document = Deputy(site, deputy);
            yield return document with { Keywords = places.With(document.Keywords, deputy.Region ?? StationRegion(site, deputy)) };
        }

        foreach (var station in site.Stations)
        {
            yield return Station(site, station) with { Keywords = places.With(null, station.Region) };
        }

        // Stories are most of a large site, and each needs its Markdown as plain text: two cores at once.
        var stories = site.Stories.AsParallel().AsOrdered().Select(story =>
        {
            var region = story.Stations.Select(s => Township(site, site.StationsById.GetValueOrDefault(s)?.Region)).FirstOrDefault(r => r is not null)
                ?? story.Deputies.Select(d => Township(site, site.DeputiesById.GetValueOrDefault(d)?.Region)).FirstOrDefault(r => r is not null);
            var tags = string.Join(" ", story.Tags);
            SearchDocument Build() => new(
                story.Url,
                story.Title,
                Join(story.Summary, plain(story.Body), story.Column.Name, tags, story.Author),
                SearchTypes.Story,
                region,
                Date: story.Date);
            return memo is null ? Build() : memo.Story(story.Body.Text, new StoryHeader(story.Url, story.Title, story.Summary, story.Column.Name, tags, story.Author, story.Date, region), Build);
        });
        foreach (var story in stories)
        {
            yield return story;
        }

        foreach (var suggestion in site.Suggestions)
        {
            var deputies = suggestion.Deputies.Select(d => site.DeputiesById.GetValueOrDefault(d)).OfType<Deputy>().ToList();
            yield return new SearchDocument(
                suggestion.Url,
                suggestion.Title,
                Join(
                    $"{suggestion.Session} {suggestion.Type} {suggestion.Number}",
                    "领衔代表：" + string.Join("、", deputies.Select(d => d.Name)),
                    suggestion.Unit is null ? null : "承办单位：" + suggestion.Unit,
                    DeputyPages.StatusLabel(suggestion.Status),
                    suggestion.Reply),
                SearchTypes.Suggestion,
                deputies.Select(d => Township(site, d.Region)).FirstOrDefault(r => r is not null),
                Date: suggestion.Assigned);
        }

        foreach (var draft in site.Drafts)
        {
            yield return new SearchDocument(
                draft.Url,
                draft.Title,
                Join(draft.Summary, $"{draft.Office} {draft.Reading}", string.Join("\n", draft.Text.Preamble), draft.Explanation is { } e ? plain(e) : null, draft.Feedback is { } f ? plain(f.Report) : null),
                SearchTypes.Draft,
                Date: draft.Opens);
            foreach (var article in draft.Text.Articles)
            {
                yield return new SearchDocument(
                    $"{draft.Url}#{article.Anchor}",
                    $"{draft.Title} {article.Label}",
                    string.Join("\n", article.Paragraphs),
                    SearchTypes.Article,
                    Date: draft.Opens);
            }
        }

        foreach (var ballot in site.Ballots)
        {
            var title = ballot.Title;
            var region = Township(site, ballot.Region) ?? site.RegionName(ballot.Region);
            var date = ballot.Stages.FirstOrDefault(s => s.Key == "vote")?.Date ?? new DateOnly(ballot.Year, 1, 1);
            yield return new SearchDocument(
                ballot.Url,
                title,
                Join(ballot.Summary, ballot.Session, "候选项目：" + string.Join("、", ballot.Candidates.Select(c => c.Title)), "当选项目：" + string.Join("、", ballot.Elected.Select(c => c.Title))),
                SearchTypes.Ballot,
                region is { Length: > 0 } ? region : null,
                Date: date);
            foreach (var project in ballot.Elected.Select(c => c.Project!))
            {
                var candidate = ballot.Candidates.First(c => c.Id == project.Id);
                yield return new SearchDocument(
                    project.Url,
                    project.Title,
                    Join(candidate.Description, project.Unit is null ? null : "责任单位：" + project.Unit, project.Schedule, title,
                        string.Join("\n", project.Progress.Select(p => p.Text))),
                    SearchTypes.Project,
                    region is { Length: > 0 } ? region : null,
                    Date: date);
            }
        }

        foreach (var page in site.Pages)
        {
            yield return new SearchDocument(page.Url, page.Title, Join(page.Summary, plain(page.Body)), SearchTypes.Page);
        }
    }

    private static SearchDocument Deputy(SiteModel site, Deputy deputy)
    {
        var station = deputy.Station is { } id ? site.StationsById.GetValueOrDefault(id) : null;
        var levels = string.Join("、", deputy.Levels.Select(l => DeputyPages.LevelLabels[l] + "级"));
        var duties = site.DutiesByDeputy[deputy.Id].Select(d => $"{d.Kind}：{d.Title}");
        return new SearchDocument(
            deputy.Url,
            deputy.Name,
            Join(
                $"{levels}人大代表",
                deputy.Title,
                deputy.Group,
                deputy.Constituency is null ? null : "选区：" + deputy.Constituency,
                station is null ? null : "所在联络站：" + station.Name,
                deputy.Bio,
                deputy.Pledge,
                string.Join("\n", duties)),
            SearchTypes.Deputy,
            Township(site, deputy.Region) ?? Township(site, station?.Region),
            string.Join(' ', deputy.Levels.Select(l => l.ToString().ToLowerInvariant())),
            Keywords: NamePinyin.Keywords(deputy.Name) is { } pinyin ? $"{deputy.Id.Value} {pinyin}" : deputy.Id.Value);
    }

    private static SearchDocument Station(SiteModel site, Station station) => new(
        station.Url,
        station.Name,
        Join(
            StationPages.KindLabel(station),
            site.RegionName(station.Region),
            station.Address is null ? null : "地址：" + station.Address,
            station.Hours is null ? null : "开放时间：" + station.Hours,
            station.Schedule is null ? null : "接待日：" + station.Schedule,
            station.Feature,
            station.Intro,
            string.Join("、", site.DeputiesByStation[station.Id].Select(d => d.Name))),
        SearchTypes.Station,
        Township(site, station.Region));

    private static string? Township(SiteModel site, RegionCode? code) => site.Township(code)?.Name;

    private static RegionCode? StationRegion(SiteModel site, Deputy deputy) =>
        deputy.Station is { } id ? site.StationsById.GetValueOrDefault(id)?.Region : null;

    /// <summary>
    /// Where a deputy or station is, as search keywords: the name and code of its region and of each
    /// region above it (village, township, county), and the villages of its township, so that a person
    /// who types their village (烟塘) or its code finds the township's stations and deputies.
    /// </summary>
    private sealed class Places(SiteModel site)
    {
        private readonly ILookup<RegionCode?, Region> _children = site.Regions.Values.ToLookup(r => r.Parent);

        public string? With(string? keywords, RegionCode? code)
        {
            var above = site.RegionAndAbove(code).ToList();
            if (above.Count == 0)
            {
                return keywords;
            }

            var town = above.FirstOrDefault(r => r.Level == "town");
            var villages = town is null ? [] : _children[town.Code].Where(r => !above.Contains(r));
            return string.Join(' ', above.Concat(villages).SelectMany(r => new[] { r.Name, r.Code.Value }).Prepend(keywords).OfType<string>());
        }
    }

    /// <summary>Everything a story's search document is made of besides its body.</summary>
    private sealed record StoryHeader(string Url, string Title, string? Summary, string Column, string Tags, string? Author, DateOnly Date, string? Region);

=======
        var context = new SearchSourceContext(site, plainText ?? PlainText, memo);
        return Sources.SelectMany(source => source(context));
    }

>>>>>>> main
    public static string PlainText(MarkdownSource source) => MarkdownRenderer.PlainText(source);

    /// <summary>The township/street a region lies in, by name, for the search filter.</summary>
    internal static string? Township(SiteModel site, RegionCode? code) => site.Township(code)?.Name;

    /// <summary>Non-blank parts, trimmed, one per line.</summary>
    internal static string Join(params string?[] parts) =>
        string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
}
