using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>
/// Deputies by id, in official roster order, those serving at the build's date, and by the station they are received at (serving and departed apart); a roster list
/// named in site.yaml's <c>roster: lists:</c> that the site does not have, a roster list whose deputies have all left, and a
/// 履职承诺 naming another station than the deputy's own are warnings.
/// </summary>
public static class DeputyLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        var ordered = site.Deputies.OrderBy(d => d, DeputyRosterOrder.For(site.Config)).ToList();
        model.DeputiesById = site.Deputies.ToDictionary(d => d.Id);
        model.Deputies = ordered;
        model.ServingDeputies = ordered.Where(d => !d.HasLeftBy(model.Today)).ToList();
        model.DeputiesByStation = model.ServingDeputies.Where(d => d.Station is not null).ToLookup(d => d.Station!.Value);
        model.DepartedByStation = ordered.Where(d => d.Station is not null && d.HasLeftBy(model.Today))
            .OrderByDescending(d => d.TermEnded).ToLookup(d => d.Station!.Value);
        CheckRosterLists(model, diagnostics);
        var sources = new Dictionary<DeputyId, DeputySource>();
        foreach (var source in site.Records<DeputySource>())
        {
            sources.TryAdd(source.Id, source);
        }

        CheckServingLists(model, sources, diagnostics);
        CheckPledges(model, sources, diagnostics);
        CheckAreas(model, sources, diagnostics);
    }

    /// <summary>
    /// Serving deputies no township's area filter of /deputies/ finds: the region is the county (or
    /// above) or missing, as for a 代表组 that is not a township (开发区代表组, whose zone has no
    /// division code of its own). Such a group is an area chip of its own (Rendering/Pages/DeputyPages);
    /// a deputy with neither is a warning at the record's 所在地区, so nobody is left out of the filter unsaid.
    /// </summary>
    /// <remarks>A site without input/regions/ has no area filter, so nobody is outside it.</remarks>
    public static IEnumerable<Deputy> OutsideTownships(SiteModel model, IEnumerable<Deputy> deputies) =>
        model.Regions.Count == 0 ? [] : deputies.Where(d => d.Region is not { } code || (model.Regions.ContainsKey(code) && model.Township(code) is null));

    private static void CheckAreas(SiteModel model, Dictionary<DeputyId, DeputySource> sources, DiagnosticBag diagnostics)
    {
        foreach (var deputy in OutsideTownships(model, model.ServingDeputies).Where(d => d.Group is null))
        {
            var source = sources.GetValueOrDefault(deputy.Id);
            var where = deputy.Region is { } code ? $"所在地区是{model.RegionName(code)}（{code.Value}），不在任何乡镇" : "没有写所在地区";
            diagnostics.Warning(DiagnosticCodes.DeputyWithoutArea, source?.Region ?? new SourceLocation("input/deputies"),
                $"{source?.Context}{(source?.Context is null ? "" : " ")}{source?.RegionField ?? "region（所在地区）"}: {deputy.Name}（{deputy.Id.Value}）{where}，也没有代表组：" +
                "“人大代表”页按地区查看时找不到Ta。请写到乡镇（街道）一级的区划代码，或填写代表组");
        }
    }

    /// <summary>
    /// A roster list (every deputy, a level, a 代表组, a region: the lists Rendering/Pages/DeputyPages
    /// publishes) whose deputies have all left: its page is still published, saying it has no serving
    /// deputy (old links and shares keep working), and the office is told, at the latest departure's
    /// 离任日期, since a roster not brought up to date after an election or a regrouping looks like this.
    /// </summary>
    private static void CheckServingLists(SiteModel model, Dictionary<DeputyId, DeputySource> sources, DiagnosticBag diagnostics)
    {
        if (model.Deputies.Count == model.ServingDeputies.Count)
        {
            return;
        }

        void Check(string label, string url, IEnumerable<Deputy> deputies)
        {
            Deputy? latest = null;
            var count = 0;
            foreach (var deputy in deputies)
            {
                if (!deputy.HasLeftBy(model.Today))
                {
                    return;
                }

                count++;
                if (latest is null || deputy.TermEnded > latest.TermEnded)
                {
                    latest = deputy;
                }
            }

            if (latest is null)
            {
                return;
            }

            var source = sources.GetValueOrDefault(latest.Id);
            var ended = latest.TermEnded is { } day ? $"{day.Year}年{day.Month}月{day.Day}日" : "";
            diagnostics.Warning(DiagnosticCodes.NoServingDeputies, source?.TermEnded ?? new SourceLocation("input/deputies"),
                $"{source?.Context}{(source?.Context is null ? "" : " ")}代表名单“{label}”的 {count} 名代表都已离任（最近离任的是{latest.Name}，{ended}）：" +
                $"名单页 {url} 照常发布，写明暂无在任代表；如有新的代表，请补进 input/deputies/ 的名册");
        }

        Check(DeputyRosterLists.All, Vocabulary.SiteRoutes.Deputies, model.Deputies);
        foreach (var level in model.Deputies.SelectMany(d => d.Levels).Distinct().Order())
        {
            Check($"{Vocabulary.DeputyVocabulary.LevelLabels[level]}级人大代表", Vocabulary.SiteRoutes.DeputyLevel(level), model.Deputies.Where(d => d.Levels.Contains(level)));
        }

        foreach (var group in model.Deputies.Where(d => d.Group is not null).GroupBy(d => d.Group!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Check(group.Key, Vocabulary.SiteRoutes.DeputyGroup(group.Key), group);
        }

        foreach (var region in model.Deputies.Where(d => d.Region is not null).GroupBy(d => d.Region!.Value).OrderBy(g => g.Key.Value, StringComparer.Ordinal))
        {
            var name = model.RegionLabel(region.Key) is { Length: > 0 } label ? label : region.Key.Value;
            Check($"{name}的人大代表", Vocabulary.SiteRoutes.DeputyRegion(region.Key), region);
        }
    }

    /// <summary>
    /// A 履职承诺 that names a station by its full name (as input/stations/ spells it) other than the one
    /// the deputy is received at: whoever reads the card goes to the wrong door. Only whole station names
    /// are matched (a name inside a longer one that is also matched does not count), so a loose word such as
    /// 联络站 never warns.
    /// </summary>
    private static void CheckPledges(SiteModel model, Dictionary<DeputyId, DeputySource> sources, DiagnosticBag diagnostics)
    {
        if (model.Stations.Count == 0)
        {
            return;
        }

        var finder = new StationNameFinder(model.Stations);
        foreach (var deputy in model.Deputies)
        {
            if (deputy.Pledge is not { } pledge)
            {
                continue;
            }

            foreach (var named in finder.Find(pledge))
            {
                if (deputy.Station is { } own && named.Any(s => s.Id == own))
                {
                    continue;
                }

                var source = sources.GetValueOrDefault(deputy.Id);
                var station = deputy.Station is { } id && model.StationsById.TryGetValue(id, out var s) ? s : null;
                var belongs = station is null ? "没有写所在联络站" : $"所在的家站点是“{station.Name}”（{station.Id.Value}）";
                diagnostics.Warning(DiagnosticCodes.PledgeNamesOtherStation, source?.Pledge ?? new SourceLocation("input/deputies"),
                    $"{source?.Context}{(source?.Context is null ? "" : " ")}{source?.PledgeField ?? "pledge（履职承诺）"}: {deputy.Name}（{deputy.Id.Value}）的履职承诺写的是“{named[0].Name}”，" +
                    $"但{belongs}；群众会照卡片上的承诺找错地方，请改正承诺或所在联络站");
            }
        }
    }

    /// <summary>Finds stations' full names in a text: for each character that ends a name, the names of each length ending there.</summary>
    private sealed class StationNameFinder
    {
        private readonly Dictionary<string, List<Station>> _byName = new(StringComparer.Ordinal);
        private readonly Dictionary<char, int[]> _lengthsByLastChar = [];

        public StationNameFinder(IEnumerable<Station> stations)
        {
            foreach (var station in stations.Where(s => s.Name.Length >= 2))
            {
                if (!_byName.TryGetValue(station.Name, out var list))
                {
                    _byName[station.Name] = list = [];
                }

                list.Add(station);
            }

            foreach (var last in _byName.Keys.GroupBy(n => n[^1]))
            {
                _lengthsByLastChar[last.Key] = last.Select(n => n.Length).Distinct().OrderDescending().ToArray();
            }
        }

        /// <summary>The stations named in <paramref name="text"/> (each name once), leaving out a name inside a longer one found.</summary>
        public List<List<Station>> Find(string text)
        {
            var found = new List<(int Start, int End, List<Station> Stations)>();
            var lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var end = 1; end <= text.Length; end++)
            {
                if (!_lengthsByLastChar.TryGetValue(text[end - 1], out var lengths))
                {
                    continue;
                }

                foreach (var length in lengths)
                {
                    if (length <= end && lookup.TryGetValue(text.AsSpan(end - length, length), out var stations))
                    {
                        found.Add((end - length, end, stations));
                    }
                }
            }

            return found
                .Where(f => !found.Any(o => o != f && o.Start <= f.Start && o.End >= f.End && o.End - o.Start > f.End - f.Start))
                .Select(f => f.Stations)
                .Distinct()
                .ToList();
        }
    }

    /// <summary>A list named in <c>roster: lists:</c> that the site does not have (a typo, a group renamed) is a warning.</summary>
    private static void CheckRosterLists(SiteModel model, DiagnosticBag diagnostics)
    {
        if (model.Config.RosterLists.Count == 0)
        {
            return;
        }

        var names = DeputyRosterLists.Names(model);
        foreach (var list in model.Config.RosterLists.Where(l => !names.Contains(l.Name)))
        {
            diagnostics.Warning(DiagnosticCodes.UnknownKey, list.Location,
                $"roster.lists: 没有名为「{list.Name}」的代表名单，这里的排序没有用上；可写：{string.Join("、", names.Order(StringComparer.Ordinal).Take(30))}");
        }
    }
}
