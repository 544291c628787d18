namespace Site.Theme.ViewModels;

/// <summary>What every page tells the layout: its title, description, canonical URL and where it sits.</summary>
public sealed record PageMeta(
    string Title,
    string Description,
    string Path,
    string Section,
    IReadOnlyList<Crumb> Breadcrumbs,
    string? Image = null,
    string OgType = "website",
    bool NoIndex = false);

/// <summary>One step of a breadcrumb trail.</summary>
public sealed record Crumb(string Label, string? Url);

/// <summary>
/// Site-wide values every layout needs (name, address, asset fingerprints, navigation), the site's
/// description and share image for pages that have none of their own, the government-site footer,
/// and the 关怀模式 (large type) stylesheet and script.
/// </summary>
public sealed record SiteChrome(
    string Title,
    string ShortTitle,
    string BaseUrl,
    string CssUrl,
    string ScriptUrl,
    IReadOnlyList<NavItem> Navigation,
    IReadOnlyList<NavItem> FooterLinks,
    string Copyright,
    string Description = "",
    string? ShareImage = null,
    SiteFooter? Footer = null,
    string CareCssUrl = ThemeRoutes.Assets + "care.css",
    string CareScriptUrl = ThemeRoutes.Assets + "care.js");

/// <summary>
/// The footer a Chinese government site shows, each line only when set in site.yaml: 主办单位,
/// 联系方式, 网站标识码, ICP备案号 (linked to https://beian.miit.gov.cn/), 公安备案号 (linked to the
/// public-security filing system's record of its digits), the WeChat official account.
/// </summary>
public sealed record SiteFooter(
    string? Organizer = null,
    string? Contact = null,
    string? SiteCode = null,
    string? Icp = null,
    string? PoliceRecord = null,
    string? PoliceRecordUrl = null,
    string? WechatName = null,
    string? WechatUrl = null);

public sealed record NavItem(string Label, string Url, string Section);
