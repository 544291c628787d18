using Site.Search;
using Site.Theme.ViewModels;

namespace Site.Intake.Search;

/// <summary>
/// Words people type for a whole part of the site (法规草案, 人大代表, 联络站) rather than for a page in
/// it. The search page then offers that part's own list above the hits: its pages seldom hold the
/// word as typed (no draft's text says 法规草案), and the list holds every one of them. Keyed by the
/// navigation's section (chrome.json), so the link and its label are the site's own.
/// </summary>
public static class SectionWords
{
    /// <summary>Words, simplified, by the section (NavItem.Section) whose list they mean.</summary>
    private static readonly Dictionary<string, string> Sections = new(StringComparer.Ordinal)
    {
        ["法规草案"] = "drafts",
        ["草案"] = "drafts",
        ["条例草案"] = "drafts",
        ["法规"] = "drafts",
        ["征求意见"] = "drafts",
        ["立法征求意见"] = "drafts",
        ["代表"] = "deputies",
        ["人大代表"] = "deputies",
        ["代表名单"] = "deputies",
        ["家站点"] = "stations",
        ["代表之家"] = "stations",
        ["联络站"] = "stations",
        ["代表联络站"] = "stations",
        ["联系点"] = "stations",
        ["立法联系点"] = "stations",
        ["基层立法联系点"] = "stations",
        ["建议"] = "suggestions",
        ["代表建议"] = "suggestions",
        ["建议办理"] = "suggestions",
        ["民生实事"] = "ballots",
        ["民生实事项目"] = "ballots",
        ["票决"] = "ballots",
        ["项目票决"] = "ballots",
        ["民生实事票决"] = "ballots",
        ["履职故事"] = "stories",
    };

    /// <summary>
    /// The navigation item whose list <paramref name="query"/> names as a whole (traditional characters
    /// and spaces aside), or null.
    /// </summary>
    public static NavItem? For(string query, SiteChrome chrome)
    {
        var word = SimplifiedFolding.Fold(string.Concat(query.Where(c => !char.IsWhiteSpace(c))));
        return Sections.TryGetValue(word, out var section) ? chrome.Navigation.FirstOrDefault(n => n.Section == section) : null;
    }
}
