using Site.Generator.Model;
using Site.Theme;

namespace Site.Generator.Vocabulary;

/// <summary>
/// Every URL shape of the site, in one place: pages end in '/', a section's list is its folder.
/// Records' <c>Url</c> properties, page planners, navigation and search documents all build URLs
/// here, so a shape changes in one line. The sections the theme links to by fixed URLs are written in
/// <see cref="ThemeRoutes"/> (the theme cannot see this class) and taken from there; the endpoint's
/// /api/ routes are not built here.
/// </summary>
public static class SiteRoutes
{
    public const string Home = ThemeRoutes.Home;

    public const string Deputies = ThemeRoutes.Deputies;

    public const string Stations = ThemeRoutes.Stations;

    public const string Suggestions = ThemeRoutes.Suggestions;

    public const string Ballots = "/ballots/";

    public const string BallotsCsv = "/ballots/ballots.csv";

    public const string BallotsJson = "/ballots/ballots.json";

    /// <summary>开放数据: the page listing every downloadable file.</summary>
    public const string OpenData = "/data/";

    /// <summary>An open-data file: /data/deputies.csv.</summary>
    public static string DataFile(string name) => OpenData + name;

    public const string Drafts = ThemeRoutes.Drafts;

    public const string Stories = ThemeRoutes.Stories;

    public const string Columns = "/columns/";

    public const string Tags = "/tags/";

    public const string Search = ThemeRoutes.Search;

    /// <summary>查询回执: look up a comment's or a message's receipt number.</summary>
    public const string Receipts = ThemeRoutes.Receipts;

    public const string Feed = ThemeRoutes.Feed;

    public const string Sitemap = "/sitemap.xml";

    public const string Robots = "/robots.txt";

    /// <summary>Every published file's SHA-256, signed (tamper evidence).</summary>
    public const string Manifest = "/site-manifest.json";

    public const string ManifestSignature = "/site-manifest.json.sig";

    /// <summary>How to check the site is the one the office published, and its public key.</summary>
    public const string Verify = "/verify/";

    public const string PublicKey = "/verify/public-key.txt";

    public static string Deputy(DeputyId id) => $"/deputies/{id.Value}/";

    /// <summary>The deputy page's QR code as a PNG (for WeChat and printing; the page itself offers the SVG too).</summary>
    public static string DeputyQrPng(DeputyId id) => Deputy(id) + "qr.png";

    /// <summary>The same code as an SVG file (for print shops): a real file, since WeChat's browser will not save a data: link.</summary>
    public static string DeputyQrSvg(DeputyId id) => Deputy(id) + "qr.svg";

    public static string DeputyLevel(DeputyLevel level) => $"/deputies/level/{level.ToString().ToLowerInvariant()}/";

    public static string DeputyGroup(string group) => $"/deputies/group/{group}/";

    public static string DeputyRegion(RegionCode region) => $"/deputies/region/{region.Value}/";

    /// <summary>履职量化: the table of every county deputy's duty figures for the latest year.</summary>
    public const string DutyFigures = "/deputies/figures/";

    /// <summary>The figures of one year, in roster order (no <paramref name="sort"/>) or by one column, largest first (a page per ordering, so sorting works without script).</summary>
    public static string DutyFiguresYear(int year, string? sort = null) => sort is null ? $"/deputies/figures/{year}/" : $"/deputies/figures/{year}/{sort}/";

    /// <summary>代表述职评议: who of the current term has reported to the voters, and who not yet.</summary>
    public const string ReportBacks = "/deputies/reports/";

    /// <summary>A 述职评议 on its deputy's page.</summary>
    public static string ReportBack(DeputyId id, DateOnly date) => $"{Deputy(id)}#report-{date:yyyy-MM-dd}";

    /// <summary>A region at any level (county, town/street, village/community): its stations and deputies.</summary>
    public static string Region(RegionCode code) => $"/regions/{code.Value}/";

    public static string Station(StationId id) => $"/stations/{id.Value}/";

    /// <summary>A station's printable QR poster (A4): its code, name, address, reception days and deputies.</summary>
    public static string StationPoster(StationId id) => Station(id) + "poster/";

    /// <summary>A station's reception days as an iCalendar file.</summary>
    public static string StationCalendar(StationId id) => Station(id) + "calendar.ics";

    /// <summary>A suggestion's page (its handling and the office's reply), by its number as a slug: /suggestions/2026-001/.</summary>
    public static string Suggestion(string slug) => $"{Suggestions}{slug}/";

    /// <summary>The suggestions one 承办单位 handles, for a browser without script: /suggestions/units/县交通运输局/ (a name that is not a safe URL segment gets a hash of it, <see cref="Rendering.Pages.SuggestionPages.UnitSlug"/>).</summary>
    public static string SuggestionUnit(string slug) => $"{Suggestions}units/{slug}/";

    public static string Ballot(string id) => $"/ballots/{id}/";

    public static string BallotProject(string ballotId, string id) => $"/ballots/{ballotId}/{id}/";

    public static string Draft(DraftId id) => $"/drafts/{id.Value}/";

    /// <summary>An Atom feed of drafts: opened, closing soon, feedback report published.</summary>
    public const string DraftsFeed = "/drafts/feed.xml";

    /// <summary>Every draft's comment period as an iCalendar file.</summary>
    public const string DraftsCalendar = "/drafts/deadlines.ics";

    /// <summary>An article of a draft: its anchor on the draft's page.</summary>
    public static string DraftArticle(DraftId id, string anchor) => $"{Draft(id)}#{anchor}";

    public static string Story(string slug) => $"/stories/{slug}/";

    public static string Column(string slug) => $"/columns/{slug}/";

    public static string Tag(string tag) => $"/tags/{tag}/";

    /// <summary>A plain page sits at the top: /about/.</summary>
    public static string Page(string slug) => $"/{slug}/";

    public static string Asset(string name) => ThemeRoutes.Assets + name;

    /// <summary>The output path of a site URL: /a/b/ → a/b/index.html, /feed.xml → feed.xml.</summary>
    public static string OutputPath(string url) => url.EndsWith('/') ? url.TrimStart('/') + "index.html" : url.TrimStart('/');
}
