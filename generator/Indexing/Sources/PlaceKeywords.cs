using Site.Generator.Model;

namespace Site.Generator.Indexing.Sources;

/// <summary>
/// Where a deputy or station is, as search keywords: the name and code of its region and of each
/// region above it (village, township, county), and the villages of its township, so that a person
/// who types their village (烟塘) or its code finds the township's stations and deputies.
/// </summary>
public sealed class PlaceKeywords(SiteModel site)
{
    private readonly ILookup<RegionCode?, Region> _children = site.Regions.Values.ToLookup(r => r.Parent);

    /// <summary><paramref name="keywords"/> followed by the places of <paramref name="code"/>.</summary>
    public string? With(string? keywords, RegionCode? code)
    {
        var above = site.RegionAndAbove(code).ToList();
        if (above.Count == 0)
        {
            return keywords;
        }

        var town = above.FirstOrDefault(r => r.Level == "town");
        var villages = town is null ? [] : _children[town.Code].Where(r => !above.Contains(r));
        return string.Join(' ', above.Concat(villages).SelectMany(r => new[] { r.Name, r.Code.Value }).Prepend(keywords).OfType<string>());
    }
}
