using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Theme.Templates;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// 家站点二维码海报: a printable A4 page per station (print CSS in site.css) with the QR code of the
/// station page's message form (<c>#message</c>), and the station's name, address, reception days
/// and deputies, to put up at the station's door and in its villages.
/// </summary>
public static class StationPosterPages
{
    /// <summary>The station page's anchor of the 给Ta留言 form the poster's code opens.</summary>
    public const string MessageAnchor = "message";

    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        foreach (var station in context.Site.Stations)
        {
            var url = SiteRoutes.StationPoster(station.Id);
            yield return PageJob.For<StationPosterTemplate, StationPosterPage>(url, () => Page(context, station, url));
        }
    }

    /// <summary>https://rd.example.org/ → rd.example.org (a path the site lives under is kept: example.org/rd).</summary>
    public static string SiteAddress(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? (uri.Host + uri.AbsolutePath).TrimEnd('/') : baseUrl.TrimEnd('/');

    private static StationPosterPage Page(PageContext context, Station station, string url)
    {
        var site = context.Site;
        var target = station.Url + "#" + MessageAnchor;
        return new StationPosterPage(
            PageContext.Meta($"{station.Name}二维码海报", $"{station.Name}的二维码海报：扫码给代表留言。", url, "stations",
                new Crumb("家站点", SiteRoutes.Stations), new Crumb(station.Name, station.Url), new Crumb("二维码海报", null)),
            station.Name,
            StationVocabulary.KindLabel(station),
            station.Address,
            station.Hours,
            station.Reception?.Words() ?? station.Schedule,
            station.Phone,
            context.QrSvg(target),
            site.Config.AbsoluteUrl(target),
            station.Url,
            site.DeputiesByStation[station.Id].Select(d => new PosterDeputy(d.Name, d.Title, context.Photos.For(d.Id))).ToList())
        {
            SiteName = site.Config.Title,
            Congress = site.Config.CongressName,
            SiteAddress = SiteAddress(site.Config.BaseUrl),
        };
    }
}
