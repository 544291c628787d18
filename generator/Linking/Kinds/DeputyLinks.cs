using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>Deputies by id, in official roster order, and by the station they are received at.</summary>
public static class DeputyLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        var ordered = site.Deputies.OrderBy(d => d, DeputyRosterOrder.For(site.Config)).ToList();
        model.DeputiesById = site.Deputies.ToDictionary(d => d.Id);
        model.Deputies = ordered;
        model.DeputiesByStation = ordered.Where(d => d.Station is not null).ToLookup(d => d.Station!.Value);
    }
}
