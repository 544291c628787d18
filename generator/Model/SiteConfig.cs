using Site.Generator.Vocabulary;

namespace Site.Generator.Model;

/// <summary>Site-wide settings from input/site.yaml.</summary>
public sealed record SiteConfig(
    string Title,
    string ShortTitle,
    string Description,
    string BaseUrl,
    RegionCode? HomeRegion,
    IReadOnlyList<Column> Columns,
    IReadOnlyList<ResultClass> ResultClasses,
    SiteIdentity? Identity = null)
{
    public static SiteConfig Default { get; } = new(
        "人大代表履职服务平台", "人大", "", "https://example.org", null, [], ResultClass.Defaults);

    /// <summary>The main navigation (导航 in site.yaml); without one, every section in the usual order.</summary>
    public IReadOnlyList<NavLink> Nav { get; init; } = NavLink.Defaults;

    /// <summary>The footer's filing details and the share defaults; every part is optional.</summary>
    public SiteIdentity Ident => Identity ?? SiteIdentity.None;

    public string AbsoluteUrl(string path) => BaseUrl.TrimEnd('/') + path;

    /// <summary>
    /// site.yaml <c>roster: order: 两字名在前</c>: within one surname, two-character names before
    /// three-character ones, as some official lists print them; otherwise strictly by strokes. The
    /// order of every roster list that <see cref="RosterLists"/> does not name.
    /// </summary>
    public bool ShorterNamesFirst { get; init; }

    /// <summary>
    /// site.yaml <c>roster: lists: { 县级人大代表: 两字名在前, 花石代表团: 笔画 }</c>: one list's own order,
    /// as the office's printed list of it has it; see <see cref="RosterListOrder"/>.
    /// </summary>
    public IReadOnlyList<RosterListOrder> RosterLists { get; init; } = [];

    /// <summary>
    /// site.yaml <c>congress:</c>, the people's congress (or its standing committee) that runs the site as
    /// printed on paper it issues (湘潭县人大常委会): at the head of the 三亮 card and the station poster.
    /// Null when not set; <see cref="CongressName"/> then falls back to the site's title.
    /// </summary>
    public string? Congress { get; init; }

    /// <summary>The name printed on cards and posters: <see cref="Congress"/>, else the site's <see cref="Title"/>.</summary>
    public string CongressName => Congress ?? Title;
}

/// <summary>
/// One roster list's order from site.yaml. <paramref name="Name"/> is the list as its page is headed
/// or filtered: 人大代表 (everyone), a level (县级人大代表, 县级 or 县), a 代表团/代表组, or a region (its
/// name or code); <paramref name="ShorterFirst"/> puts two-character names first within a surname.
/// </summary>
public sealed record RosterListOrder(string Name, bool ShorterFirst, Diagnostics.SourceLocation Location);

/// <summary>
/// One item of the main navigation: its text, where it goes, and the key pages use to mark it
/// current. A link to a section the site does not have (民生实事 with no ballots) is left out.
/// </summary>
public sealed record NavLink(string Title, string Url, string Key)
{
    public static IReadOnlyList<NavLink> Defaults { get; } =
    [
        new("首页", SiteRoutes.Home, "home"),
        new("代表", SiteRoutes.Deputies, "deputies"),
        new("家站点", SiteRoutes.Stations, "stations"),
        new("建议办理", SiteRoutes.Suggestions, "suggestions"),
        new("民生实事", SiteRoutes.Ballots, "ballots"),
        new("征求意见", SiteRoutes.Drafts, "drafts"),
        new("履职故事", SiteRoutes.Stories, "stories"),
    ];
}

/// <summary>专栏: a column stories are filed under.</summary>
public sealed record Column(string Slug, string Name, string Description);

/// <summary>Result class of a suggestion's handling (A 已解决或基本解决 …); regions differ, so it is configurable.</summary>
public sealed record ResultClass(string Code, string Label)
{
    public static IReadOnlyList<ResultClass> Defaults { get; } =
    [
        new("A", "已解决或基本解决"),
        new("B", "列入计划逐步解决"),
        new("C", "留作参考或暂难解决"),
    ];
}

/// <summary>
/// What a Chinese government site shows in its footer and gives WeChat when a page is shared, all
/// from input/site.yaml and each shown only when set: 主办单位, 联系方式, 网站标识码 (the national
/// government-site code), ICP备案号 (linked to the MIIT filing system), 公安备案号 (linked to the
/// public-security filing system by its digits), the 政务新媒体 WeChat official account, and the
/// default share image (a PNG or JPEG under content/, at least 300×300 px for WeChat's card).
/// </summary>
public sealed record SiteIdentity(
    string? Organizer,
    string? Contact,
    string? SiteCode,
    string? Icp,
    string? PoliceRecord,
    string? WechatName,
    string? WechatUrl,
    string? Logo)
{
    public static SiteIdentity None { get; } = new(null, null, null, null, null, null, null, null);
}
