using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Theme.Templates;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// 代表述职评议 coverage: the deputies of the current term (the term most of the county's deputies
/// hold), grouped by their station in the stations' order (township by township), each reported
/// this term (the latest report, its appraisal) or not yet.
/// </summary>
public static class ReportBackPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        if (CurrentTerm(context.Site) is { } term)
        {
            yield return PageJob.For<ReportCoverageTemplate, ReportCoveragePage>(SiteRoutes.ReportBacks, () => Page(context, term));
        }
    }

    /// <summary>The term most county deputies (else most deputies) are of; null without any term.</summary>
    public static string? CurrentTerm(SiteModel site)
    {
        var county = site.ServingDeputies.Where(d => d.Term is not null && d.Levels.Contains(DeputyLevel.County)).ToList();
        var pool = county.Count > 0 ? county : site.ServingDeputies.Where(d => d.Term is not null).ToList();
        return pool.GroupBy(d => d.Term!, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key;
    }

    private static ReportCoveragePage Page(PageContext context, string term)
    {
        var site = context.Site;
        var deputies = site.ServingDeputies.Where(d => d.Term == term).ToList();
        CoverageRow Row(Deputy d)
        {
            var reports = site.Linked<ReportBackIndex>().ByDeputy[d.Id].Where(r => r.Term == term).ToList();
            return new CoverageRow(d.Name, d.Url, reports.Count == 0 ? null : DeputyPages.ReportView(reports[0]), reports.Count);
        }

        var byStation = deputies.Where(d => d.Station is { } s && site.StationsById.ContainsKey(s)).ToLookup(d => d.Station!.Value);
        var groups = new List<CoverageGroup>();
        foreach (var station in site.Stations.Where(s => byStation.Contains(s.Id)))
        {
            var rows = byStation[station.Id].Select(Row).ToList();
            groups.Add(new CoverageGroup(station.Name, "s-" + station.Id.Value, station.Url, site.Township(station.Region)?.Name,
                rows.Count(r => r.Last is not null), rows));
        }

        var unplaced = deputies.Where(d => d.Station is not { } s || !site.StationsById.ContainsKey(s)).Select(Row).ToList();
        if (unplaced.Count > 0)
        {
            groups.Add(new CoverageGroup("未编组进站的代表", "unplaced", null, null, unplaced.Count(r => r.Last is not null), unplaced));
        }

        var all = groups.SelectMany(g => g.Rows).ToList();
        return new ReportCoveragePage(
            PageContext.Meta($"{term}代表述职评议", $"{term}人大代表向选民述职、接受评议的情况：已述职和尚未述职的代表。", SiteRoutes.ReportBacks, "deputies",
                new Crumb("人大代表", SiteRoutes.Deputies), new Crumb("述职评议", null)),
            term,
            all.Count(r => r.Last is not null),
            all.Count,
            all.Where(r => r.Last is null).Select(r => new LinkCard(r.Name, r.Url)).ToList(),
            groups,
            SiteRoutes.DutyFigures);
    }
}
