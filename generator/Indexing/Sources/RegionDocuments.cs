using Site.Generator.Model;
using Site.Generator.Rendering.Pages;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>
/// One document per region page of a town (or larger place): its names, level, code, the regions
/// above it and, for one with no station in or below it (茶恩寺镇), the stations its page sends
/// people to. Not its count of deputies: with every town's page indexed, "人大代表 12 名" in ten short
/// bodies put the region pages above the deputies for 人大代表. Searching a township's name lists its stations first and this page right after
/// (<c>SearchIndex</c>); a village is found through its town's stations and deputies, whose
/// documents carry its name (the places keywords of search), so those stay the first hits for it.
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
            .Where(region => region.Level != "village")
            .OrderBy(r => r.Code.Value, StringComparer.Ordinal)
            .Select(region => new SearchDocument(
                SiteRoutes.Region(region.Code),
                RegionPeople.Label(site, region),
                SearchDocuments.Join(
                    $"{RegionVocabulary.LevelLabel(region.Level)} {string.Join(' ', site.RegionAndAbove(region.Parent).Select(r => r.Name))}",
                    region.Name,
                    people.StationsIn(region).Count == 0 && people.Nearby(region) is { Region: { } nearby } sent
                        ? $"本地暂无家站点，可到{RegionPeople.Label(site, nearby)}的家站点：{string.Join("、", sent.Stations.Select(s => s.Name))}"
                        : null),
                SearchTypes.Region,
                SearchDocuments.Township(site, region.Code),
                Keywords: region.Code.Value));
    }
}
