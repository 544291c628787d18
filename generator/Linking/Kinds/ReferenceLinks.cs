using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>
/// Every id and image path written in a record, checked against the linked records and content's
/// files: one that points at nothing is an error at the field that wrote it. Runs after the kinds'
/// steps, whose lookups it reads.
/// </summary>
public static class ReferenceLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        var drafts = site.Drafts.Select(d => d.Id).ToHashSet();
        var suggestions = model.Suggestions.Select(s => s.Number).ToHashSet(StringComparer.Ordinal);
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
                ReferenceKind.Deputy => (model.DeputiesById.ContainsKey(new DeputyId(reference.Id)), DiagnosticCodes.UnknownDeputy, "代表编号"),
                ReferenceKind.Station => (model.StationsById.ContainsKey(new StationId(reference.Id)), DiagnosticCodes.UnknownStation, "家站点编号"),
                ReferenceKind.Draft => (drafts.Contains(new DraftId(reference.Id)), DiagnosticCodes.UnknownDraft, "法规草案（网址名）"),
                ReferenceKind.Suggestion => (suggestions.Contains(reference.Id), DiagnosticCodes.UnknownSuggestion, "建议编号"),
                _ => (model.Regions.Count == 0 || model.Regions.ContainsKey(new RegionCode(reference.Id)), DiagnosticCodes.UnknownRegion, "区划代码"),
            };
            if (!found)
            {
                diagnostics.Error(code, reference.Location, $"{reference.Field}: 找不到{what} \"{reference.Id}\"");
            }
        }
    }
}
