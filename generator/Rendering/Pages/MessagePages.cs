using Site.Generator.Model;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// 给Ta留言 on deputies' and stations' pages: the form, or for a deputy whose term ended the way to
/// the station; and where the page's script reads the published messages and figures. The endpoint's
/// routes (<c>/api/deputies/{id}/messages</c>, <c>/api/stations/{id}/messages</c>) answer both the
/// post and the list; the endpoint learns the ids from deputies.json and stations.json.
/// </summary>
public static class MessagePages
{
    /// <summary>The endpoint's messages route of a deputy ("deputies") or a station ("stations").</summary>
    public static string MessagesUrl(string kind, string id) => $"/api/{kind}/{Uri.EscapeDataString(id)}/messages";

    public static MessageBox DeputyBox(SiteModel site, Deputy deputy)
    {
        var url = MessagesUrl("deputies", deputy.Id.Value);
        // The endpoint refuses messages from the 离任日期 on (Beijing); the page follows the same rule as of its build.
        if (!deputy.HasLeftBy(site.Today) || deputy.TermEnded is not { } ended)
        {
            return new MessageBox(new MessageFormView("deputies", deputy.Id.Value, deputy.Name + "代表"), url);
        }

        var when = $"已于{PageContext.ChineseDate(ended)}离任";
        var station = deputy.Station is { } id && site.StationsById.TryGetValue(id, out var s) ? s : null;
        return station is null
            ? new MessageBox(null, url, $"{deputy.Name}{when}，不再接收留言。您可以到附近的代表之家、联络站给在任代表留言。", new LinkCard("找附近的家站点", SiteRoutes.Stations))
            : new MessageBox(null, url, $"{deputy.Name}{when}，不再接收留言。您可以给{station.Name}留言，由站里的在任代表和工作人员办理。", new LinkCard($"给{station.Name}留言", station.Url + "#message"));
    }
}
