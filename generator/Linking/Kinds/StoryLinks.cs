using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>Stories newest first, and by the deputies, stations, column and tags they name.</summary>
public static class StoryLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        var stories = site.Stories
            .OrderByDescending(s => s.Date)
            .ThenBy(s => s.Slug, StringComparer.Ordinal)
            .ToList();
        model.Stories = stories;
        // Most stories name no deputy or station: they are passed over before any per-story set is made.
        model.StoriesByDeputy = stories.Where(s => s.Deputies.Count > 0).SelectMany(s => s.Deputies.Distinct().Select(d => (d, s))).ToLookup(x => x.d, x => x.s);
        model.StoriesByStation = stories.Where(s => s.Stations.Count > 0).SelectMany(s => s.Stations.Distinct().Select(st => (st, s))).ToLookup(x => x.st, x => x.s);
        model.StoriesByColumn = stories.ToLookup(s => s.Column.Slug);
        model.StoriesByTag = stories.SelectMany(s => s.Tags.Select(t => (t, s))).ToLookup(x => x.t, x => x.s);
    }
}
