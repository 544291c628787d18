namespace Site.Theme.ViewModels;

/// <summary>
/// 地区 page: a county, town/street or village/community with the stations and deputies in it,
/// its own first, then each sub-region's (with everything below it), and where to go when it has
/// no station of its own.
/// </summary>
/// <param name="Level">The level as pages name it: 乡镇（街道）.</param>
/// <param name="Totals">Stations and deputies in the region and below it.</param>
/// <param name="Parts">The region's own stations and deputies, then each sub-region's; sub-regions with nothing are left out.</param>
/// <param name="SubRegionTable">A row per direct sub-region (and the region's own, if it has any) with its counts; the template adds the total.</param>
/// <param name="Nearby">When the region has no station in or below it: the nearest larger region's stations.</param>
/// <param name="NearbyRegion">The region <paramref name="Nearby"/> belongs to.</param>
public sealed record RegionPage(
    PageMeta Meta,
    string Name,
    string OfficialName,
    string Code,
    string Level,
    IReadOnlyList<Figure> Totals,
    IReadOnlyList<RegionPart> Parts,
    IReadOnlyList<RegionCountRow> SubRegionTable,
    IReadOnlyList<LinkCard> Nearby,
    LinkCard? NearbyRegion);

/// <summary>The stations and deputies of one region (with those below it).</summary>
/// <param name="Url">The region's page, null for the page's own region.</param>
public sealed record RegionPart(string Heading, string Anchor, string? Url, IReadOnlyList<LinkCard> Stations, IReadOnlyList<LinkCard> Deputies);

/// <summary>A row of a county's town table.</summary>
public sealed record RegionCountRow(string Name, string? Url, int Villages, int Stations, int Deputies);
