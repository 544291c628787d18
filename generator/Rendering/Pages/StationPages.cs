using System.Globalization;
using System.Text;
using Site.Generator.Model;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>家站点: the list grouped by township/street, each station's page, and its reception-day calendar.</summary>
public static class StationPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        yield return PageJob.For<StationListTemplate, StationListPage>(SiteRoutes.Stations, () => new StationListPage(
            PageContext.Meta("代表家站点", "代表之家、代表联络站、代表联系点的地址、开放时间和接待安排", SiteRoutes.Stations, "stations", new Crumb("家站点", null)),
            site.Stations
                // By the township's code, not its name: two 龙潭镇 are two groups, each labelled with its county.
                .GroupBy(s => site.Township(s.Region)?.Code.Value ?? (site.RegionLabel(s.Region) is { Length: > 0 } n ? n : "其他"))
                .OrderBy(g => site.Township(g.First().Region)?.Code.Value ?? g.First().Region?.Value ?? "", StringComparer.Ordinal)
                .Select((g, i) => new StationGroup(site.Township(g.First().Region) is { } town ? site.RegionLabel(town.Code) : g.Key, $"region-{i + 1}", g.Select(s => new StationRow(s.Name, s.Url, StationVocabulary.KindLabel(s), s.Address, s.Schedule, Places(site, s))).ToList()))
                .ToList()));

        foreach (var station in site.Stations)
        {
            yield return PageJob.For<StationTemplate, StationPage>(station.Url, () => Page(context, station));
            if (station.ReceptionDays.Count > 0)
            {
                yield return PageJob.File(SiteRoutes.StationCalendar(station.Id), () => Encoding.UTF8.GetBytes(Calendar(site, station)));
            }
        }
    }

    /// <summary>The next reception days after the build date (Beijing time), at most <paramref name="count"/>.</summary>
    public static IReadOnlyList<DateOnly> NextReceptionDays(Station station, DateTimeOffset now, int count)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var result = new List<DateOnly>();
        for (var month = 0; month < 24 && result.Count < count && station.ReceptionDays.Count > 0; month++)
        {
            var first = new DateOnly(today.Year, today.Month, 1).AddMonths(month);
            foreach (var day in station.ReceptionDays)
            {
                if (day <= DateTime.DaysInMonth(first.Year, first.Month) && first.AddDays(day - 1) is var date && date >= today && result.Count < count)
                {
                    result.Add(date);
                }
            }
        }

        return result;
    }

    private static StationPage Page(PageContext context, Station station)
    {
        var site = context.Site;
        var facts = new List<Fact> { new("类型", StationVocabulary.KindLabel(station)) };
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                facts.Add(new Fact(label, value));
            }
        }

        Add("所在地区", site.RegionName(station.Region));
        Add("地址", station.Address);
        Add("开放时间", station.Hours);
        Add("接待安排", station.Schedule);
        Add("负责人", station.Head);
        Add("联络员", station.Liaison);
        if (station.Phone is not null)
        {
            facts.Add(new Fact("联系电话", station.Phone, "tel:" + station.Phone.Replace("-", "")));
        }

        Add("特色", station.Feature);
        var deputies = site.DeputiesByStation[station.Id].ToList();
        return new StationPage(
            new PageMeta(station.Name, $"{station.Name}：{station.Address}，{station.Schedule}", station.Url, "stations",
                [new Crumb("家站点", SiteRoutes.Stations), new Crumb(station.Name, null)]),
            station.Name,
            StationVocabulary.KindLabel(station),
            facts,
            NextReceptionDays(station, site.Now, 3).Select(d => $"{PageContext.ChineseDate(d)}（{WeekDay(d)}）").ToList(),
            station.ReceptionDays.Count > 0 ? SiteRoutes.StationCalendar(station.Id) : null,
            deputies.Select(d => new LinkCard(d.Name, d.Url)).ToList(),
            station.Figures.Select(f => new StationFigureRow(f.Year, f.Received, f.Collected, f.Resolved)).ToList(),
            station.Intro,
            context.Cards(site.StoriesByStation[station.Id]));
    }

    private static string WeekDay(DateOnly date) => "周" + "日一二三四五六"[(int)date.DayOfWeek];

    /// <summary>An iCalendar feed: one all-day event per reception day for the next twelve months.</summary>
    public static string Calendar(SiteModel site, Station station)
    {
        var text = new StringBuilder();
        text.Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//rd-site//stations//ZH\r\nCALSCALE:GREGORIAN\r\n");
        text.Append($"X-WR-CALNAME:{Escape(station.Name)}接待日\r\n");
        foreach (var day in NextReceptionDays(station, site.Now, station.ReceptionDays.Count * 12))
        {
            var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            text.Append("BEGIN:VEVENT\r\n");
            text.Append($"UID:{station.Id.Value}-{date}@{new Uri(site.Config.BaseUrl).Host}\r\n");
            text.Append($"DTSTAMP:{date}T000000Z\r\n");
            text.Append($"DTSTART;VALUE=DATE:{date}\r\n");
            text.Append($"DTEND;VALUE=DATE:{day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}\r\n");
            text.Append($"SUMMARY:{Escape(station.Name)}代表接待日\r\n");
            if (station.Address is not null)
            {
                text.Append($"LOCATION:{Escape(station.Address)}\r\n");
            }

            text.Append($"URL:{site.Config.AbsoluteUrl(station.Url)}\r\n");
            text.Append("END:VEVENT\r\n");
        }

        text.Append("END:VCALENDAR\r\n");
        return text.ToString();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace(",", "\\,").Replace(";", "\\;");

    /// <summary>The station's region and every region above it up to the township, by name: 某某村 某某镇.</summary>
    private static string Places(SiteModel site, Station station) =>
        string.Join(' ', site.RegionAndAbove(station.Region).TakeWhile(r => r.Level != "county").Select(r => r.Name));
}
