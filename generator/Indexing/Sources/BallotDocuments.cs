using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per ballot (民生实事票决), and one per elected project.</summary>
public static class BallotDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var site = context.Site;
        foreach (var ballot in site.Ballots)
        {
            var title = ballot.Title;
            var region = SearchDocuments.Township(site, ballot.Region) ?? site.RegionName(ballot.Region);
            var date = ballot.Stages.FirstOrDefault(s => s.Key == "vote")?.Date ?? new DateOnly(ballot.Year, 1, 1);
            yield return new SearchDocument(
                ballot.Url,
                title,
                SearchDocuments.Join(ballot.Summary, ballot.Session, "候选项目：" + string.Join("、", ballot.Candidates.Select(c => c.Title)), "当选项目：" + string.Join("、", ballot.Elected.Select(c => c.Title))),
                SearchTypes.Ballot,
                region is { Length: > 0 } ? region : null,
                Date: date);
            foreach (var project in ballot.Elected.Select(c => c.Project!))
            {
                var candidate = ballot.Candidates.First(c => c.Id == project.Id);
                yield return new SearchDocument(
                    project.Url,
                    project.Title,
                    SearchDocuments.Join(candidate.Description, project.Unit is null ? null : "责任单位：" + project.Unit, project.Schedule, title,
                        string.Join("\n", project.Progress.Select(p => p.Text))),
                    SearchTypes.Project,
                    region is { Length: > 0 } ? region : null,
                    Date: date);
            }
        }
    }
}
