using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;

namespace Site.Generator.Linking.Kinds;

/// <summary>
/// Drafts as lists show them (open ones first, nearest deadline first; then closed ones, latest
/// first), and each chain of readings linked by <c>previous:</c>, compared article by article.
/// </summary>
public static class DraftLinks
{
    public static void Link(ValidatedSite site, SiteModel model, DiagnosticBag diagnostics)
    {
        var today = DateOnly.FromDateTime(model.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        model.Drafts = site.Drafts
            .OrderBy(d => d.Closes >= today ? 0 : 1)
            .ThenBy(d => d.Closes >= today ? d.Closes.DayNumber : -d.Closes.DayNumber)
            .ThenBy(d => d.Id.Value, StringComparer.Ordinal)
            .ToList();
        var draftsById = site.Drafts.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        (model.DraftComparisons, model.DraftReadings) = LinkReadings(draftsById, diagnostics);
        ReportSharedTitles(site.Drafts, diagnostics);
    }

    /// <summary>
    /// A warning at each draft whose published title another draft has too (two 一审 texts of one
    /// regulation, a copied file whose title was not changed): the drafts list, the page's title, a
    /// shared link and a calendar event could not tell them apart.
    /// </summary>
    private static void ReportSharedTitles(IReadOnlyList<Draft> drafts, DiagnosticBag diagnostics)
    {
        foreach (var same in drafts.GroupBy(d => d.Title, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var draft in same)
            {
                var others = string.Join("、", same.Where(d => d != draft).Select(d => $"{d.SourcePath}（{d.Reading}）"));
                diagnostics.Warning(
                    DiagnosticCodes.DraftTitleClash,
                    draft.TitleLocation ?? new SourceLocation(draft.SourcePath, 1, 1),
                    $"标题“{draft.Title}”与 {others} 相同：草案列表、页面标题、分享和日历里读者分不清是哪一稿。请在标题括号中写明审次（如“（草案二次审议稿）”），并核对审次（reading）");
            }
        }
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
