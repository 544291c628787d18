using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Theme.Templates;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// 履职量化: a table of every county deputy's duty figures per year (<see cref="DutyFigures"/>). Each
/// ordering is a page of its own (roster order, and each column largest first), so the column
/// headings sort the table by following a link without script; with script they sort it in place.
/// </summary>
public static class DutyFigurePages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        if (site.Deputies.Count == 0)
        {
            yield break;
        }

        var years = DutyFigures.Years(site);
        if (years.Count == 0)
        {
            years = [context.Site.Now.ToOffset(TimeSpan.FromHours(8)).Year];
        }

        // The county congress's own deputies; a site whose roster has none (a township's) takes everyone.
        var deputies = site.ServingDeputies.Where(d => d.Levels.Contains(DeputyLevel.County)).ToList();
        if (deputies.Count == 0)
        {
            deputies = site.ServingDeputies.ToList();
        }

        var yearLinks = years.Select(y => new LinkCard($"{y}年", SiteRoutes.DutyFiguresYear(y))).ToList();
        yield return PageJob.For<DutyFigureTemplate, DutyFigureTablePage>(SiteRoutes.DutyFigures, () => Page(context, deputies, years[0], null, yearLinks, SiteRoutes.DutyFigures));
        foreach (var year in years)
        {
            yield return PageJob.For<DutyFigureTemplate, DutyFigureTablePage>(SiteRoutes.DutyFiguresYear(year), () => Page(context, deputies, year, null, yearLinks, SiteRoutes.DutyFiguresYear(year)));
            foreach (var column in DutyFigures.Columns)
            {
                var url = SiteRoutes.DutyFiguresYear(year, column.Key);
                yield return PageJob.For<DutyFigureTemplate, DutyFigureTablePage>(url, () => Page(context, deputies, year, column.Key, yearLinks, url));
            }
        }
    }

    private static DutyFigureTablePage Page(PageContext context, IReadOnlyList<Deputy> deputies, int year, string? sort, IReadOnlyList<LinkCard> years, string url)
    {
        var site = context.Site;
        var rows = deputies.Select((d, i) =>
        {
            var station = d.Station is { } id && site.StationsById.TryGetValue(id, out var s) ? s : null;
            return new DutyFigureTableRow(d.Name, d.Url, station?.Name, station?.Url, i, DutyFigures.Count(site, d.Id, year), context.Photos.For(d.Id));
        }).ToList();
        var column = sort is null ? -1 : DutyFigures.Columns.ToList().FindIndex(c => c.Key == sort);
        if (column >= 0)
        {
            rows = rows.OrderByDescending(r => r.Counts[column]).ThenBy(r => r.Order).ToList();
        }

        var totals = Enumerable.Range(0, DutyFigures.Columns.Count).Select(i => rows.Sum(r => r.Counts[i])).ToList();
        var sortLabel = column >= 0 ? $"，按{DutyFigures.Columns[column].Label}排序" : "";
        var title = $"{year}年代表履职统计{sortLabel}";
        return new DutyFigureTablePage(
            PageContext.Meta(title, $"{year}年县人大代表履职情况：活动次数、建议件数、接待选民等，按代表统计。", url, "deputies",
                new Crumb("人大代表", SiteRoutes.Deputies), new Crumb("履职统计", null)),
            year,
            years,
            DutyFigures.Columns.Select(c => new FigureColumn(c.Key, c.Label, SiteRoutes.DutyFiguresYear(year, c.Key))).ToList(),
            SiteRoutes.DutyFiguresYear(year),
            column >= 0 ? sort : null,
            rows,
            totals,
            SiteRoutes.ReportBacks);
    }
}
