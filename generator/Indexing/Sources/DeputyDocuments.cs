using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Search;

namespace Site.Generator.Indexing.Sources;

/// <summary>One document per deputy (代表): levels, office, group, station, duties; found by name, pinyin and id.</summary>
public static class DeputyDocuments
{
    public static IEnumerable<SearchDocument> From(SearchSourceContext context)
    {
        var places = new PlaceKeywords(context.Site);
        return context.Site.Deputies.Select(deputy => Deputy(context.Site, deputy) is var document
            ? document with { Keywords = places.With(document.Keywords, deputy.Region ?? StationRegion(context.Site, deputy)) }
            : document);
    }

    private static RegionCode? StationRegion(SiteModel site, Deputy deputy) =>
        deputy.Station is { } id ? site.StationsById.GetValueOrDefault(id)?.Region : null;

    private static SearchDocument Deputy(SiteModel site, Deputy deputy)
    {
        var station = deputy.Station is { } id ? site.StationsById.GetValueOrDefault(id) : null;
        // Each level in full (县级人大代表、乡镇级人大代表, not 县级、乡镇级人大代表), so that the text 县级人大代表
        // is on the page of every county deputy, as the search's level reading of it lists them.
        var levels = deputy.Levels.Count == 0 ? "人大代表" : string.Join("、", deputy.Levels.Select(l => DeputyVocabulary.LevelLabels[l] + "级人大代表"));
        var duties = site.DutiesByDeputy[deputy.Id].Select(d => $"{d.Kind}：{d.Title}");
        return new SearchDocument(
            deputy.Url,
            deputy.Name,
            SearchDocuments.Join(
                levels,
                deputy.Title,
                deputy.Group,
                deputy.Constituency is null ? null : "选区：" + deputy.Constituency,
                station is null ? null : "所在联络站：" + station.Name,
                deputy.Bio,
                deputy.Pledge,
                string.Join("\n", duties)),
            SearchTypes.Deputy,
            SearchDocuments.Township(site, deputy.Region) ?? SearchDocuments.Township(site, station?.Region),
            string.Join(' ', deputy.Levels.Select(l => l.ToString().ToLowerInvariant())),
            Keywords: NamePinyin.Keywords(deputy.Name) is { } pinyin ? $"{deputy.Id.Value} {pinyin}" : deputy.Id.Value);
    }
}
