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

/// <summary>Site-wide values every layout needs (name, address, asset fingerprints, navigation).</summary>
public sealed record SiteChrome(
    string Title,
    string ShortTitle,
    string BaseUrl,
    string CssUrl,
    string ScriptUrl,
    IReadOnlyList<NavItem> Navigation,
    IReadOnlyList<NavItem> FooterLinks,
    string Copyright);

public sealed record NavItem(string Label, string Url, string Section);
