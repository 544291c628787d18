using System.Text;
using Site.Generator.Linking;
using Site.Generator.Model;
using Site.Generator.Validation;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>人大代表: rosters (all, by level, group, region) in stroke order, each deputy's 一人一档 page (with its QR code), whose first block prints as the 三亮 card.</summary>
public static class DeputyPages
{
    public const int RosterPageSize = 200;

    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        var levels = site.ServingDeputies.SelectMany(d => d.Levels).Distinct().Order().ToList();
        var groups = site.ServingDeputies.Where(d => d.Group is not null).Select(d => d.Group!).Distinct().Order(StringComparer.Ordinal).ToList();
        var regions = site.ServingDeputies.Where(d => d.Region is not null).Select(d => d.Region!.Value).Distinct()
            .OrderBy(r => r.Value, StringComparer.Ordinal).ToList();
        var levelLinks = levels.Select(l => new LinkCard($"{DeputyVocabulary.LevelLabels[l]}级人大代表", LevelUrl(l))).ToList();
        var groupLinks = groups.Select(g => new LinkCard(g, SiteRoutes.DeputyGroup(g))).ToList();
        // The region filter leads to the region pages (a town's deputies with its villages', its
        // stations beside them), and names every town, those without a deputy of their own too.
        var regionLinks = regions.Where(r => !site.Regions.ContainsKey(r))
            .Select(r => new LinkCard(r.Value, SiteRoutes.DeputyRegion(r)))
            .Concat(site.Regions.Values
                .Where(r => regions.Contains(r.Code) || r.Level == "town")
                .OrderBy(r => r.Code.Value, StringComparer.Ordinal)
                .Select(r => new LinkCard(RegionPeople.Label(site, r), SiteRoutes.Region(r.Code))))
            // A 代表组 that is not a township (开发区代表组: the zone has no division code, so its deputies
            // carry the county's) is still an area a citizen looks for: its group's roster is its chip.
            .Concat(Linking.Kinds.DeputyLinks.OutsideTownships(site, site.ServingDeputies)
                .Where(d => d.Group is not null).Select(d => d.Group!).Distinct().Order(StringComparer.Ordinal)
                .Select(g => new LinkCard(AreaName(g), SiteRoutes.DeputyGroup(g))))
            .ToList();

        // site.Deputies is in the site's order; a list with its own (roster: lists:) is sorted again.
        var siteOrder = DeputyRosterOrder.For(site.Config);
        IReadOnlyList<Deputy> InOrder(IReadOnlyList<Deputy> deputies, params ReadOnlySpan<string> names) =>
            DeputyRosterOrder.ForList(site.Config, names) is var order && order.ShorterFirst != siteOrder.ShorterFirst
                ? deputies.Order(order).ToList()
                : deputies;

        // A list whose deputies have all left (离任) keeps its page, saying it has no serving deputy and
        // naming those who left (their records stay): a shared or bookmarked link never ends in 404.
        // Linking/Kinds/DeputyLinks warns about it; the filter chips above lead only to serving deputies.
        IEnumerable<Deputy> Departed(Func<Deputy, bool> inList) => site.Deputies.Count == site.ServingDeputies.Count
            ? []
            : site.Deputies.Where(d => inList(d) && d.HasLeftBy(site.Today)).OrderByDescending(d => d.TermEnded);

        IEnumerable<PageJob> Roster(string baseUrl, string heading, string? intro, IReadOnlyList<Deputy> deputies, Func<Deputy, bool> inList, params Crumb[] crumbs)
        {
            IReadOnlyList<LinkCard> departed = deputies.Count == 0
                ? Departed(inList).Select(d => new LinkCard(d.Name, d.Url, d.TermEnded is { } ended ? $"{PageContext.ChineseDate(ended)}离任" : null)).ToList()
                : [];
            var pageCount = Math.Max(1, (deputies.Count + RosterPageSize - 1) / RosterPageSize);
            for (var page = 1; page <= pageCount; page++)
            {
                var number = page;
                var url = PageContext.PageUrl(baseUrl, page);
                yield return PageJob.For<DeputyListTemplate, DeputyListPage>(url, () =>
                {
                    var rows = deputies.Skip((number - 1) * RosterPageSize).Take(RosterPageSize).Select(d => Row(context, d)).ToList();
                    return new DeputyListPage(
                        PageContext.Meta(number == 1 ? heading : $"{heading}（第{number}页）", intro ?? heading, url, "deputies", crumbs),
                        heading,
                        intro,
                        rows,
                        levelLinks,
                        groupLinks,
                        regionLinks,
                        new Pager(number, pageCount, number > 1 ? PageContext.PageUrl(baseUrl, number - 1) : null, number < pageCount ? PageContext.PageUrl(baseUrl, number + 1) : null))
                    {
                        Departed = departed,
                        FilterFold = FilterFolding.Map(rows.Select(r => r.Name)),
                    };
                });
            }
        }

        foreach (var job in Roster(SiteRoutes.Deputies, "人大代表", "按姓氏笔画排序。点击姓名查看代表的履职档案。", InOrder(site.ServingDeputies, DeputyRosterLists.All), _ => true, new Crumb("人大代表", null)))
        {
            yield return job;
        }

        // Pages for every list the roster has, serving deputies or not (the links above: serving only).
        foreach (var level in site.Deputies.SelectMany(d => d.Levels).Distinct().Order())
        {
            var label = $"{DeputyVocabulary.LevelLabels[level]}级人大代表";
            var levelName = DeputyVocabulary.LevelLabels[level];
            foreach (var job in Roster(LevelUrl(level), label, null, InOrder(site.ServingDeputies.Where(d => d.Levels.Contains(level)).ToList(), label, levelName + "级", levelName), d => d.Levels.Contains(level), new Crumb("人大代表", SiteRoutes.Deputies), new Crumb(label, null)))
            {
                yield return job;
            }
        }

        // One pass over the roster for each grouping (a lookup keeps the stroke order within a group),
        // not one pass per group or region: a province has hundreds of each and 100,000 deputies.
        var byGroup = site.ServingDeputies.Where(d => d.Group is not null).ToLookup(d => d.Group!, StringComparer.Ordinal);
        var byRegion = site.ServingDeputies.Where(d => d.Region is not null).ToLookup(d => d.Region!.Value);
        foreach (var group in site.Deputies.Count == site.ServingDeputies.Count ? groups
            : site.Deputies.Where(d => d.Group is not null).Select(d => d.Group!).Distinct().Order(StringComparer.Ordinal).ToList())
        {
            foreach (var job in Roster(SiteRoutes.DeputyGroup(group), group, null, InOrder(byGroup[group].ToList(), group), d => d.Group == group, new Crumb("人大代表", SiteRoutes.Deputies), new Crumb(group, null)))
            {
                yield return job;
            }
        }

        foreach (var region in site.Deputies.Count == site.ServingDeputies.Count ? regions
            : site.Deputies.Where(d => d.Region is not null).Select(d => d.Region!.Value).Distinct().OrderBy(r => r.Value, StringComparer.Ordinal).ToList())
        {
            var name = site.RegionLabel(region) is { Length: > 0 } n ? n : region.Value;
            foreach (var job in Roster(SiteRoutes.DeputyRegion(region), $"{name}的人大代表", null, InOrder(byRegion[region].ToList(), name, region.Value, site.RegionName(region), $"{name}的人大代表"), d => d.Region == region, new Crumb("人大代表", SiteRoutes.Deputies), new Crumb(name, null)))
            {
                yield return job;
            }
        }

        foreach (var deputy in site.Deputies)
        {
            // The 三亮 card is the profile's first block, printed alone when the page is opened at
            // #card (theme/assets/site.css): no card file per deputy, which a province-wide roster
            // paid for in file-system time (nearly half of its files).
            yield return PageJob.For<DeputyTemplate, DeputyPage>(deputy.Url, () => Page(context, deputy));
            // The code as a picture: WeChat shares and shows no SVG, and a phone prints a PNG as it is.
            yield return PageJob.File(SiteRoutes.DeputyQrPng(deputy.Id), () => context.QrPng(QrTarget(deputy)));
            // The vector code for print shops, a file of its own (WeChat's browser blocks data: downloads),
            // captioned: a code taped to a wall says whose it is and what scanning does.
            yield return PageJob.File(SiteRoutes.DeputyQrSvg(deputy.Id), () => Encoding.UTF8.GetBytes(context.QrSvg(QrTarget(deputy), $"{deputy.Name}代表", "扫码给代表留言")));
        }
    }

    public static string LevelUrl(DeputyLevel level) => SiteRoutes.DeputyLevel(level);

    /// <summary>
    /// Where a deputy's QR code (page, qr.png, qr.svg, the 三亮 card) takes a phone: the page's message block
    /// (<c>/deputies/D0001/#message</c>, which every deputy's page has: the form, or for a deputy who has left the
    /// way to the station's serving deputies), as the caption "扫码给代表留言" promises and as a station's poster does.
    /// </summary>
    public static string QrTarget(Deputy deputy) => deputy.Url + "#" + StationPosterPages.MessageAnchor;

    /// <summary>开发区代表组 → 开发区: a group named as the area it stands for (a name that is only 代表组 stays whole).</summary>
    public static string AreaName(string group)
    {
        foreach (var suffix in (string[])["代表小组", "代表组", "代表团"])
        {
            if (group.Length > suffix.Length && group.EndsWith(suffix, StringComparison.Ordinal))
            {
                return group[..^suffix.Length];
            }
        }

        return group;
    }

    private static DeputyRow Row(PageContext context, Deputy deputy)
    {
        var site = context.Site;
        var station = deputy.Station is { } id && site.StationsById.TryGetValue(id, out var s) ? s : null;
        return new DeputyRow(deputy.Name, deputy.Url, deputy.Gender ?? "", string.Join("、", deputy.Levels.Select(l => DeputyVocabulary.LevelLabels[l])), deputy.Title, deputy.Group, station?.Name, station?.Url,
            Indexing.NamePinyin.Keywords(deputy.Name), context.Photos.For(deputy.Id));
    }

    private static List<Fact> Facts(SiteModel site, Deputy deputy)
    {
        var facts = new List<Fact>();
        void Add(string label, string? value, string? url = null)
        {
            if (!string.IsNullOrEmpty(value))
            {
                facts.Add(new Fact(label, value, url));
            }
        }

        Add("性别", deputy.Gender);
        Add("民族", deputy.Ethnicity);
        Add("出生年月", deputy.Birth);
        Add("代表层级", string.Join("、", deputy.Levels.Select(l => DeputyVocabulary.LevelLabels[l] + "级")));
        Add("届次", deputy.Term);
        Add("选区", deputy.Constituency);
        Add("代表组", deputy.Group);
        Add("界别", deputy.Sector);
        Add("政治面貌", deputy.Party);
        if (deputy.Station is { } id && site.StationsById.TryGetValue(id, out var station))
        {
            Add("所在家站点", station.Name, station.Url);
        }

        return facts;
    }

    public static SuggestionRow SuggestionRow(SiteModel site, Suggestion s) => new(
        s.Anchor,
        s.Url,
        s.Number,
        s.Title,
        s.Session,
        SuggestionVocabulary.StatusLabel(s.Status),
        SuggestionVocabulary.StatusLabel(s.Status),
        s.Unit,
        s.Key,
        s.Result,
        site.Config.ResultClasses.FirstOrDefault(r => r.Code == s.Result)?.Label,
        s.Satisfaction,
        SuggestionPages.DeputyLinks(site, s));

    private static DeputyPage Page(PageContext context, Deputy deputy)
    {
        var site = context.Site;
        var station = deputy.Station is { } id && site.StationsById.TryGetValue(id, out var s) ? new LinkCard(s.Name, s.Url) : null;

        // The code is drawn inline; the same code is published beside the page as qr.png and qr.svg.
        var qr = context.QrSvg(QrTarget(deputy));
        return new DeputyPage(
            new PageMeta(deputy.Name, $"{deputy.Name}，{deputy.Term}人大代表{(deputy.Title is null ? "" : "，" + deputy.Title)}", deputy.Url, "deputies",
                [new Crumb("人大代表", SiteRoutes.Deputies), new Crumb(deputy.Name, null)], OgType: "profile"),
            deputy.Name,
            deputy.Title,
            Facts(site, deputy),
            deputy.Bio,
            deputy.Pledge,
            qr,
            SiteRoutes.DeputyQrSvg(deputy.Id),
            station,
            site.DutiesByDeputy[deputy.Id].Select(d => new DutyView(
                PageContext.ChineseDate(d.Date), PageContext.IsoDate(d.Date), d.Kind, d.Title, d.Place, d.Summary, d.Evaluation)).ToList(),
            site.SuggestionsByDeputy[deputy.Id].Select(x => SuggestionRow(site, x)).ToList(),
            context.Cards(site.StoriesByDeputy[deputy.Id]),
            context.Photos.For(deputy.Id),
            FigureRows(site, deputy.Id),
            site.Linked<ReportBackIndex>().ByDeputy[deputy.Id].Select(ReportView).ToList(),
            DutyFigures.Columns.Select(c => c.Label).ToList(),
            SiteRoutes.DutyFigures)
        {
            Messages = MessagePages.DeputyBox(site, deputy),
            QrPng = SiteRoutes.DeputyQrPng(deputy.Id),
            // The same rule as the message form (MessagePages.DeputyBox): left as of the build's day.
            Departed = deputy.HasLeftBy(site.Today) && deputy.TermEnded is { } ended ? PageContext.ChineseDate(ended) : null,
            Congress = site.Config.CongressName,
            SiteName = site.Config.Title,
            SiteAddress = StationPosterPages.SiteAddress(site.Config.BaseUrl),
        };
    }

    /// <summary>The deputy's figures per year, newest first, with the total over the years when there are several.</summary>
    private static List<DutyFigureRow> FigureRows(SiteModel site, DeputyId id)
    {
        var years = DutyFigures.Years(site, id);
        var rows = years.Select(y => new DutyFigureRow($"{y}年", DutyFigures.Count(site, id, y))).ToList();
        if (years.Count > 1)
        {
            rows.Add(new DutyFigureRow("合计", DutyFigures.Total(site, id)));
        }

        return rows;
    }

    /// <summary>A 述职评议 as pages show it: the counts and the rate in words.</summary>
    public static ReportBackView ReportView(ReportBack report)
    {
        var parts = new List<string>();
        if (report.Appraised is not null)
        {
            // No-break spaces: a count never parts from its 票 at the end of a line.
            parts.Add($"满意\u00a0{report.Satisfied ?? 0}\u00a0票，基本满意\u00a0{report.FairlySatisfied ?? 0}\u00a0票，不满意\u00a0{report.Dissatisfied ?? 0}\u00a0票");
        }

        if (report.SatisfactionRate is { } rate)
        {
            parts.Add($"满意率\u00a0{rate.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%");
        }

        if (report.Rating is not null)
        {
            parts.Add($"评议结果：{report.Rating}");
        }

        return new ReportBackView(PageContext.ChineseDate(report.Date), PageContext.IsoDate(report.Date), report.Place, report.Voters,
            parts.Count == 0 ? null : string.Join("；", parts), report.Summary);
    }
}
