using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>Plain pages in their front matter's order, then by slug.</summary>
public static class PageLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics) =>
        model.Pages = site.Pages.OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList();
}
