using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>Regions by code, and each region's direct sub-regions (a town's villages) in code order.</summary>
public static class RegionLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        var regions = site.Regions.ToDictionary(r => r.Code);
        model.Regions = regions;
        model.RegionChildren = site.Regions.Where(r => r.Parent is { } p && regions.ContainsKey(p))
            .OrderBy(r => r.Code.Value, StringComparer.Ordinal).ToLookup(r => r.Parent!.Value);
    }
}
