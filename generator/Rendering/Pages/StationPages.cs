using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
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
        yield return PageJob.For<StationListTemplate, StationListPage>(SiteRoutes.Stations, () => List(site));

        foreach (var station in site.Stations)
        {
            yield return PageJob.For<StationTemplate, StationPage>(station.Url, () => Page(context, station));
            if (station.Reception is not null)
            {
                yield return PageJob.File(SiteRoutes.StationCalendar(station.Id), () => Encoding.UTF8.GetBytes(Calendar(station, new Uri(site.Config.AbsoluteUrl(station.Url)), site.Now)));
            }
        }
    }

    /// <summary>The next reception days from the build date (Beijing time), at most <paramref name="count"/>.</summary>
    public static IReadOnlyList<DateOnly> NextReceptionDays(Station station, DateTimeOffset now, int count) =>
        station.Reception?.Next(Today(now), count) ?? [];

    private static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);

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

        if (station.Region is { } code && site.Regions.ContainsKey(code))
        {
            facts.Add(new Fact("所在地区", string.Join(" ", site.RegionAndAbove(code).Reverse().Skip(1).Select(r => RegionVocabulary.PlaceName(r.Name))) is { Length: > 0 } path ? path : RegionVocabulary.PlaceName(site.RegionName(code)), SiteRoutes.Region(code)));
        }

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
            station.Reception is { } rule ? new ReceptionView(rule.Words(), ReceptionScript(rule), SiteRoutes.StationCalendar(station.Id)) : null,
            deputies.Select(d => new LinkCard(d.Name, d.Url)).ToList(),
            station.Figures.Select(f => new StationFigureRow(f.Year, f.Received, f.Collected, f.Resolved)).ToList(),
            station.Intro,
            context.Cards(site.StoriesByStation[station.Id]))
        {
            Messages = new MessageBox(new MessageFormView("stations", station.Id.Value, station.Name), MessagePages.MessagesUrl("stations", station.Id.Value)),
            Departed = site.DepartedByStation[station.Id].Select(d => new LinkCard(d.Name, d.Url, $"{PageContext.ChineseDate(d.TermEnded!.Value)}离任")).ToList(),
        };
    }

    /// <summary>The rule for the page's script (<see cref="ReceptionView.Script"/>).</summary>
    public static string ReceptionScript(ReceptionRule rule)
    {
        // Built as JSON nodes (no reflection), in this order: k, then d, n or w, then s and e.
        var json = new JsonObject();
        switch (rule.Kind)
        {
            case ReceptionKind.MonthDays:
                json["k"] = "monthdays";
                json["d"] = new JsonArray([.. rule.MonthDays.Select(d => (JsonNode)d)]);
                break;
            case ReceptionKind.NthWeekday:
                json["k"] = "nth";
                json["n"] = rule.Nth;
                json["w"] = (int)rule.Weekdays[0];
                break;
            case ReceptionKind.Weekly:
                json["k"] = "weekly";
                json["w"] = new JsonArray([.. rule.Weekdays.Select(d => (JsonNode)(int)d)]);
                break;
            default:
                json["k"] = "dates";
                json["d"] = new JsonArray([.. rule.Dates.Select(d => (JsonNode)d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))]);
                break;
        }

        if (rule.Start is { } start)
        {
            json["s"] = ReceptionRule.Clock(start);
        }

        if (rule.End is { } end)
        {
            json["e"] = ReceptionRule.Clock(end);
        }

        return json.ToJsonString();
    }

    /// <summary>
    /// An iCalendar feed (RFC 5545, written by Ical.Net): one recurring event for the rule from
    /// its first date on or after the build date, with its hours in Beijing time (a whole day
    /// when the rule has none), so calendars keep showing the days without a rebuild; explicit
    /// dates are an event each.
    /// </summary>
    /// <param name="page">The station page's absolute URL: the events' URL, and its host their UID's domain.</param>
    /// <param name="now">The build's clock: the first event is on or after its Beijing date.</param>
    public static string Calendar(Station station, Uri page, DateTimeOffset now)
    {
        const string Zone = "Asia/Shanghai";
        var rule = station.Reception ?? throw new InvalidOperationException($"Station {station.Id} has no reception rule.");
        var calendar = new Ical.Net.Calendar { ProductId = "-//rd-site//stations//ZH" };
        calendar.AddProperty("X-WR-CALNAME", station.Name + "接待日");
        calendar.AddProperty("X-WR-TIMEZONE", Zone);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(Zone));
        var host = page.Host;
        var stamp = new CalDateTime(now.UtcDateTime.Date, "UTC");
        CalendarEvent Event(DateOnly day, string uid)
        {
            var calendarEvent = new CalendarEvent
            {
                Uid = uid,
                DtStamp = stamp,
                Summary = $"{station.Name}代表接待日",
                Location = station.Address,
                Url = page,
                Description = rule.Words(),
            };
            if (rule.Start is { } start)
            {
                calendarEvent.DtStart = new CalDateTime(day, start, Zone);
                calendarEvent.DtEnd = new CalDateTime(day, rule.End ?? start.AddHours(1), Zone);
            }
            else
            {
                calendarEvent.DtStart = new CalDateTime(day);
                calendarEvent.DtEnd = new CalDateTime(day.AddDays(1));
            }

            return calendarEvent;
        }

        var today = Today(now);
        if (rule.Kind == ReceptionKind.Dates)
        {
            foreach (var day in rule.Dates)
            {
                calendar.Events.Add(Event(day, $"{station.Id.Value}-{day:yyyyMMdd}@{host}"));
            }
        }
        else if (rule.Next(today, 1) is [var first])
        {
            var recurring = Event(first, $"{station.Id.Value}-reception@{host}");
            recurring.RecurrenceRule = Recurrence(rule);
            calendar.Events.Add(recurring);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>The rule as an iCalendar RRULE.</summary>
    public static RecurrencePattern Recurrence(ReceptionRule rule)
    {
        var pattern = new RecurrencePattern(rule.Kind == ReceptionKind.Weekly ? FrequencyType.Weekly : FrequencyType.Monthly);
        switch (rule.Kind)
        {
            case ReceptionKind.MonthDays:
                pattern.ByMonthDay = rule.MonthDays.ToList();
                break;
            case ReceptionKind.NthWeekday:
                pattern.ByDay = [new WeekDay(rule.Weekdays[0], rule.Nth)];
                break;
            case ReceptionKind.Weekly:
                pattern.ByDay = rule.Weekdays.Select(d => new WeekDay(d)).ToList();
                break;
        }

        return pattern;
    }

    /// <summary>
    /// The list grouped by township, with a finder that answers to every place name: a station
    /// to its region and those above it, and to the regions without a station that its region
    /// page sends people to (烟塘村 finds 易俗河镇's stations); every town and village is an entry
    /// of its own, leading to its region page.
    /// </summary>
    private static StationListPage List(SiteModel site)
    {
        var people = new RegionPeople(site);
        var sentHere = new Dictionary<StationId, List<string>>();
        var places = new List<PlaceRow>();
        foreach (var region in site.Regions.Values.Where(r => r.Parent is { } p && site.Regions.ContainsKey(p)).OrderBy(r => r.Code.Value, StringComparer.Ordinal))
        {
            var name = RegionVocabulary.PlaceName(region.Name);
            var above = site.RegionAndAbove(region.Parent).TakeWhile(r => r.Parent is { } p && site.Regions.ContainsKey(p)).Select(r => RegionVocabulary.PlaceName(r.Name)).ToList();
            var stations = people.StationsIn(region);
            string note;
            if (stations.Count > 0)
            {
                note = $"家站点 {stations.Count} 个";
            }
            else if (people.Nearby(region) is { Region: { } nearby } sent)
            {
                foreach (var station in sent.Stations)
                {
                    (sentHere.TryGetValue(station.Id, out var names) ? names : sentHere[station.Id] = []).Add(name);
                }

                note = $"暂无家站点，可到{RegionVocabulary.PlaceName(nearby.Name)}的 {sent.Stations.Count} 个家站点";
            }
            else
            {
                note = "暂无家站点";
            }

            places.Add(new PlaceRow(
                above.Count == 0 ? name : $"{name}（{string.Join("", above.AsEnumerable().Reverse())}）",
                SiteRoutes.Region(region.Code),
                string.Join(' ', above.Prepend(region.Name).Prepend(name)),
                note));
        }

        string Places(Station station) => string.Join(' ', site.RegionAndAbove(station.Region).TakeWhile(r => r.Level != "county")
            .SelectMany(r => new[] { r.Name, RegionVocabulary.PlaceName(r.Name) }).Distinct()
            .Concat(sentHere.TryGetValue(station.Id, out var names) ? names : []));

        var top = site.Regions.Values.Where(r => r.Parent is not { } p || !site.Regions.ContainsKey(p)).OrderBy(r => r.Code.Value, StringComparer.Ordinal).FirstOrDefault();
        var groups = site.Stations
                // By the township's code, not its name: two 龙潭镇 are two groups, each labelled with its county.
                .GroupBy(s => site.Township(s.Region)?.Code.Value ?? (site.RegionLabel(s.Region) is { Length: > 0 } n ? n : "其他"))
                .OrderBy(g => site.Township(g.First().Region)?.Code.Value ?? g.First().Region?.Value ?? "", StringComparer.Ordinal)
                .Select((g, i) => new StationGroup(site.Township(g.First().Region) is { } town ? site.RegionLabel(town.Code) : g.Key, $"region-{i + 1}", g.Select(s => new StationRow(s.Name, s.Url, StationVocabulary.KindLabel(s), s.Address, s.Schedule, Places(s))).ToList()))
                .ToList();
        return new StationListPage(
            PageContext.Meta("代表家站点", "代表之家、代表联络站、代表联系点的地址、开放时间和接待安排", SiteRoutes.Stations, "stations", new Crumb("家站点", null)),
            groups,
            places,
            top is null ? null : SiteRoutes.Region(top.Code))
        {
            // The same text the finder matches: each card's data-name.
            FilterFold = FilterFolding.Map(groups.SelectMany(g => g.Stations).SelectMany(s => new[] { s.Name, s.Places, s.Address }).Concat(places.Select(p => p.Names))),
        };
    }
}
