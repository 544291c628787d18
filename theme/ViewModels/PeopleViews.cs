namespace Site.Theme.ViewModels;

/// <summary>A row of a deputy roster.</summary>
/// <param name="Pinyin">The name's pinyin as search keeps it ("wangjianguo wang jian guo wjg"), for the list's name filter.</param>
public sealed record DeputyRow(string Name, string Url, string Gender, string Levels, string? Title, string? Group, string? Station, string? StationUrl, string? Pinyin = null, DeputyPhotoView? Photo = null);

/// <summary>A deputy's photo in its three sizes (3:4 WebP): 96×128 for lists, 240×320 for station pages and posters, 480×640 for the profile and its printed card.</summary>
public sealed record DeputyPhotoView(string Thumb, string Card, string Profile);

/// <summary>A roster page: all deputies, or one level, group or region; in 姓氏笔画 order.</summary>
public sealed record DeputyListPage(PageMeta Meta, string Heading, string? Intro, IReadOnlyList<DeputyRow> Deputies, IReadOnlyList<LinkCard> Levels, IReadOnlyList<LinkCard> Groups, IReadOnlyList<LinkCard> Regions, Pager Pager)
{
    /// <summary>For a list with no serving deputy (<see cref="Deputies"/> empty): those of it who have left, latest first, to their records.</summary>
    public IReadOnlyList<LinkCard> Departed { get; init; } = [];

    /// <summary>For the name filter: pairs of characters, each traditional one followed by the simplified one of this page's names it folds to (<c>陳陈華华</c>); null when none has one.</summary>
    public string? FilterFold { get; init; }
}

/// <summary>One label/value line of a profile.</summary>
public sealed record Fact(string Label, string Value, string? Url = null);

public sealed record DutyView(string Date, string IsoDate, string Kind, string Title, string? Place, string? Summary, string? Evaluation);

/// <summary>A row of a suggestions table: the title links to the suggestion's page, each deputy to theirs.</summary>
public sealed record SuggestionRow(string Anchor, string Url, string Number, string Title, string Session, string Status, string StatusKey, string? Unit, bool Key, string? Result, string? ResultLabel, string? Satisfaction, IReadOnlyList<LinkCard> Deputies);

/// <summary>人大代表 page: 一人一档.</summary>
/// <param name="QrSvg">The QR code of the page, drawn inline.</param>
/// <param name="QrDownload">The same SVG as a file beside the page (/deputies/D0001/qr.svg), for the download link: WeChat's browser saves no data: URL.</param>
public sealed record DeputyPage(
    PageMeta Meta,
    string Name,
    string? Title,
    IReadOnlyList<Fact> Facts,
    string? Bio,
    string? Pledge,
    string QrSvg,
    string QrDownload,
    LinkCard? Station,
    IReadOnlyList<DutyView> Duties,
    IReadOnlyList<SuggestionRow> Suggestions,
    IReadOnlyList<StoryCard> Stories,
    DeputyPhotoView? Photo = null,
    IReadOnlyList<DutyFigureRow>? Figures = null,
    IReadOnlyList<ReportBackView>? Reports = null,
    IReadOnlyList<string>? FigureLabels = null,
    string? FiguresUrl = null)
{
    /// <summary>给Ta留言 and the published messages (null: the page has no messages block).</summary>
    public MessageBox? Messages { get; init; }

    /// <summary>The same code as a PNG file beside the page (/deputies/D0001/qr.png), for WeChat and phones; null: none.</summary>
    public string? QrPng { get; init; }

    /// <summary>The day the deputy left office (离任), as "2026年6月30日", when it has passed by the build; null: serving.
    /// The page then says so at its top and offers no message button, QR downloads or printed card.</summary>
    public string? Departed { get; init; }

    /// <summary>The congress's name (site.yaml <c>congress</c>, else <c>title</c>), at the head of the printed 三亮 card.</summary>
    public string Congress { get; init; } = "";

    /// <summary>The site's name and its address as people type it (rd.example.org), at the printed card's foot.</summary>
    public string SiteName { get; init; } = "";

    /// <inheritdoc cref="SiteName"/>
    public string SiteAddress { get; init; } = "";
}

/// <summary>One year of a deputy's duty figures, counted from the duty records and suggestions (<see cref="DutyFigureRow.Counts"/> in the order of the table's columns).</summary>
public sealed record DutyFigureRow(string Year, IReadOnlyList<int> Counts);

/// <summary>A 代表述职评议 as the deputy's page shows it.</summary>
/// <param name="Evaluation">The appraisal in words: "满意 38，基本满意 4，不满意 0（满意率 90％）" or the rating as given.</param>
public sealed record ReportBackView(string Date, string IsoDate, string Place, int? Voters, string? Evaluation, string? Summary);

/// <summary>家站点 page.</summary>
public sealed record StationPage(
    PageMeta Meta,
    string Name,
    string Kind,
    IReadOnlyList<Fact> Facts,
    ReceptionView? Reception,
    IReadOnlyList<LinkCard> Deputies,
    IReadOnlyList<StationFigureRow> Figures,
    string? Intro,
    IReadOnlyList<StoryCard> Stories)
{
    /// <summary>给Ta留言 and the published messages (null: the page has no messages block).</summary>
    public MessageBox? Messages { get; init; }

    /// <summary>已离任代表: deputies of the station whose term has ended, each with the date as its note ("2026年3月5日离任"), latest first; not counted in <see cref="Deputies"/>.</summary>
    public IReadOnlyList<LinkCard> Departed { get; init; } = [];
}

/// <summary>A station's reception days: the rule in words (shown without script), the rule for the page's script to compute the next dates when the page is viewed, and the calendar feed.</summary>
/// <param name="Script">JSON: <c>{"k":"monthdays","d":[10,25]}</c>, <c>{"k":"nth","n":1,"w":3}</c> (n -1 = last; w 0 = Sunday), <c>{"k":"weekly","w":[2,4]}</c> or <c>{"k":"dates","d":["2026-03-05"]}</c>, with <c>"s"</c>/<c>"e"</c> hours ("9:00") if any.</param>
public sealed record ReceptionView(string Words, string Script, string CalendarUrl);

public sealed record StationFigureRow(int Year, int Received, int Collected, int Resolved);

/// <summary>Stations grouped by township/street.</summary>
/// <param name="Places">Every town and village, for the finder: shown only when what is typed matches them.</param>
public sealed record StationListPage(PageMeta Meta, IReadOnlyList<StationGroup> Groups, IReadOnlyList<PlaceRow> Places, string? TopRegionUrl)
{
    /// <summary>For the finder: pairs of characters, each traditional one followed by the simplified one of the names it searches it folds to (<c>鎮镇</c>); null when none has one.</summary>
    public string? FilterFold { get; init; }
}

/// <summary>A town or village in the station finder: its page, the names it answers to, and what it has.</summary>
public sealed record PlaceRow(string Name, string Url, string Names, string Note);

public sealed record StationGroup(string Region, string Anchor, IReadOnlyList<StationRow> Stations);

/// <param name="Places">Every place name the station answers to (its region and the regions above it, to the township, and the regions without a station that are sent to it), for the offline finder.</param>
public sealed record StationRow(string Name, string Url, string Kind, string? Address, string? Schedule, string Places);

/// <summary>Suggestions of the sessions, with filters and totals.</summary>
public sealed record SuggestionListPage(PageMeta Meta, IReadOnlyList<SuggestionRow> Suggestions, IReadOnlyList<Figure> Totals, IReadOnlyList<string> Statuses, IReadOnlyList<ArticleOption> Results, IReadOnlyList<string> Units)
{
    /// <summary>Each 承办单位's own page (its suggestions only), in the order of <see cref="Units"/>: the unit choice without script.</summary>
    public IReadOnlyList<LinkCard> UnitLinks { get; init; } = [];

    /// <summary>On a 承办单位's page, that unit; null on the whole list.</summary>
    public string? Unit { get; init; }
}
