using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>Each deputy's duty records (履职记录), newest first.</summary>
public static class DutyLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics) =>
        model.DutiesByDeputy = site.Duties.OrderByDescending(d => d.Date).ToLookup(d => d.Deputy);
}
