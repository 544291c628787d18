using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Theme.Templates;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// 地区: a page per region at every level of input/regions/ (county, town/street,
/// village/community) at /regions/&lt;code&gt;/, listing the stations and deputies in it and below
/// it, grouped by sub-region; a region without a station points to the nearest larger region's.
/// </summary>
public static class RegionPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        if (site.Regions.Count == 0)
        {
            yield break;
        }

        var places = new RegionPeople(site);
        foreach (var region in site.Regions.Values.OrderBy(r => r.Code.Value, StringComparer.Ordinal))
        {
            yield return PageJob.For<RegionTemplate, RegionPage>(SiteRoutes.Region(region.Code), () => Page(site, places, region));
        }
    }

    private static RegionPage Page(SiteModel site, RegionPeople places, Region region)
    {
        var name = RegionPeople.Label(site, region);
        var stations = places.StationsIn(region);
        var deputies = places.DeputiesIn(region);
        var children = site.RegionChildren[region.Code].ToList();

        var totals = new List<Figure>
        {
            new("家站点", $"{stations.Count} 个", null),
            new("人大代表", $"{deputies.Count} 名", null),
        };
        if (children.Count > 0)
        {
            totals.Add(new Figure($"下辖{RegionVocabulary.LevelLabel(children[0].Level)}", $"{children.Count} 个", null));
        }

        var parts = new List<RegionPart>();
        var own = (Stations: places.StationsAt(region.Code), Deputies: places.DeputiesAt(region.Code));
        if (own.Stations.Count + own.Deputies.Count > 0)
        {
            parts.Add(new RegionPart(children.Count == 0 ? name : $"{name}本级", "own", null, own.Stations.Select(StationCard).ToList(), own.Deputies.Select(DeputyCard).ToList()));
        }

        var table = new List<RegionCountRow>();
        foreach (var child in children)
        {
            var childStations = places.StationsIn(child);
            var childDeputies = places.DeputiesIn(child);
            var childName = RegionPeople.Label(site, child);
            table.Add(new RegionCountRow(childName, SiteRoutes.Region(child.Code), site.RegionChildren[child.Code].Count(), childStations.Count, childDeputies.Count));
            if (childStations.Count + childDeputies.Count > 0)
            {
                parts.Add(new RegionPart(childName, "r" + child.Code.Value, SiteRoutes.Region(child.Code), childStations.Select(StationCard).ToList(), childDeputies.Select(DeputyCard).ToList()));
            }
        }

        if (children.Count > 0 && own.Stations.Count + own.Deputies.Count > 0)
        {
            table.Insert(0, new RegionCountRow($"{name}本级", null, 0, own.Stations.Count, own.Deputies.Count));
        }

        var (nearbyStations, nearbyRegion) = stations.Count > 0 ? ([], null) : places.Nearby(region);
        var nearby = nearbyStations.Select(StationCard).ToList();
        var crumbs = site.RegionAndAbove(region.Code).Reverse()
            .Select(r => new Crumb(RegionVocabulary.PlaceName(r.Name), r.Code == region.Code ? null : SiteRoutes.Region(r.Code)))
            .Prepend(new Crumb("家站点", SiteRoutes.Stations))
            .ToArray();
        var description = $"{name}（{RegionVocabulary.LevelLabel(region.Level)}，区划代码 {region.Code.Value}）的代表家站点 {stations.Count} 个、人大代表 {deputies.Count} 名";
        return new RegionPage(
            PageContext.Meta(name, description, SiteRoutes.Region(region.Code), "stations", crumbs),
            name,
            region.Name,
            region.Code.Value,
            RegionVocabulary.LevelLabel(region.Level),
            totals,
            parts,
            table,
            nearby,
            nearbyRegion is null ? null : new LinkCard(RegionVocabulary.PlaceName(nearbyRegion.Name), SiteRoutes.Region(nearbyRegion.Code)));
    }

    private static LinkCard StationCard(Station station) =>
        new(station.Name, station.Url, station.Address is null ? StationVocabulary.KindLabel(station) : $"{StationVocabulary.KindLabel(station)} · {station.Address}");

    private static LinkCard DeputyCard(Deputy deputy) => new(deputy.Name, deputy.Url);
}

/// <summary>
/// Who is where: stations and deputies by region, and in a region with everything below it
/// (in station order and roster order). Records whose region is not in input/regions/ are on
/// no region page (the linker has already reported an unknown code).
/// </summary>
public sealed class RegionPeople(SiteModel site)
{
    private readonly ILookup<RegionCode, Station> stationsAt = site.Stations.Where(s => s.Region is not null).ToLookup(s => s.Region!.Value);

    private readonly ILookup<RegionCode, Deputy> deputiesAt = site.ServingDeputies.Where(d => d.Region is not null).ToLookup(d => d.Region!.Value);

    /// <summary>A region as pages name it: 烟塘村 for 烟塘村委会, and a shared name told apart by the place above it (龙潭镇（溆浦县）).</summary>
    public static string Label(SiteModel site, Region region)
    {
        var label = site.RegionLabel(region.Code);
        var name = RegionVocabulary.PlaceName(region.Name);
        return label.StartsWith(region.Name, StringComparison.Ordinal) ? name + label[region.Name.Length..] : name;
    }

    public IReadOnlyList<Station> StationsAt(RegionCode code) => stationsAt[code].ToList();

    public IReadOnlyList<Deputy> DeputiesAt(RegionCode code) => deputiesAt[code].ToList();

    /// <summary>The stations of a region and of every region below it.</summary>
    public IReadOnlyList<Station> StationsIn(Region region) => site.RegionAndBelow(region).SelectMany(r => stationsAt[r.Code]).ToList();

    /// <summary>
    /// Where to go from a region with no station in or below it: the nearest larger region with
    /// stations (a village's town); for a town with none, the county's own stations (all of the
    /// county's would be every station of the site). Empty when no region above has any.
    /// </summary>
    public (IReadOnlyList<Station> Stations, Region? Region) Nearby(Region region)
    {
        foreach (var above in site.RegionAndAbove(region.Code).Skip(1))
        {
            var stations = above.Parent is { } p && site.Regions.ContainsKey(p) ? StationsIn(above) : StationsAt(above.Code);
            if (stations.Count > 0)
            {
                return (stations, above);
            }
        }

        return ([], null);
    }

    /// <summary>The deputies of a region and of every region below it, in roster order.</summary>
    public IReadOnlyList<Deputy> DeputiesIn(Region region) =>
        site.RegionAndBelow(region).SelectMany(r => deputiesAt[r.Code]).OrderBy(d => rosterOrder[d.Id]).ToList();

    private readonly Dictionary<DeputyId, int> rosterOrder = site.Deputies.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
}
