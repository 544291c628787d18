using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>Stations by id, and in region order (then by kind and id) as lists show them.</summary>
public static class StationLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        model.StationsById = site.Stations.ToDictionary(s => s.Id);
        model.Stations = site.Stations.OrderBy(s => s.Region?.Value, StringComparer.Ordinal).ThenBy(s => s.Kind).ThenBy(s => s.Id.Value, StringComparer.Ordinal).ToList();
    }
}
