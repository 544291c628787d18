using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>代表述职评议 by deputy, newest first; a report without a term takes its deputy's (after <see cref="DeputyLinks"/>).</summary>
public static class ReportBackLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics) =>
        model.SetLinked(new ReportBackIndex(site.Records<ReportBack>()
            .Select(r => r.Term is null && model.DeputiesById.TryGetValue(r.Deputy, out var deputy) ? r with { Term = deputy.Term } : r)
            .OrderByDescending(r => r.Date)
            .ToLookup(r => r.Deputy)));
}
