using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>
/// Deputies by id, in official roster order, those serving at the build's date, and by the station they are received at (serving and departed apart); a roster list
/// named in site.yaml's <c>roster: lists:</c> that the site does not have is a warning.
/// </summary>
public static class DeputyLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        var ordered = site.Deputies.OrderBy(d => d, DeputyRosterOrder.For(site.Config)).ToList();
        model.DeputiesById = site.Deputies.ToDictionary(d => d.Id);
        model.Deputies = ordered;
        model.ServingDeputies = ordered.Where(d => !d.HasLeftBy(model.Today)).ToList();
        model.DeputiesByStation = model.ServingDeputies.Where(d => d.Station is not null).ToLookup(d => d.Station!.Value);
        model.DepartedByStation = ordered.Where(d => d.Station is not null && d.HasLeftBy(model.Today))
            .OrderByDescending(d => d.TermEnded).ToLookup(d => d.Station!.Value);
        CheckRosterLists(model, diagnostics);
    }

    /// <summary>A list named in <c>roster: lists:</c> that the site does not have (a typo, a group renamed) is a warning.</summary>
    private static void CheckRosterLists(SiteModel model, DiagnosticBag diagnostics)
    {
        if (model.Config.RosterLists.Count == 0)
        {
            return;
        }

        var names = DeputyRosterLists.Names(model);
        foreach (var list in model.Config.RosterLists.Where(l => !names.Contains(l.Name)))
        {
            diagnostics.Warning(DiagnosticCodes.UnknownKey, list.Location,
                $"roster.lists: 没有名为「{list.Name}」的代表名单，这里的排序没有用上；可写：{string.Join("、", names.Order(StringComparer.Ordinal).Take(30))}");
        }
    }
}
