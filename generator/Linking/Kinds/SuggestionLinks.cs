using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>Suggestions (代表建议) by session and number, by each deputy who made them, and the stories naming them (after the stories' step).</summary>
public static class SuggestionLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        model.Suggestions = site.Suggestions.OrderBy(s => s.Session, StringComparer.Ordinal).ThenBy(s => s.Number, StringComparer.Ordinal).ToList();
        model.SuggestionsByDeputy = site.Suggestions.SelectMany(s => s.Deputies.Select(d => (d, s))).ToLookup(x => x.d, x => x.s);
        model.StoriesBySuggestion = model.Stories.Where(s => s.Suggestions.Count > 0).SelectMany(s => s.Suggestions.Distinct().Select(n => (n, s))).ToLookup(x => x.n, x => x.s, StringComparer.Ordinal);
    }
}
