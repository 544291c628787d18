namespace Site.Theme.ViewModels;

/// <summary>履职量化: every county deputy's duty figures for one year, in one ordering (a page per ordering, so the table sorts without script).</summary>
/// <param name="Columns">The figure columns, in order, each with the URL of the page sorted by it.</param>
/// <param name="ByName">The URL of the roster-order page.</param>
/// <param name="Sort">The key of the column this page is sorted by; null for roster order.</param>
/// <param name="Totals">Column sums, in <paramref name="Columns"/> order.</param>
public sealed record DutyFigureTablePage(
    PageMeta Meta,
    int Year,
    IReadOnlyList<LinkCard> Years,
    IReadOnlyList<FigureColumn> Columns,
    string ByName,
    string? Sort,
    IReadOnlyList<DutyFigureTableRow> Rows,
    IReadOnlyList<int> Totals,
    string ReportsUrl);

/// <param name="Key">The column's URL key (activities, suggestions …).</param>
public sealed record FigureColumn(string Key, string Label, string Url);

/// <param name="Order">The deputy's place in the roster (stroke order), for sorting back and breaking ties.</param>
public sealed record DutyFigureTableRow(string Name, string Url, string? Station, string? StationUrl, int Order, IReadOnlyList<int> Counts, DeputyPhotoView? Photo);

/// <summary>代表述职评议 coverage: the current term's deputies, by station, reported or not yet.</summary>
/// <param name="Pending">Those not yet reported, for the office's follow-up.</param>
public sealed record ReportCoveragePage(PageMeta Meta, string Term, int Reported, int Total, IReadOnlyList<LinkCard> Pending, IReadOnlyList<CoverageGroup> Groups, string FiguresUrl);

/// <param name="Anchor">The group's id on the page.</param>
public sealed record CoverageGroup(string Heading, string Anchor, string? Url, string? Region, int Reported, IReadOnlyList<CoverageRow> Rows);

/// <param name="Last">The latest report of the term, null if none yet.</param>
public sealed record CoverageRow(string Name, string Url, ReportBackView? Last, int Count);

/// <summary>A station's printable QR poster (A4).</summary>
/// <param name="QrSvg">The code of the station page's message form (#message), drawn inline.</param>
/// <param name="Target">The absolute address the code holds, printed under it for those who cannot scan.</param>
public sealed record StationPosterPage(
    PageMeta Meta,
    string Name,
    string Kind,
    string? Address,
    string? Hours,
    string? Reception,
    string? Phone,
    string QrSvg,
    string Target,
    string StationUrl,
    IReadOnlyList<PosterDeputy> Deputies)
{
    /// <summary>The site's name (site.yaml <c>title</c>), printed at the poster's foot beside its address.</summary>
    public string SiteName { get; init; } = "";

    /// <summary>The congress's name (site.yaml <c>congress</c>, else <c>title</c>), printed at the poster's head so a passer-by knows whose code it is.</summary>
    public string Congress { get; init; } = "";

    /// <summary>The site's address as people type it (<c>rd.example.org</c>, from site.yaml <c>baseUrl</c>), printed at the foot.</summary>
    public string SiteAddress { get; init; } = "";
}

public sealed record PosterDeputy(string Name, string? Title, DeputyPhotoView? Photo);
