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
        var suggestionNumbers = site.Suggestions.Select(s => s.Number).ToHashSet(StringComparer.Ordinal);
        var draftsById = site.Drafts.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
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
                ReferenceKind.Draft => (draftsById.ContainsKey(new DraftId(reference.Id)), DiagnosticCodes.UnknownDraft, "法规草案（网址名）"),
                ReferenceKind.Suggestion => (suggestionNumbers.Contains(reference.Id), DiagnosticCodes.UnknownSuggestion, "建议编号"),
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
        var (comparisons, readings) = LinkReadings(draftsById, diagnostics);
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
            StoriesBySuggestion = stories.SelectMany(s => s.Suggestions.Distinct().Select(n => (n, s))).ToLookup(x => x.n, x => x.s, StringComparer.Ordinal),
            StoriesByStation = stories.SelectMany(s => s.Stations.Distinct().Select(st => (st, s))).ToLookup(x => x.st, x => x.s),
            StoriesByColumn = stories.ToLookup(s => s.Column.Slug),
            StoriesByTag = stories.SelectMany(s => s.Tags.Select(t => (t, s))).ToLookup(x => x.t, x => x.s),
            DeputiesByStation = orderedDeputies.Where(d => d.Station is not null).ToLookup(d => d.Station!.Value),
            DutiesByDeputy = site.Duties.OrderByDescending(d => d.Date).ToLookup(d => d.Deputy),
            SuggestionsByDeputy = site.Suggestions.SelectMany(s => s.Deputies.Select(d => (d, s))).ToLookup(x => x.d, x => x.s),
            DraftComparisons = comparisons,
            DraftReadings = readings,
            Now = now,
        };
    }

    /// <summary>
    /// Follows each draft's <c>previous:</c> (unknown slugs are reported with the other references):
    /// a draft naming itself or a loop of readings is an error at the <c>previous:</c> that closes
    /// it, and that link is left out; every other link is compared article by article.
    /// </summary>
    private static (Dictionary<DraftId, DraftComparison>, Dictionary<DraftId, IReadOnlyList<Draft>>) LinkReadings(
        Dictionary<DraftId, Draft> drafts, DiagnosticBag diagnostics)
    {
        var previousOf = new Dictionary<DraftId, Draft>();
        foreach (var draft in drafts.Values.OrderBy(d => d.Id.Value, StringComparer.Ordinal))
        {
            if (draft.Previous is not { } previousId || !drafts.TryGetValue(previousId, out var previous))
            {
                continue;
            }

            // A loop: walking back from the previous reading comes round to this draft.
            var seen = new HashSet<DraftId> { draft.Id };
            var walk = previous;
            var loops = false;
            while (walk is not null)
            {
                if (!seen.Add(walk.Id))
                {
                    loops = true;
                    break;
                }

                walk = previousOf.GetValueOrDefault(walk.Id);
            }

            if (loops)
            {
                diagnostics.Error(
                    DiagnosticCodes.UnknownDraft,
                    draft.PreviousLocation ?? new SourceLocation(draft.SourcePath, 1, 1),
                    previous.Id == draft.Id
                        ? "previous（上一审次草案）: 不能写本草案自己"
                        : $"previous（上一审次草案）: 审次形成了循环（{previous.Id.Value} 又以本草案为前一审次）");
                continue;
            }

            previousOf[draft.Id] = previous;
        }

        var comparisons = previousOf.ToDictionary(p => p.Key, p => ReadingComparison.Compare(p.Value, drafts[p.Key]));
        var next = previousOf.GroupBy(p => p.Value.Id).ToDictionary(g => g.Key, g => g.Select(p => drafts[p.Key]).OrderBy(d => d.Opens).ThenBy(d => d.Id.Value, StringComparer.Ordinal).First());
        var readings = new Dictionary<DraftId, IReadOnlyList<Draft>>();
        foreach (var draft in drafts.Values.Where(d => previousOf.ContainsKey(d.Id) || next.ContainsKey(d.Id)))
        {
            var chain = new List<Draft> { draft };
            for (var back = previousOf.GetValueOrDefault(draft.Id); back is not null; back = previousOf.GetValueOrDefault(back.Id))
            {
                chain.Insert(0, back);
            }

            for (var forward = next.GetValueOrDefault(draft.Id); forward is not null && !chain.Contains(forward); forward = next.GetValueOrDefault(forward.Id))
            {
                chain.Add(forward);
            }

            readings[draft.Id] = chain;
        }

        return (comparisons, readings);
    }
}
