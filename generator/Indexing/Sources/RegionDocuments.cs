using Site.Generator.Model;
using Site.Generator.Rendering.Pages;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>
/// One document per region page of a town (or larger place) with no station in or below it
/// (茶恩寺镇): its names, level, code, the regions above it and the stations its page sends people
/// to. A place with a station is found through its stations, and a village through its town's
/// stations and deputies, whose documents carry its name (the places keywords of search), so
/// those stay the first hits for it.
/// </summary>
public static class RegionDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var site = context.Site;
        if (site.Regions.Count == 0)
        {
            return [];
        }

        var people = new RegionPeople(site);
        return site.Regions.Values
            .Where(region => region.Level != "village" && people.StationsIn(region).Count == 0)
            .OrderBy(r => r.Code.Value, StringComparer.Ordinal)
            .Select(region => new SearchDocument(
                SiteRoutes.Region(region.Code),
                RegionPeople.Label(site, region),
                SearchDocuments.Join(
                    $"{RegionVocabulary.LevelLabel(region.Level)} {string.Join(' ', site.RegionAndAbove(region.Parent).Select(r => r.Name))}",
                    region.Name,
                    people.Nearby(region) is { Region: { } nearby } sent
                        ? $"本地暂无家站点，可到{RegionPeople.Label(site, nearby)}的家站点：{string.Join("、", sent.Stations.Select(s => s.Name))}"
                        : null,
                    people.DeputiesIn(region) is { Count: > 0 } deputies ? $"人大代表 {deputies.Count} 名" : null),
                SearchTypes.Region,
                SearchDocuments.Township(site, region.Code),
                Keywords: region.Code.Value));
    }
}
