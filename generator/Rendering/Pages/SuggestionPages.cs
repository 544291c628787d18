using System.Globalization;
using Site.Generator.Model;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>代表建议: the list (filters, totals that add up) and a page per suggestion with its stages, result and the office's reply.</summary>
public static class SuggestionPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        var units = site.Suggestions.Where(s => s.Unit is not null).Select(s => s.Unit!).Distinct().Order(StringComparer.Ordinal).ToList();
        var unitLinks = units.Select(u => new LinkCard(u, SiteRoutes.SuggestionUnit(UnitSlug(u)))).ToList();

        // The whole list, and one page per 承办单位: a static page cannot read ?unit= without script,
        // so the unit choice without script is a link to the unit's own page.
        SuggestionListPage List(string? unit, string url)
        {
            var chosen = unit is null ? site.Suggestions : site.Suggestions.Where(s => s.Unit == unit).ToList();
            var rows = chosen.Select(s => DeputyPages.SuggestionRow(site, s)).ToList();
            var totals = new List<Figure> { new("件建议", chosen.Count.ToString(CultureInfo.InvariantCulture), null) };
            foreach (var status in Enum.GetValues<SuggestionStatus>())
            {
                totals.Add(new Figure(SuggestionVocabulary.StatusLabel(status), chosen.Count(s => s.Status == status).ToString(CultureInfo.InvariantCulture), null));
            }

            var meta = unit is null
                ? PageContext.Meta("代表建议办理情况", "代表建议的承办单位、办理状态、办理结果和代表满意度", url, "suggestions", new Crumb("建议办理", null))
                : PageContext.Meta($"{unit}承办的代表建议", $"{unit}承办的代表建议：办理状态、办理结果和代表满意度", url, "suggestions", new Crumb("建议办理", SiteRoutes.Suggestions), new Crumb(unit, null));
            return new SuggestionListPage(
                meta,
                rows,
                totals,
                Enum.GetValues<SuggestionStatus>().Select(SuggestionVocabulary.StatusLabel).ToList(),
                site.Config.ResultClasses.Select(r => new ArticleOption(r.Code, $"{r.Code}类：{r.Label}")).ToList(),
                units)
            {
                UnitLinks = unitLinks,
                Unit = unit,
            };
        }

        yield return PageJob.For<SuggestionListTemplate, SuggestionListPage>(SiteRoutes.Suggestions, () => List(null, SiteRoutes.Suggestions));
        foreach (var link in unitLinks)
        {
            yield return PageJob.For<SuggestionListTemplate, SuggestionListPage>(link.Url, () => List(link.Label, link.Url));
        }

        foreach (var suggestion in site.Suggestions)
        {
            yield return PageJob.For<SuggestionTemplate, SuggestionPage>(suggestion.Url, () => Page(context, suggestion));
        }
    }

    /// <summary>
    /// A 承办单位's URL segment: its name where that is a safe one (县交通运输局), otherwise "u" and the
    /// XxHash32 of its UTF-8 in hex (县发展和改革局（县粮食局）has brackets), so it stays the same across builds.
    /// </summary>
    public static string UnitSlug(string unit) =>
        Validation.SafeName.IsSafe(unit) ? unit : "u" + System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(unit)).ToString("x8", CultureInfo.InvariantCulture);

    /// <summary>The suggestion's deputies in the order written (领衔 first), each linked to their page; ids the roster lacks are reported by the linker and left out.</summary>
    public static IReadOnlyList<LinkCard> DeputyLinks(SiteModel site, Suggestion suggestion) =>
        suggestion.Deputies.Select(id => site.DeputiesById.GetValueOrDefault(id)).OfType<Deputy>().Select(d => new LinkCard(d.Name, d.Url)).ToList();

    private static SuggestionPage Page(PageContext context, Suggestion s)
    {
        var site = context.Site;
        var status = SuggestionVocabulary.StatusLabel(s.Status);
        SuggestionStage Stage(string label, DateOnly? date, bool reached) =>
            new(label, date is { } d ? PageContext.ChineseDate(d) : null, date is { } i ? PageContext.IsoDate(i) : null, reached || date is not null);
        var stages = new List<SuggestionStage>
        {
            Stage("交办", s.Assigned, true),
            Stage("答复", s.Answered, s.Status >= SuggestionStatus.Answered),
            Stage("办结", s.Closed, s.Status == SuggestionStatus.Closed),
        };
        var reply = s.Reply is { Length: > 0 } text
            ? text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : null;
        var description = $"{s.Session}第{s.Number}号{s.Type}，{s.Unit ?? "承办单位待定"}办理，{status}";
        return new SuggestionPage(
            PageContext.Meta(s.Title, description, s.Url, "suggestions", new Crumb("建议办理", SiteRoutes.Suggestions), new Crumb($"第{s.Number}号{s.Type}", null)),
            s.Number,
            s.Title,
            s.Type,
            s.Session,
            DeputyLinks(site, s),
            s.Unit,
            s.Key,
            status,
            stages,
            s.Result,
            site.Config.ResultClasses.FirstOrDefault(r => r.Code == s.Result)?.Label,
            s.Satisfaction,
            reply,
            context.Cards(site.StoriesBySuggestion[s.Number]));
    }
}
