using Site.Generator.Model;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>代表建议: every suggestion with its handling, filters and totals that add up.</summary>
public static class SuggestionPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        var site = context.Site;
        yield return PageJob.For<SuggestionListTemplate, SuggestionListPage>(SiteRoutes.Suggestions, () =>
        {
            var rows = site.Suggestions.Select(s => DeputyPages.SuggestionRow(site, s)).ToList();
            var totals = new List<Figure> { new("件建议", site.Suggestions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), null) };
            foreach (var status in Enum.GetValues<SuggestionStatus>())
            {
                totals.Add(new Figure(SuggestionVocabulary.StatusLabel(status), site.Suggestions.Count(s => s.Status == status).ToString(System.Globalization.CultureInfo.InvariantCulture), null));
            }

            return new SuggestionListPage(
                PageContext.Meta("代表建议办理情况", "代表建议的承办单位、办理状态、办理结果和代表满意度", SiteRoutes.Suggestions, "suggestions", new Crumb("建议办理", null)),
                rows,
                totals,
                Enum.GetValues<SuggestionStatus>().Select(SuggestionVocabulary.StatusLabel).ToList(),
                site.Config.ResultClasses.Select(r => new ArticleOption(r.Code, $"{r.Code}类：{r.Label}")).ToList(),
                site.Suggestions.Where(s => s.Unit is not null).Select(s => s.Unit!).Distinct().Order(StringComparer.Ordinal).ToList());
        });
    }
}
