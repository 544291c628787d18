using Site.Generator.Model;
using Site.Generator.Rendering.Pages;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per region page (county, town/street, village/community): its names, level, code, the regions above it and the stations in it.</summary>
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
        return site.Regions.Values.OrderBy(r => r.Code.Value, StringComparer.Ordinal).Select(region => new SearchDocument(
            SiteRoutes.Region(region.Code),
            RegionVocabulary.PlaceName(region.Name),
            SearchDocuments.Join(
                $"{RegionVocabulary.LevelLabel(region.Level)} {string.Join(' ', site.RegionAndAbove(region.Parent).Select(r => r.Name))}",
                region.Name,
                people.StationsIn(region) is { Count: > 0 } stations ? "家站点：" + string.Join("、", stations.Select(s => s.Name)) : null,
                $"人大代表 {people.DeputiesIn(region).Count} 名"),
            SearchTypes.Region,
            SearchDocuments.Township(site, region.Code),
            Keywords: region.Code.Value));
    }
}
