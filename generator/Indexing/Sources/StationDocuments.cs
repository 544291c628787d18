using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per liaison station (家站点): kind, place, hours, its deputies.</summary>
public static class StationDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var places = new PlaceKeywords(context.Site);
        return context.Site.Stations.Select(station => Station(context.Site, station) with { Keywords = places.With(null, station.Region) });
    }

    private static SearchDocument Station(SiteModel site, Station station) => new(
        station.Url,
        station.Name,
        SearchDocuments.Join(
            StationVocabulary.KindLabel(station),
            site.RegionName(station.Region),
            station.Address is null ? null : "地址：" + station.Address,
            station.Hours is null ? null : "开放时间：" + station.Hours,
            station.Schedule is null ? null : "接待日：" + station.Schedule,
            // The page shows who runs the station; people remember the person before the station's name.
            station.Head is null ? null : "负责人：" + station.Head,
            station.Liaison is null ? null : "联络员：" + station.Liaison,
            station.Phone is null ? null : "联系电话：" + station.Phone,
            station.Feature,
            station.Intro,
            string.Join("、", site.DeputiesByStation[station.Id].Select(d => d.Name))),
        SearchTypes.Station,
        // A station of the whole county (县经济开发区流动代表联络站) lies in no township: its area is the
        // county, as its page's 所在地区 and the stations list's 湘潭县 group say.
        SearchDocuments.Township(site, station.Region) ?? (site.RegionName(station.Region) is { Length: > 0 } area ? area : null));
}
