using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking;

/// <summary>
/// Checks that every id points at a record, orders records as pages show them, and builds the
/// back-links (deputy ↔ stories, station ↔ deputies).
/// </summary>
public static class SiteLinker
{
    public static SiteModel Link(ValidatedSite site, DateTimeOffset now, DiagnosticBag diagnostics)
    {
        var deputies = site.Deputies.ToDictionary(d => d.Id);
        var stations = site.Stations.ToDictionary(s => s.Id);
        var regions = site.Regions.ToDictionary(r => r.Code);
        var images = site.StaticFiles.Select(f => "/" + (f.StartsWith("content/", StringComparison.Ordinal) ? f["content/".Length..] : f)).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in site.References)
        {
            if (reference.Kind == ReferenceKind.Image)
            {
                if (!images.Contains(reference.Id))
                {
                    diagnostics.Error(DiagnosticCodes.MissingImage, reference.Location, $"{reference.Field}: 找不到图片文件 content{reference.Id}");
                }

                continue;
            }

            var (found, code, what) = reference.Kind switch
            {
                ReferenceKind.Deputy => (deputies.ContainsKey(new DeputyId(reference.Id)), DiagnosticCodes.UnknownDeputy, "代表编号"),
                ReferenceKind.Station => (stations.ContainsKey(new StationId(reference.Id)), DiagnosticCodes.UnknownStation, "家站点编号"),
                _ => (regions.Count == 0 || regions.ContainsKey(new RegionCode(reference.Id)), DiagnosticCodes.UnknownRegion, "区划代码"),
            };
            if (!found)
            {
                diagnostics.Error(code, reference.Location, $"{reference.Field}: 找不到{what} \"{reference.Id}\"");
            }
        }

        var stories = site.Stories
            .OrderByDescending(s => s.Date)
            .ThenBy(s => s.Slug, StringComparer.Ordinal)
            .ToList();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var drafts = site.Drafts
            .OrderBy(d => d.Closes >= today ? 0 : 1)
            .ThenBy(d => d.Closes >= today ? d.Closes.DayNumber : -d.Closes.DayNumber)
            .ThenBy(d => d.Id.Value, StringComparer.Ordinal)
            .ToList();
        var orderedDeputies = site.Deputies.OrderBy(d => d, DeputyRosterOrder.For(site.Config)).ToList();

        return new SiteModel
        {
            Config = site.Config,
            Stories = stories,
            Pages = site.Pages.OrderBy(p => p.Order).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList(),
            Drafts = drafts,
            Deputies = orderedDeputies,
            Stations = site.Stations.OrderBy(s => s.Region?.Value, StringComparer.Ordinal).ThenBy(s => s.Kind).ThenBy(s => s.Id.Value, StringComparer.Ordinal).ToList(),
            Ballots = site.Ballots.OrderByDescending(b => b.Year).ThenBy(b => b.Method).ThenBy(b => b.Region?.Value.Length ?? 0).ThenBy(b => b.Id, StringComparer.Ordinal).ToList(),
            Suggestions = site.Suggestions.OrderBy(s => s.Session, StringComparer.Ordinal).ThenBy(s => s.Number, StringComparer.Ordinal).ToList(),
            Regions = regions,
            RegionChildren = site.Regions.Where(r => r.Parent is { } p && regions.ContainsKey(p))
                .OrderBy(r => r.Code.Value, StringComparer.Ordinal).ToLookup(r => r.Parent!.Value),
            DeputiesById = deputies,
            StationsById = stations,
            StoriesByDeputy = stories.SelectMany(s => s.Deputies.Distinct().Select(d => (d, s))).ToLookup(x => x.d, x => x.s),
            StoriesByStation = stories.SelectMany(s => s.Stations.Distinct().Select(st => (st, s))).ToLookup(x => x.st, x => x.s),
            StoriesByColumn = stories.ToLookup(s => s.Column.Slug),
            StoriesByTag = stories.SelectMany(s => s.Tags.Select(t => (t, s))).ToLookup(x => x.t, x => x.s),
            DeputiesByStation = orderedDeputies.Where(d => d.Station is not null).ToLookup(d => d.Station!.Value),
            DutiesByDeputy = site.Duties.OrderByDescending(d => d.Date).ToLookup(d => d.Deputy),
            SuggestionsByDeputy = site.Suggestions.SelectMany(s => s.Deputies.Select(d => (d, s))).ToLookup(x => x.d, x => x.s),
            Now = now,
        };
    }
}
