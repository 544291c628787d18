using Site.Generator.Model;
using Site.Generator.Rendering.Pages;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per 代表述职评议, at its place on the deputy's page: who, when, where, the appraisal and the summary.</summary>
public static class ReportBackDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var site = context.Site;
        foreach (var group in site.Linked<ReportBackIndex>().ByDeputy)
        {
            if (!site.DeputiesById.TryGetValue(group.Key, out var deputy))
            {
                continue;
            }

            // Two reports on one day share the page's anchor; the first stands for both.
            foreach (var report in group.DistinctBy(r => r.Date))
            {
                var view = DeputyPages.ReportView(report);
                yield return new SearchDocument(
                    SiteRoutes.ReportBack(deputy.Id, report.Date),
                    $"{deputy.Name}代表述职评议（{view.Date}）",
                    SearchDocuments.Join(
                        $"{deputy.Name}向选民述职，接受评议",
                        report.Place,
                        report.Voters is { } voters ? $"参加选民 {voters} 人" : null,
                        view.Evaluation,
                        report.Summary),
                    SearchTypes.ReportBack,
                    SearchDocuments.Township(site, deputy.Region),
                    Date: report.Date);
            }
        }
    }
}
